/**
 * Tells the isolated world which account this Gmail tab belongs to, from
 * `GLOBALS[10]`, and the account's page key from `GLOBALS[9]` (both set by
 * an inline Gmail script, so absent at document_start). Checked at
 * DOMContentLoaded and load plus a few bounded retries; never an endless poll.
 */

import { BRIDGE_SOURCE, BRIDGE_VERSION, KIND_PAGE_INFO, looksLikeEmail, looksLikePageKey, type PageInfoEnvelope } from '../bridge-protocol';

type Win = Window & typeof globalThis;
type Info = { account: string; ik?: string };

const RETRY_MS = [1000, 3000, 10000];
const found = new WeakMap<Win, Info>();

function readInfo(win: Win): Info | undefined {
  const globals = (win as unknown as { GLOBALS?: unknown }).GLOBALS;
  if (!Array.isArray(globals)) return undefined;
  const account: unknown = globals[10];
  if (!looksLikeEmail(account)) return undefined;
  const ik: unknown = globals[9];
  // The key is optional: without it the background only loses print-view checks, not the account.
  return looksLikePageKey(ik) ? { account, ik } : { account };
}

function postInfo(win: Win, info: Info): void {
  const envelope: PageInfoEnvelope = { source: BRIDGE_SOURCE, kind: KIND_PAGE_INFO, v: BRIDGE_VERSION, ...info };
  win.postMessage(envelope, win.location.origin);
}

/**
 * Posts the account again (if known). Used right before a send envelope:
 * the isolated-world listener may have missed the first post. A key that
 * was missing then is looked for again.
 */
export function repostPageInfo(win: Win): void {
  try {
    let info = found.get(win);
    if (info && !info.ik) {
      const fresh = readInfo(win);
      if (fresh?.ik && fresh.account === info.account) found.set(win, (info = fresh));
    }
    if (info) postInfo(win, info);
  } catch {
    // best effort
  }
}

/** Starts watching for the account; posts it once when it shows up. */
export function watchPageInfo(win: Win): void {
  const check = (): boolean => {
    try {
      if (found.has(win)) return true;
      const info = readInfo(win);
      if (!info) return false;
      found.set(win, info);
      postInfo(win, info);
      return true;
    } catch {
      return false;
    }
  };
  try {
    if (check()) return;
    win.document.addEventListener('DOMContentLoaded', check, { once: true });
    win.addEventListener(
      'load',
      () => {
        if (check()) return;
        for (const ms of RETRY_MS) win.setTimeout(check, ms);
      },
      { once: true },
    );
  } catch {
    // no account hint: the isolated world falls back to the DOM
  }
}
