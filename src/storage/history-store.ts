import { FINISHED_STATUSES } from '../core/retention';
import type { ReminderDB } from './open-db';
import { hasCounts, remindersAndCounts, writeReminders } from './reminder-writes';

/** Deletions per transaction: a long clean-up never holds the store for long, and a killed worker loses one batch at most. */
const BATCH = 500;

/**
 * Finished reminders by status and last change (`by-status-updated`, v3):
 * how many finished before an instant, and removing them in batches.
 */
export function historyStore(connection: ReminderDB | Promise<ReminderDB>, keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange) {
  const ready = Promise.resolve(connection);
  const before = (status: string, cutoff: number) => keyRange.bound([status, -Infinity], [status, cutoff], false, true);
  const all = (status: string) => keyRange.bound([status, -Infinity], [status, Infinity]);

  return {
    /** Finished reminders in total, and those whose last change is before `cutoff` (when given). */
    async count(cutoff?: number): Promise<{ finished: number; before: number; oldest?: number }> {
      const db = await ready;
      const withCounts = hasCounts(db);
      const tx = remindersAndCounts(db, 'readonly');
      const index = tx.objectStore('reminders').index('by-status-updated');
      let finished = 0;
      let older = 0;
      let oldest: number | undefined;
      for (const status of FINISHED_STATUSES) {
        // The stored count when there is one (one key read); else the index walked (Chromium visits every key).
        finished += (withCounts ? await tx.objectStore('counts').get(status) : undefined) ?? (await index.count(all(status)));
        if (cutoff !== undefined) older += await index.count(before(status, cutoff));
        const first = await index.openKeyCursor(all(status));
        const at = first?.key[1];
        if (at !== undefined && (oldest === undefined || at < oldest)) oldest = at;
      }
      await tx.done;
      return { finished, before: older, ...(oldest !== undefined ? { oldest } : {}) };
    },

    /** Deletes every finished reminder whose last change is before `cutoff`; answers how many went. */
    async pruneBefore(cutoff: number): Promise<number> {
      const db = await ready;
      let removed = 0;
      for (const status of FINISHED_STATUSES) {
        for (;;) {
          const w = writeReminders(db);
          const keys = await w.reminders.index('by-status-updated').getAllKeys(before(status, cutoff), BATCH);
          // Re-checked inside the transaction: a reminder reopened meanwhile is no longer in the range.
          // Each delete moves its status's count in the same transaction.
          await Promise.all(keys.map((key) => w.delete(key)));
          await w.tx.done;
          removed += keys.length;
          if (keys.length < BATCH) break;
        }
      }
      return removed;
    },
  };
}

export type HistoryStore = ReturnType<typeof historyStore>;
