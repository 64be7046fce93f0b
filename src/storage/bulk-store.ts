import type { Reminder } from '../core/reminder';
import type { ReminderDB } from './open-db';
import { abandon, writeReminders } from './reminder-writes';

/**
 * Whole-database operations for backup and "delete everything". Each runs
 * in one readwrite transaction: if anything fails, IndexedDB rolls all of
 * it back and nothing has changed.
 */
export function bulkStore(connection: ReminderDB | Promise<ReminderDB>) {
  const ready = Promise.resolve(connection);
  return {
    /** Writes every reminder (already validated); one with the id of a stored reminder replaces it. */
    async putAll(reminders: readonly Reminder[]): Promise<{ imported: number; replaced: string[] }> {
      const db = await ready;
      const w = writeReminders(db);
      const replaced: string[] = [];
      try {
        for (const r of reminders) {
          if ((await w.put(r)) !== undefined) replaced.push(r.id);
        }
      } catch (error) {
        // A failed request aborts the transaction on its own (reminders and counts alike); make sure, and surface the first error.
        await abandon(w);
        throw error;
      }
      await w.tx.done;
      return { imported: reminders.length, replaced };
    },

    /** Deletes every reminder (every count becomes 0); returns the ids that were there. */
    async clear(): Promise<string[]> {
      const db = await ready;
      const w = writeReminders(db);
      const ids = await w.clear();
      await w.tx.done;
      return ids;
    },
  };
}

export type BulkStore = ReturnType<typeof bulkStore>;
