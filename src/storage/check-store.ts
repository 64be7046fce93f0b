import { WAITING_STATUSES, watchesReplies, type Reminder, type ReminderStatus } from '../core/reminder';
import { checkNeeded, nextCheckAt, PRECHECK_MS, type CheckKind, type CheckResult } from '../core/replies/outcome';
import { applyEvent, IllegalTransitionError } from '../core/transitions';
import type { ReminderDB } from './open-db';
import { ReminderNotFoundError } from './reminder-store';
import { writeReminders } from './reminder-writes';

/**
 * The reply-check side of the reminder store: which reminders want a look
 * now, and writing what a look found. A look takes seconds on the network,
 * so it is written compare-and-set against the revision it started from:
 * whatever the user did meanwhile wins, and the next wake-up looks again.
 */
export function checkStore(connection: ReminderDB | Promise<ReminderDB>, keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange) {
  const ready = Promise.resolve(connection);
  const range = (status: ReminderStatus, upTo = Infinity) => keyRange.bound([status, -Infinity], [status, upTo]);

  /** Waiting reminders due before `upTo`, and every notified one (their failed looks are retried). */
  async function scan(upTo: number): Promise<Reminder[]> {
    const db = await ready;
    const tx = db.transaction('reminders');
    const index = tx.store.index('by-status-due');
    const found: Reminder[] = [];
    for (const status of WAITING_STATUSES) found.push(...(await index.getAll(range(status, upTo))));
    found.push(...(await index.getAll(range('notified'))));
    await tx.done;
    return found;
  }

  /**
   * A user's override, in one transaction: back to waiting, the resolving message remembered in `list` (not a
   * reply / an automatic answer, so the next look notes it as such), and the old look forgotten so the next one is
   * made afresh.
   */
  async function reopenRemembering(id: string, now: number, list: 'ignoredReplyIds' | 'autoReplyIds'): Promise<Reminder> {
    const db = await ready;
    const w = writeReminders(db);
    const current = await w.reminders.get(id);
    if (!current) throw new ReminderNotFoundError(id);
    const next = applyEvent(current, { type: 'reopen' }, now, 'user');
    const messageId = current.resolution?.messageId;
    if (messageId) next[list] = [...new Set([...(current[list] ?? []), messageId])].slice(-100);
    delete next.check;
    await w.put(next);
    await w.tx.done;
    return next;
  }

  return {
    /** Reminders that want a look at `now`, earliest due first. */
    async due(now: number): Promise<{ reminder: Reminder; kind: CheckKind }[]> {
      return (await scan(now + PRECHECK_MS))
        .flatMap((reminder) => {
          const kind = checkNeeded(reminder, now);
          return kind ? [{ reminder, kind }] : [];
        })
        // Looks that decide whether a reminder fires come before retries of ones already shown.
        .sort((a, b) => Number(a.kind === 'retry') - Number(b.kind === 'retry') || a.reminder.dueAt - b.reminder.dueAt);
    },

    /** When the next look is wanted (for the alarm), if ever. */
    async nextAt(now: number): Promise<number | undefined> {
      const db = await ready;
      const index = db.transaction('reminders').store.index('by-status-due');
      let earliest = Infinity;
      for (const status of WAITING_STATUSES) {
        const first = await index.openCursor(range(status));
        if (first) earliest = Math.min(earliest, first.value.dueAt);
      }
      // Only reminders due within one pre-check window of the earliest can want a look before it.
      const times = (await scan(earliest + PRECHECK_MS)).map((r) => nextCheckAt(r, now)).filter((t): t is number => t !== undefined);
      return times.length > 0 ? Math.min(...times) : undefined;
    },

    /**
     * "That wasn't a real reply", in one transaction: back to waiting, the
     * message remembered as not counting, and the old look forgotten so the
     * next one is made afresh.
     */
    notReply: (id: string, now: number): Promise<Reminder> => reopenRemembering(id, now, 'ignoredReplyIds'),

    /**
     * "That was an automatic answer", in one transaction: back to waiting,
     * the message remembered as automatic (so the next look notes it as
     * such, with any return date it states), the old look forgotten.
     */
    autoAnswer: (id: string, now: number): Promise<Reminder> => reopenRemembering(id, now, 'autoReplyIds'),

    /** Writes a look's result; undefined when the reminder changed since `expectedRev` (nothing written). */
    async record(id: string, expectedRev: number, result: CheckResult, now: number): Promise<Reminder | undefined> {
      const db = await ready;
      const w = writeReminders(db);
      const current = await w.reminders.get(id);
      // A reminder "regardless of replies" is never looked at; a look that got here all the same writes nothing.
      if (!current || current.rev !== expectedRev || !watchesReplies(current)) {
        await w.tx.done;
        return undefined;
      }
      let next: Reminder = { ...current, rev: current.rev + 1, updatedAt: now };
      if (result.event) {
        try {
          const cause = result.event.type === 'reply' ? 'reply' : result.event.type === 'reschedule' ? 'auto-reply' : 'bounce';
          next = applyEvent(current, result.event, now, cause);
        } catch (error) {
          if (!(error instanceof IllegalTransitionError)) throw error;
        }
      }
      next.check = result.check;
      await w.put(next);
      await w.tx.done;
      return next;
    },
  };
}

export type CheckStore = ReturnType<typeof checkStore>;
