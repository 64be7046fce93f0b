/**
 * Tells the isolated world which account this Gmail tab belongs to, from
 * `GLOBALS[10]` (set by an inline Gmail script, so absent at
 * document_start). Checked at DOMContentLoaded and load plus a few bounded
 * retries; never an endless poll.
 */

import { BRIDGE_SOURCE, BRIDGE_VERSION, KIND_PAGE_INFO, looksLikeEmail, type PageInfoEnvelope } from '../bridge-protocol';

type Win = Window & typeof globalThis;

const RETRY_MS = [1000, 3000, 10000];
const found = new WeakMap<Win, string>();

function readAccount(win: Win): string | undefined {
  const globals = (win as unknown as { GLOBALS?: unknown }).GLOBALS;
  const account = Array.isArray(globals) ? (globals[10] as unknown) : undefined;
  return looksLikeEmail(account) ? account : undefined;
}

function postAccount(win: Win, account: string): void {
  const envelope: PageInfoEnvelope = { source: BRIDGE_SOURCE, kind: KIND_PAGE_INFO, v: BRIDGE_VERSION, account };
  win.postMessage(envelope, win.location.origin);
}

/**
 * Posts the account again (if known). Used right before a send envelope:
 * the isolated-world listener may have missed the first post.
 */
export function repostPageInfo(win: Win): void {
  try {
    const account = found.get(win);
    if (account) postAccount(win, account);
  } catch {
    // best effort
  }
}

/** Starts watching for the account; posts it once when it shows up. */
export function watchPageInfo(win: Win): void {
  const check = (): boolean => {
    try {
      if (found.has(win)) return true;
      const account = readAccount(win);
      if (!account) return false;
      found.set(win, account);
      postAccount(win, account);
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
