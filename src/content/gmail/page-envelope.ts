/**
 * Isolated-world receiver of what the page-world hook posts
 * (`main-world/send-hook.ts`): the envelopes, validated exactly. The page is
 * untrusted: any script in it can post the same envelopes, so each one is
 * checked field by field and its content is only ever handed on as data
 * (page-bridge.ts parses send responses from it). Part of the bootstrap
 * loaded into every Gmail page: no parser here.
 */

import {
  BRIDGE_SOURCE,
  BRIDGE_VERSION,
  KIND_PAGE_INFO,
  KIND_SYNC_SEND,
  looksLikeEmail,
  looksLikePageKey,
  MAX_BODY_CHARS,
  MAX_URL_CHARS,
  SYNC_SEND_PATH,
} from '../bridge-protocol';
import { safely } from '../safely';

/** What a validated envelope carries; nothing here is parsed beyond the envelope itself. */
export interface EnvelopeHandlers {
  /** A completed `200` of Gmail's sync send endpoint: the response body and, when the hook read it, the request body. */
  onSyncSend(body: string, request: string | undefined): void;
  /** `ik` is the account's page key when the page had one (validated hex). */
  onAccount(email: string, ik?: string): void;
}

const SEND_KEYS = ['source', 'kind', 'v', 'url', 'status', 'body'];
const INFO_KEYS = ['source', 'kind', 'v', 'account'];

/** Own keys are exactly `required`, plus any of `optional`. */
function hasExactKeys(data: object, required: string[], optional: string[] = []): boolean {
  const keys = Object.keys(data);
  if (Object.getOwnPropertySymbols(data).length > 0) return false;
  let seenRequired = 0;
  for (const k of keys) {
    if (required.includes(k)) seenRequired++;
    else if (!optional.includes(k)) return false;
  }
  return seenRequired === required.length;
}

function isPlainObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && Object.prototype.toString.call(data) === '[object Object]';
}

function isSendUrl(url: unknown, origin: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_CHARS) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // The hook posts `origin + pathname` only: anything else was not ours.
  return u.origin === origin && url === origin + u.pathname && SYNC_SEND_PATH.test(u.pathname);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_BODY_CHARS;
}

function handle(data: unknown, origin: string, handlers: EnvelopeHandlers): void {
  if (!isPlainObject(data) || data.source !== BRIDGE_SOURCE || data.v !== BRIDGE_VERSION) return;
  if (data.kind === KIND_SYNC_SEND) {
    if (!hasExactKeys(data, SEND_KEYS, ['request'])) return;
    if (data.status !== 200 || !isSendUrl(data.url, origin) || !isText(data.body)) return;
    if ('request' in data && !isText(data.request)) return;
    const body = data.body;
    const request = data.request as string | undefined;
    safely(() => handlers.onSyncSend(body, request));
  } else if (data.kind === KIND_PAGE_INFO) {
    // Each field is read once: a getter could answer differently the second time.
    const { account, ik } = data;
    if (!hasExactKeys(data, INFO_KEYS, ['ik']) || !looksLikeEmail(account)) return;
    // A malformed key means the envelope is not our hook's: drop it whole rather than keep the account.
    if ('ik' in data && !looksLikePageKey(ik)) return;
    const email = account.toLowerCase();
    safely(() => (looksLikePageKey(ik) ? handlers.onAccount(email, ik) : handlers.onAccount(email)));
  }
}

/**
 * Listens to the page-world hook on `win`; returns the unsubscribe.
 * Only messages posted by `win` itself, from its own origin, count.
 */
export function listenToPageEnvelopes(win: Window, handlers: EnvelopeHandlers): () => void {
  const onMessage = (event: MessageEvent): void => {
    try {
      if (event.source !== win || event.origin !== win.location.origin) return;
      handle(event.data, win.location.origin, handlers);
    } catch {
      // ignore silently: the page decides what gets posted, not us
    }
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
