import { threadHash, threadUrl } from '../core/gmail-links';
import { showThreadCommand, whoAmICommand } from '../core/protocol/content-commands';
import type { Reminder } from '../core/reminder';
import type { GmailTab, GmailTabsPort, Logger, TabsPort } from './ports';

/** A Gmail tab that has not answered by then is treated as not there (frozen, its script gone). */
export const TAB_ANSWER_MS = 1500;

export interface ThreadOpenerDeps {
  gmailTabs: GmailTabsPort;
  tabs: TabsPort;
  log: Logger;
  /** How long a tab may take to answer (the real timer unless a test controls it). */
  answerTimeout?(): Promise<void>;
}

/**
 * "Open thread" focuses, it does not multiply: an open Gmail tab of the
 * reminder's account is brought to the front and shows the thread; a new tab
 * only when none is open. The tab's own content script says which account it
 * shows (the `/u/N` in its URL is not an identity) and moves it to the thread
 * the way a click in Gmail would (the hash), so nothing reloads.
 */
export function createThreadOpener({ gmailTabs, tabs, log, answerTimeout = () => new Promise((r) => setTimeout(r, TAB_ANSWER_MS)) }: ThreadOpenerDeps) {
  const ask = async (tab: GmailTab, message: unknown): Promise<unknown> =>
    Promise.race([gmailTabs.send(tab.id, message), answerTimeout().then(() => undefined)]).catch(() => undefined);

  async function accountTab(account: string): Promise<GmailTab | undefined> {
    let open: GmailTab[];
    try {
      open = await gmailTabs.list();
    } catch (error) {
      log.warn('Could not list Gmail tabs; opening a new one', error);
      return undefined;
    }
    const answers = await Promise.all(open.map((tab) => ask(tab, whoAmICommand())));
    const mine = open.filter((_, i) => accountOf(answers[i]) === account);
    // The one the user saw last: the active tab of a window first, then the most recently used.
    mine.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    return mine[0];
  }

  return async function openThread(reminder: Pick<Reminder, 'account' | 'thread'>): Promise<'focused' | 'opened'> {
    const tab = await accountTab(reminder.account);
    if (tab) {
      const answer = await ask(tab, showThreadCommand(reminder.account, threadHash(reminder)));
      if ((answer as { shown?: unknown } | undefined)?.shown === true) {
        await gmailTabs.focus(tab);
        return 'focused';
      }
    }
    await tabs.open(threadUrl(reminder));
    return 'opened';
  };
}

export type OpenThread = ReturnType<typeof createThreadOpener>;

function accountOf(answer: unknown): string | undefined {
  const account = (answer as { account?: unknown } | undefined)?.account;
  return typeof account === 'string' ? account.trim().toLowerCase() : undefined;
}
