import { envelope } from './envelope';
import type { ProtocolError, Reply, ResponseMap } from './messages';
import type { RequestInput, RequestType } from './schemas';

export class RequestFailedError extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message);
    this.name = 'RequestFailedError';
  }
}

/** How a context hands a message to the background (runtime.sendMessage in real life). */
export type Send = (message: unknown) => Promise<unknown>;

/**
 * The one typed client every context uses to talk to the background: the
 * request type picks both the payload type and the response type.
 */
export function createClient(send: Send) {
  return async function request<K extends RequestType>(type: K, payload: RequestInput<K>): Promise<ResponseMap[K]> {
    const reply = (await send(envelope(type, payload))) as Reply<K> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      throw new RequestFailedError({ code: 'internal', message: `No answer to ${type}` });
    }
    if (reply.ok === true && 'data' in reply) return reply.data;
    if (reply.ok === false && isProtocolError(reply.error)) throw new RequestFailedError(reply.error);
    // Anything else (e.g. `{ ok: false }` from some other listener) must not pass as data or crash on `.message`.
    throw new RequestFailedError({ code: 'internal', message: `Malformed answer to ${type}` });
  };
}

export type Client = ReturnType<typeof createClient>;

function isProtocolError(x: unknown): x is ProtocolError {
  return typeof x === 'object' && x !== null && typeof (x as ProtocolError).code === 'string' && typeof (x as ProtocolError).message === 'string';
}
