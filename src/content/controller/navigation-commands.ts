import { isShowThreadCommand, isWhoAmICommand, type ShowThreadAnswer, type WhoAmIAnswer } from '../../core/protocol/content-commands';
import type { AccountSource } from './account';

/**
 * "Open thread" without a new tab (content-commands.ts): which account this
 * tab shows, and showing a thread of that account. Needs no control on the
 * page, so the bootstrap answers it before the controls are loaded.
 * Undefined: not one of these commands.
 */
export function answerNavigation(message: unknown, accounts: AccountSource, win: Window): WhoAmIAnswer | ShowThreadAnswer | undefined {
  if (isWhoAmICommand(message)) return { account: accounts.current()?.toLowerCase() ?? null };
  if (isShowThreadCommand(message)) {
    if (accounts.current()?.toLowerCase() !== message.account) return { shown: false };
    // Gmail's own navigation: the hash moves the open tab to the thread without a reload.
    if (win.location.hash !== message.hash) win.location.hash = message.hash;
    return { shown: true };
  }
  return undefined;
}
