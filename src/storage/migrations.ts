import type { IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { ReminderStatus } from '../core/reminder';
import type { FollowThroughDB } from './schema';

type UpgradeTx = IDBPTransaction<FollowThroughDB, StoreNames<FollowThroughDB>[], 'versionchange'>;

/**
 * `MIGRATIONS[n]` upgrades a database from version n to n + 1; the database
 * version is therefore `MIGRATIONS.length`. Never edit a shipped migration:
 * append a new one (and a test that starts from a fixture of the version
 * before it).
 */
export type Migration = (db: IDBPDatabase<FollowThroughDB>, tx: UpgradeTx) => void;

/** The statuses v6 counts, history (frozen here: a later one gets its row from its own migration or a recount). */
const V6_STATUSES: readonly ReminderStatus[] = ['replied', 'done', 'cancelled'];

/** A store as an older version had it: its indexes need not be in today's schema (v5 dropped two). */
const untyped = (store: unknown) => store as IDBPObjectStore<unknown, ArrayLike<string>, string, 'versionchange'>;

export const MIGRATIONS: readonly Migration[] = [
  // v0 → v1: the reminders store and the indexes the product queries by.
  (db) => {
    const reminders = db.createObjectStore('reminders', { keyPath: 'id' });
    reminders.createIndex('by-status-due', ['status', 'dueAt']);
    reminders.createIndex('by-account-thread', ['account', 'threadKey']);
    untyped(reminders).createIndex('by-updated', 'updatedAt');
  },
  // v1 → v2: one account's reminders in due order (per-account lists and counts
  // without reading every reminder). Existing records are indexed by the upgrade.
  (_db, tx) => {
    untyped(tx.objectStore('reminders')).createIndex('by-account-due', ['account', 'dueAt']);
  },
  // v2 → v3: finished reminders (replied, done, cancelled) newest first per status, so the popup
  // pages through history and retention prunes it without reading every reminder.
  (_db, tx) => {
    tx.objectStore('reminders').createIndex('by-status-updated', ['status', 'updatedAt']);
  },
  // v3 → v4: one kind's reminders per status in due order, so the popup lists the replies the user
  // owes ("To answer") apart from the follow-ups, through the index. Existing records are indexed by the upgrade.
  (_db, tx) => {
    tx.objectStore('reminders').createIndex('by-kind-status-due', ['kind', 'status', 'dueAt']);
  },
  // v4 → v5: drop the indexes nothing reads. `by-updated` (v1) and `by-account-due` (v2) were never queried
  // (history and retention use by-status-updated, the lists by-kind-status-due), yet every write updated
  // them and every reminder carried their keys on disk. Records are untouched; only index entries go.
  (_db, tx) => {
    const reminders = untyped(tx.objectStore('reminders'));
    reminders.deleteIndex('by-updated');
    reminders.deleteIndex('by-account-due');
  },
  // v5 → v6: finished reminders per status in a `counts` store, kept by every write in the same transaction
  // (reminder-writes.ts), so the popup shows "Done 17,559" without counting on open. Built here from one
  // walk of by-status-due's keys (no values read). A failed request aborts the whole upgrade (IndexedDB's
  // rule: the store stays v5, untouched); rows this code did not write stay missing, which reads as
  // "unknown" and is recounted by the background.
  (db, tx) => {
    db.createObjectStore('counts');
    const found = new Map<ReminderStatus, number>(V6_STATUSES.map((s) => [s, 0]));
    void (async () => {
      let cursor = await tx.objectStore('reminders').index('by-status-due').openKeyCursor();
      while (cursor) {
        const status = cursor.key[0];
        if (found.has(status)) found.set(status, found.get(status)! + 1);
        cursor = await cursor.continue();
      }
      const counts = tx.objectStore('counts');
      await Promise.all([...found].map(([status, n]) => counts.put(n, status)));
    })().catch(() => undefined);
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function runMigrations(
  db: IDBPDatabase<FollowThroughDB>,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
): void {
  for (let v = oldVersion; v < newVersion; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) throw new Error(`No migration from database version ${v}`);
    migrate(db, tx);
  }
}
