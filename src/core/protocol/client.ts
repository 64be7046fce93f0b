import { envelope, type ProtocolError, type Reply, type ResponseMap } from './messages';
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
    if (!reply.ok) throw new RequestFailedError(reply.error);
    return reply.data;
  };
}

export type Client = ReturnType<typeof createClient>;
