import { isLive, threadKeysOf, watchesReplies, type Reminder } from '../core/reminder';
import { judgeLook, tabMayWrite } from '../core/replies/by-kind';
import { rulesFor, withStableIds } from '../core/replies/outcome';
import type { ResponseMap } from '../core/protocol/messages';
import type { RequestOf } from '../core/protocol/schemas';
import type { Settings } from '../core/settings';
import type { CheckStore } from '../storage/check-store';
import { ReminderNotFoundError, type ReminderStore } from '../storage/reminder-store';
import type { Announcer } from './announcer';
import type { PageKeyStore } from './page-keys';
import type { Clock } from './ports';
import type { Reconcile } from './reconciler';
import type { ReplyChecker } from './reply-checker';

export interface ReplyHandlerDeps {
  store: ReminderStore;
  checks: CheckStore;
  checker: ReplyChecker;
  settings: { get(): Promise<Settings> };
  pageKeys: PageKeyStore;
  announcer: Announcer;
  reconcile: Reconcile;
  clock: Clock;
}

type ReplyTypes = 'account.seen' | 'thread.observed' | 'thread.sent' | 'reminder.notReply' | 'reminder.autoAnswer' | 'reminder.checkNow';

/** Handlers for what Gmail tabs see and for the user's say on replies. */
export function createReplyHandlers(d: ReplyHandlerDeps): { [K in ReplyTypes]: (p: RequestOf<K>) => Promise<ResponseMap[K]> } {
  async function found(id: string): Promise<Reminder> {
    const r = await d.store.get(id);
    if (!r) throw new ReminderNotFoundError(id);
    return r;
  }

  return {
    async 'account.seen'(p) {
      if (p.ik) await d.pageKeys.set(p.account, p.ik);
      return { stored: true };
    },

    /**
     * A Gmail tab showing a tracked thread: its messages resolve the reminder
     * without any request. Only a reply or a bounce is written — a tab may
     * show a thread before its newest message has loaded, so its "no reply"
     * proves nothing.
     */
    async 'thread.observed'(p) {
      const keys = threadKeysOf({ provider: 'gmail', ...(p.threadId ? { threadId: p.threadId } : {}), ...(p.permThreadId ? { permThreadId: p.permThreadId } : {}) });
      const live = (await d.store.byThread(p.account, keys)).filter((r) => isLive(r.status) && watchesReplies(r));
      if (live.length === 0) return { resolved: [] };
      const settings = await d.settings.get();
      const resolved: Reminder[] = [];
      for (const r of live) {
        const messages = withStableIds(p.messages);
        const now = d.clock.now();
        const result = judgeLook(r, messages, rulesFor(r, settings.replies, settings.schedule.timeZone), 'gmail-tab', now);
        if (!tabMayWrite(result, messages)) continue;
        const written = await d.checks.record(r.id, r.rev, result, now);
        if (written && written.status !== r.status) resolved.push(written);
      }
      if (resolved.length > 0) {
        await Promise.all(resolved.filter((r) => r.status === 'replied').map((r) => d.announcer.withdraw(r.id)));
        await d.reconcile('tab');
      }
      return { resolved };
    },

    /**
     * The user sent a message in the thread that they did not arm: the replies they owed there are answered,
     * and a no-reply reminder that repeats until answered records it as a follow-up and waits for its next step.
     */
    async 'thread.sent'(p) {
      const ids = {
        ...(p.threadId ? { threadId: p.threadId } : {}),
        ...(p.permThreadId ? { permThreadId: p.permThreadId } : {}),
      };
      const keys = threadKeysOf({ provider: 'gmail', ...ids, ...(p.messageId ? { messageId: p.messageId } : {}) });
      const settings = await d.settings.get();
      const send = { at: p.sentAt, ...(p.messageId ? { messageId: p.messageId } : {}), thread: ids };
      const { answered, followedUp } = await d.store.sentInThread(p.account, keys, send, d.clock.now(), settings);
      // A notified reminder the user just followed up on waits again: its notification is stale.
      const changed = [...answered, ...followedUp];
      if (changed.length > 0) {
        await Promise.all(changed.map((r) => d.announcer.withdraw(r.id)));
        await d.reconcile('tab');
      }
      return { answered, ...(followedUp.length > 0 ? { followedUp } : {}) };
    },

    /** "That wasn't a real reply": never count that message again, and wait as before. */
    async 'reminder.notReply'(p) {
      const reminder = await d.checks.notReply(p.id, d.clock.now());
      await d.reconcile('user');
      return { reminder };
    },

    /** "That was an automatic answer": never count that message again, remember it as automatic, wait as before. */
    async 'reminder.autoAnswer'(p) {
      const reminder = await d.checks.autoAnswer(p.id, d.clock.now());
      await d.reconcile('user');
      return { reminder };
    },

    async 'reminder.checkNow'(p) {
      const r = await found(p.id);
      const written = await d.checker.checkNow(r);
      if (written?.status === 'replied') await d.announcer.withdraw(r.id);
      await d.reconcile('user');
      return { reminder: written ?? (await found(p.id)) };
    },
  };
}
