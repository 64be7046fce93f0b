import type { Envelope } from './messages';
import type { RequestInput, RequestType } from './schemas';

/**
 * Builds the wire form of a request. Kept apart from the schemas so the
 * content script, which only sends, does not bundle the validator.
 */
export function envelope<K extends RequestType>(type: K, payload: RequestInput<K>): Envelope<K> {
  return { v: 1, type, payload };
}
