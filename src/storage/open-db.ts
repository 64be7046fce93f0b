import { wrap, type IDBPDatabase } from 'idb';
import { DB_NAME, type FollowThroughDB } from './schema';
import { DB_VERSION, runMigrations } from './migrations';

export type ReminderDB = IDBPDatabase<FollowThroughDB>;

/**
 * Opens (and migrates) the database through the given factory, so tests
 * hand in a fresh fake-indexeddb factory instead of patching globals.
 * Same flow as idb's openDB, with the factory as a parameter. (idb itself
 * still recognises IndexedDB objects by the global interface classes,
 * `IDBRequest` & co.; see test/unit/storage/idb-env.ts.)
 */
export function openReminderDb(
  factory: IDBFactory,
  { name = DB_NAME, version = DB_VERSION }: { name?: string; version?: number } = {},
): Promise<ReminderDB> {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, version);
  } catch (error) {
    // A rejected promise, not a throw: the caller registers its listeners first.
    return Promise.reject(error);
  }
  let migrationError: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as ReminderDB;
    const tx = wrap(request.transaction!) as unknown as Parameters<typeof runMigrations>[1];
    // A failed migration is reported through the open request below, not as a stray rejection.
    tx.done.catch(() => undefined);
    try {
      runMigrations(db, tx, event.oldVersion, event.newVersion ?? version);
    } catch (error) {
      // Abort the whole upgrade: the database stays at its old version, untouched.
      migrationError = error;
      request.transaction?.abort();
    }
  });
  return (wrap(request) as unknown as Promise<ReminderDB>).then(
    (db) => {
      // Another context (a newer build after an update) wants to migrate: step aside.
      db.addEventListener('versionchange', () => db.close());
      return db;
    },
    (error: unknown) => {
      // The request only says "AbortError"; the migration's own error says why.
      throw migrationError ?? error;
    },
  );
}
