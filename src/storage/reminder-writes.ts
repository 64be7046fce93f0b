import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type { Reminder, ReminderStatus } from '../core/reminder';
import { FINISHED_STATUSES } from '../core/retention';
import type { ReminderDB } from './open-db';
import type { FollowThroughDB } from './schema';

type Stores = ('reminders' | 'counts')[];
export type WriteTransaction = IDBPTransaction<FollowThroughDB, Stores, 'readwrite'>;

/**
 * The one way to write reminders: every put, add and delete also moves the count of its status in the
 * `counts` store (v6), in the same transaction, so the counts can never disagree with what was committed.
 * Only finished statuses are counted (the history sections, thousands of rows): a waiting reminder's
 * create, fire, snooze or announce touches no count.
 * The status before a put is read here, inside the transaction, not taken from the caller.
 *
 * A count that is missing stays missing (unknown, and the popup falls back to counting what it reads)
 * until `statusCounts(…).recount()` writes it; one that would go below zero was wrong and is dropped the same way.
 * A database without the store (an older schema, as the capped build of the update e2e has) is written
 * without counts.
 */
export interface ReminderWrites {
  tx: WriteTransaction;
  /** For reads inside the transaction (get, indexes). Write through the methods below. */
  reminders: IDBPObjectStore<FollowThroughDB, Stores, 'reminders', 'readwrite'>;
  /** Answers the reminder it replaced, or undefined when the id was new. */
  put(next: Reminder): Promise<Reminder | undefined>;
  /** Fails (ConstraintError, aborting the transaction) when the id is taken, as IndexedDB's add does. */
  add(next: Reminder): Promise<void>;
  /** Answers the reminder deleted, or undefined when there was none. */
  delete(id: string): Promise<Reminder | undefined>;
  /** Deletes every reminder; every count becomes 0. Answers the ids that were there. */
  clear(): Promise<string[]>;
}

/** The statuses the `counts` store holds: history. */
export const COUNTED_STATUSES = FINISHED_STATUSES;
const counted = (s: ReminderStatus | undefined): s is (typeof COUNTED_STATUSES)[number] => (COUNTED_STATUSES as readonly (ReminderStatus | undefined)[]).includes(s);

export const hasCounts = (db: ReminderDB) => db.objectStoreNames.contains('counts');

/**
 * A transaction over the reminders and, when the database has them, their counts: one state for both.
 * (Typed as if the counts were always there; check `hasCounts` before touching them.)
 */
export function remindersAndCounts<Mode extends 'readonly' | 'readwrite'>(db: ReminderDB, mode: Mode): IDBPTransaction<FollowThroughDB, Stores, Mode> {
  return db.transaction(hasCounts(db) ? ['reminders', 'counts'] : ['reminders'], mode) as unknown as IDBPTransaction<FollowThroughDB, Stores, Mode>;
}

export function writeReminders(db: ReminderDB): ReminderWrites {
  const withCounts = hasCounts(db);
  const tx = remindersAndCounts(db, 'readwrite');
  const reminders = tx.objectStore('reminders');
  const counts = withCounts ? tx.objectStore('counts') : undefined;
  // One row object per status for the whole transaction: concurrent writes add to the same number and
  // issue their puts in order, so the last put carries every change.
  const rows = new Map<ReminderStatus, Promise<{ n: number | undefined }>>();
  const row = (status: ReminderStatus) => {
    let r = rows.get(status);
    if (!r) rows.set(status, (r = counts!.get(status).then((n) => ({ n }))));
    return r;
  };

  async function shift(status: ReminderStatus, by: number): Promise<void> {
    if (!counts) return;
    const r = await row(status);
    if (r.n === undefined) return;
    r.n += by;
    if (r.n < 0) {
      // It was wrong: unknown until recounted, never a negative number on screen.
      r.n = undefined;
      await counts.delete(status);
    } else await counts.put(r.n, status);
  }

  async function moved(from: ReminderStatus | undefined, to: ReminderStatus | undefined): Promise<void> {
    if (from === to) return;
    await Promise.all([counted(from) && shift(from, -1), counted(to) && shift(to, 1)]);
  }

  return {
    tx,
    reminders,
    async put(next) {
      const before = await reminders.get(next.id);
      await reminders.put(next);
      await moved(before?.status, next.status);
      return before;
    },
    async add(next) {
      await reminders.add(next);
      await moved(undefined, next.status);
    },
    async delete(id) {
      const before = await reminders.get(id);
      if (!before) return undefined;
      await reminders.delete(id);
      await moved(before.status, undefined);
      return before;
    },
    async clear() {
      const ids = await reminders.getAllKeys();
      await reminders.clear();
      if (counts) {
        await counts.clear();
        await Promise.all(COUNTED_STATUSES.map((s) => counts.put(0, s)));
        for (const s of COUNTED_STATUSES) rows.set(s, Promise.resolve({ n: 0 }));
      }
      return ids;
    },
  };
}

/** Rolls back whatever the transaction did (a failed request may have aborted it already). */
export async function abandon(w: ReminderWrites): Promise<void> {
  try {
    w.tx.abort();
  } catch {
    /* already aborted or finished */
  }
  await w.tx.done.catch(() => undefined);
}
