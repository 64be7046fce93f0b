import { parseEnvelope, type ErrorCode, type ProtocolError, type Reply } from '../core/protocol/messages';
import type { RequestType } from '../core/protocol/schemas';
import { classifySender, isAllowed, type SenderInfo } from '../core/protocol/sender';
import type { Handlers } from './handlers';
import type { Logger } from './ports';

export interface RouterDeps {
  handlers: Handlers;
  extensionId: string;
  /** `runtime.getURL('')`: our own pages start with it. */
  extensionOrigin: string;
  log: Logger;
}

// `invalid-request` from a handler: input that passed the schema but not a deeper check (e.g. a backup file).
const KNOWN_CODES = new Set<ErrorCode>(['invalid-request', 'not-found', 'conflict', 'illegal-transition', 'unparseable']);

/**
 * The single entry for runtime messages: who sent it, is it well-formed,
 * then the handler. Every outcome is a Reply; nothing throws back into the
 * messaging layer, and a rejected message has changed nothing.
 */
export function createRouter({ handlers, extensionId, extensionOrigin, log }: RouterDeps) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply<RequestType>> {
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { type, payload } = parsed.request;

    const kind = classifySender(sender, extensionId, extensionOrigin);
    if (!kind || !isAllowed(type, kind)) {
      log.warn(`Refused ${type} from ${sender.url ?? 'an unknown sender'}`);
      return { ok: false, error: { code: 'forbidden', message: `${type} is not allowed from this sender` } };
    }

    try {
      // The sender too: a handler acting on the sending frame (controls.load) needs its tab and frame.
      const handler = handlers[type] as (p: typeof payload, sender: SenderInfo) => Promise<unknown>;
      return { ok: true, data: (await handler(payload, sender)) as never };
    } catch (error) {
      return { ok: false, error: toProtocolError(error, type, log) };
    }
  };
}

function toProtocolError(error: unknown, type: RequestType, log: Logger): ProtocolError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && KNOWN_CODES.has(code as ErrorCode)) return { code: code as ErrorCode, message };
  if (error instanceof RangeError) return { code: 'invalid-request', message };
  log.error(`${type} failed`, error);
  return { code: 'internal', message: `${type} failed: ${message}` };
}
