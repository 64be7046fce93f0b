/**
 * Messages the background sends to a Gmail tab's content script (the other
 * direction from schemas.ts). Checked by hand: the content script must not
 * bundle the validator, and there is one shape.
 */

export const ARM_COMMAND = 'arm-reminder';

export interface ContentCommand {
  v: 1;
  type: 'content.arm';
}

export const armCommand = (): ContentCommand => ({ v: 1, type: 'content.arm' });

export function isContentCommand(x: unknown): x is ContentCommand {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  const m = x as Record<string, unknown>;
  return keys.length === 2 && m.v === 1 && m.type === 'content.arm';
}

/**
 * "Open thread" without a new tab: the background asks each open Gmail tab
 * which account it shows (`content.whoami` → `{ account }`), then tells the
 * one it picked to show the thread (`content.showThread` → `{ shown }`).
 */
export interface WhoAmICommand {
  v: 1;
  type: 'content.whoami';
}

export interface ShowThreadCommand {
  v: 1;
  type: 'content.showThread';
  /** The account the thread belongs to: a tab of another account does nothing. */
  account: string;
  /** The thread's place in Gmail, `#all/<hex>` or `#search/rfc822msgid%3A…` (see threadHash). */
  hash: string;
}

export interface WhoAmIAnswer {
  account: string | null;
}

export interface ShowThreadAnswer {
  shown: boolean;
}

export const whoAmICommand = (): WhoAmICommand => ({ v: 1, type: 'content.whoami' });
export const showThreadCommand = (account: string, hash: string): ShowThreadCommand => ({ v: 1, type: 'content.showThread', account, hash });

/** What `threadHash` produces, and nothing else: the only navigation a message may ask of a Gmail tab. */
const THREAD_HASH = /^#(all\/[0-9a-f]{1,16}|search\/[A-Za-z0-9%._~!*'()-]{1,1000}|inbox)$/;

export function isWhoAmICommand(x: unknown): x is WhoAmICommand {
  return isShape(x, 2) && (x as Record<string, unknown>).type === 'content.whoami';
}

export function isShowThreadCommand(x: unknown): x is ShowThreadCommand {
  if (!isShape(x, 4)) return false;
  const m = x as Record<string, unknown>;
  return (
    m.type === 'content.showThread' &&
    typeof m.account === 'string' &&
    m.account.length > 0 &&
    m.account.length <= 320 &&
    typeof m.hash === 'string' &&
    THREAD_HASH.test(m.hash)
  );
}

function isShape(x: unknown, keyCount: number): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === keyCount && (x as { v?: unknown }).v === 1;
}
