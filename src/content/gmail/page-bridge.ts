/**
 * Isolated-world receiver of what the page-world hook posts
 * (`main-world/send-hook.ts`). The page is untrusted: any script in it can
 * post the same envelopes, so each one is validated exactly and its content
 * is only ever parsed as data (a forged send can at most suggest a reminder
 * for a message id, which the caller matches against a send it saw).
 */

import { listenToPageEnvelopes, type EnvelopeHandlers } from './page-envelope';
import { parseSendResponse, type SentMessage } from './sync-response';

export interface PageBridgeHandlers {
  onSend(messages: SentMessage[]): void;
  /**
   * Whether a send is being waited for. Gmail's sync endpoint also carries every draft save and
   * label change: without a Send click to pair with, its responses are not worth parsing.
   */
  wantsSends?(): boolean;
  /** `ik` is the account's page key when the page had one (validated hex). */
  onAccount(email: string, ik?: string): void;
}

/**
 * The parsing half: validated envelopes in (page-envelope.ts), sent messages out. Kept apart so the
 * bootstrap loaded into every Gmail page validates and buffers envelopes without the sync parser.
 */
export function parsingHandlers(handlers: PageBridgeHandlers): EnvelopeHandlers {
  return {
    onSyncSend(body, request) {
      if (handlers.wantsSends && !handlers.wantsSends()) return;
      const messages = parseSendResponse(body, request);
      if (messages.length > 0) handlers.onSend(messages);
    },
    onAccount: (email, ik) => (ik === undefined ? handlers.onAccount(email) : handlers.onAccount(email, ik)),
  };
}

/**
 * Listens to the page-world hook on `win`; returns the unsubscribe.
 * Only messages posted by `win` itself, from its own origin, count.
 */
export function listenToPage(win: Window, handlers: PageBridgeHandlers): () => void {
  return listenToPageEnvelopes(win, parsingHandlers(handlers));
}
