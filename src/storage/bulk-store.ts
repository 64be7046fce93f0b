import type { Reminder } from '../core/reminder';
import type { ReminderDB } from './open-db';

/**
 * Whole-database operations for backup and "delete everything". Each runs
 * in one readwrite transaction: if anything fails, IndexedDB rolls all of
 * it back and nothing has changed.
 */
export function bulkStore(connection: ReminderDB | Promise<ReminderDB>) {
  // Awaited where used, not wrapped now: a connection opened on first use (background/on-first-use.ts) stays unopened until then.
  const ready = connection;
  return {
    /** Writes every reminder (already validated); one with the id of a stored reminder replaces it. */
    async putAll(reminders: readonly Reminder[]): Promise<{ imported: number; replaced: string[] }> {
      const db = await ready;
      const tx = db.transaction('reminders', 'readwrite');
      const replaced: string[] = [];
      try {
        for (const r of reminders) {
          if ((await tx.store.getKey(r.id)) !== undefined) replaced.push(r.id);
          await tx.store.put(r);
        }
      } catch (error) {
        // A failed request aborts the transaction on its own; make sure, and surface the first error.
        try {
          tx.abort();
        } catch {
          /* already aborted */
        }
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
      return { imported: reminders.length, replaced };
    },

    /** Deletes every reminder; returns the ids that were there. */
    async clear(): Promise<string[]> {
      const db = await ready;
      const tx = db.transaction('reminders', 'readwrite');
      const ids = await tx.store.getAllKeys();
      await tx.store.clear();
      await tx.done;
      return ids;
    },
  };
}

export type BulkStore = ReturnType<typeof bulkStore>;
