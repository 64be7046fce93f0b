import type { ReminderStatus } from '../core/reminder';
import type { ReminderDB } from './open-db';
import { COUNTED_STATUSES, hasCounts } from './reminder-writes';

export interface Recounted {
  status: ReminderStatus;
  /** What the `counts` store said (undefined: missing). */
  stored: number | undefined;
  actual: number;
}

/**
 * The `counts` store's self-repair: each status counted from `by-status-due` and written back, in one
 * readwrite transaction per status (a consistent count and write; writes wait for one status's count,
 * about a second for 20,000 keys on Chromium, never for all of them). Run when a read finds a count
 * missing or contradicted, and once a day with the retention clean-up.
 */
export function statusCounts(connection: ReminderDB | Promise<ReminderDB>, keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange) {
  const ready = Promise.resolve(connection);
  let running: Promise<Recounted[]> | undefined;

  async function recountOnce(): Promise<Recounted[]> {
    const db = await ready;
    if (!hasCounts(db)) return [];
    const fixed: Recounted[] = [];
    for (const status of COUNTED_STATUSES) {
      const tx = db.transaction(['reminders', 'counts'], 'readwrite');
      const stored = await tx.objectStore('counts').get(status);
      const actual = await tx.objectStore('reminders').index('by-status-due').count(keyRange.bound([status, -Infinity], [status, Infinity]));
      if (stored !== actual) {
        await tx.objectStore('counts').put(actual, status);
        fixed.push({ status, stored, actual });
      }
      await tx.done;
    }
    return fixed;
  }

  return {
    /** Recounts every status; answers the ones that were wrong or missing. Calls while one runs share it. */
    recount(): Promise<Recounted[]> {
      running ??= recountOnce().finally(() => (running = undefined));
      return running;
    },
  };
}

export type StatusCounts = ReturnType<typeof statusCounts>;
