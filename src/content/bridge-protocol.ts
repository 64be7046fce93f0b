/**
 * The wire format between the page-world hook (`main-world/send-hook.ts`)
 * and the isolated-world receiver (`gmail/page-bridge.ts`).
 *
 * This module is bundled into the page-world script, so it must stay tiny,
 * pure and import-free: constants, types and one or two regexes.
 *
 * Versions meet here: the page-world hook is installed once per page load
 * (a second copy sees the first and does nothing), so after an extension
 * update the OLD version's hook keeps delivering to the NEW isolated script.
 * Changes to these envelopes must stay readable both ways, or bump
 * BRIDGE_VERSION and keep accepting the old one.
 *
 * The page is untrusted: anything Gmail's page (or another script in it) can
 * post looks exactly like what our hook posts. The receiver therefore
 * validates every envelope and treats its content as a hint, never as an
 * instruction.
 */

export const BRIDGE_SOURCE = 'follow-through';
export const BRIDGE_VERSION = 1;

export const KIND_SYNC_SEND = 'sync-send';
export const KIND_PAGE_INFO = 'page-info';

/** Response and request bodies larger than this are not forwarded (or parsed). */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;
/** Longest URL the bridge accepts (the hook posts origin + path only). */
export const MAX_URL_CHARS = 2048;
/** RFC 5321 limit of a forward path. */
export const MAX_EMAIL_CHARS = 254;

/** Gmail's sync "set" endpoint, which also carries sends: `/sync/u/<n>/i/s`. */
export const SYNC_SEND_PATH = /^\/sync\/u\/\d{1,3}\/i\/s$/;

/**
 * A plain address `local@domain.tld`: no spaces, quotes, brackets or
 * separators in the local part; an LDH domain with at least one dot.
 */
export const EMAIL_RE =
  /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function looksLikeEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_EMAIL_CHARS && EMAIL_RE.test(value);
}

/** Gmail's per-account page key (`GLOBALS[9]`, the `ik=` of print-view URLs): lower-case hex, as the background's schema wants it. */
export const PAGE_KEY_RE = /^[0-9a-f]{6,20}$/;

export function looksLikePageKey(value: unknown): value is string {
  return typeof value === 'string' && PAGE_KEY_RE.test(value);
}

/** Posted for every completed `200` response of the sync send endpoint. */
export interface SyncSendEnvelope {
  source: typeof BRIDGE_SOURCE;
  kind: typeof KIND_SYNC_SEND;
  v: typeof BRIDGE_VERSION;
  /** `origin + pathname` of the request (no query string). */
  url: string;
  status: 200;
  /** The response body, as text. */
  body: string;
  /**
   * The request body when it was a string (XHR `send(string)` or fetch
   * `init.body` string). Used to tell which messages of the response were
   * just sent; absent when the hook could not read it.
   */
  request?: string;
}

/** Posted once per page, as soon as Gmail's `GLOBALS[10]` holds the account. */
export interface PageInfoEnvelope {
  source: typeof BRIDGE_SOURCE;
  kind: typeof KIND_PAGE_INFO;
  v: typeof BRIDGE_VERSION;
  account: string;
  /** `GLOBALS[9]` when it holds a page key; absent otherwise (the account alone is still worth posting). */
  ik?: string;
}

export type BridgeEnvelope = SyncSendEnvelope | PageInfoEnvelope;
