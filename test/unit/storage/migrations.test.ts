import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, runMigrations } from '../../../src/storage/migrations';
import { openReminderDb, type ReminderDB } from '../../../src/storage/open-db';
import { reminderStore } from '../../../src/storage/reminder-store';
import { reminder, T0 } from './fixtures';
import { historyStore as historyData } from './history-data';
import { historyStore } from '../../../src/storage/history-store';
import { endOfLocalDay, groupIntoSections, SECTION_IDS, SECTION_PAGE } from '../../../src/core/sections';
import { sectionQuery } from '../../../src/storage/list-query';

const NAME = 'migrations-test';

/** Records per object store, in the shape a build of that version wrote them. */
type Fixture = Record<string, readonly unknown[]>;

/**
 * Leaves a database at `version` in `factory`, as a build of that version
 * would have: the first `version` migrations, then the fixture records.
 * Version 0 is "no database" (a fresh install), so it takes no records.
 *
 * A test for migration N → N+1 is: `databaseAtVersion(factory, N, fixture)`,
 * then `openReminderDb(factory, { name: NAME, version: N + 1 })`, then check
 * the new shape and what became of the fixture.
 */
async function databaseAtVersion(factory: IDBFactory, version: number, fixture: Fixture = {}): Promise<void> {
  if (version === 0) {
    if (Object.keys(fixture).length > 0) throw new Error('Version 0 has no database to seed');
    return;
  }
  const db = await openReminderDb(factory, { name: NAME, version });
  // Untyped on purpose: an old version's stores and records need not match today's schema.
  const untyped = db as unknown as IDBPDatabase;
  const stores = Object.keys(fixture);
  if (stores.length > 0) {
    const tx = untyped.transaction(stores, 'readwrite');
    for (const [store, records] of Object.entries(fixture)) {
      for (const record of records) await tx.objectStore(store).put(record);
    }
    await tx.done;
  }
  db.close();
}

/** The shape of a database: stores with key paths and indexes, for comparing against expectations. */
/** The reminders of one account through the v2 index, earliest due first (what the index exists for). */
const byAccount = (db: ReminderDB, account: string) =>
  (db as unknown as IDBPDatabase).getAllFromIndex('reminders', 'by-account-due', IDBKeyRange.bound([account, -Infinity], [account, Infinity])) as Promise<{ id: string }[]>;

function shapeOf(db: ReminderDB) {
  const raw = db as unknown as IDBPDatabase;
  const names = [...raw.objectStoreNames];
  if (names.length === 0) return {};
  const tx = raw.transaction(names);
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries(
        [...store.indexNames].map((i) => {
          const index = store.index(i);
          return [i, { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry }];
        }),
      );
      return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

const V1_SHAPE = {
  reminders: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      'by-status-due': { keyPath: ['status', 'dueAt'], unique: false, multiEntry: false },
      'by-account-thread': { keyPath: ['account', 'threadKey'], unique: false, multiEntry: false },
      'by-updated': { keyPath: 'updatedAt', unique: false, multiEntry: false },
    },
  },
};

const V2_SHAPE = {
  reminders: {
    ...V1_SHAPE.reminders,
    indexes: {
      ...V1_SHAPE.reminders.indexes,
      'by-account-due': { keyPath: ['account', 'dueAt'], unique: false, multiEntry: false },
    },
  },
};

const V3_SHAPE = {
  reminders: {
    ...V2_SHAPE.reminders,
    indexes: {
      ...V2_SHAPE.reminders.indexes,
      'by-status-updated': { keyPath: ['status', 'updatedAt'], unique: false, multiEntry: false },
    },
  },
};

const V4_SHAPE = {
  reminders: {
    ...V3_SHAPE.reminders,
    indexes: {
      ...V3_SHAPE.reminders.indexes,
      'by-kind-status-due': { keyPath: ['kind', 'status', 'dueAt'], unique: false, multiEntry: false },
    },
  },
};

/** v5 dropped the two indexes nothing read: v1's by-updated and v2's by-account-due. */
const V5_SHAPE = {
  reminders: {
    ...V4_SHAPE.reminders,
    indexes: Object.fromEntries(Object.entries(V4_SHAPE.reminders.indexes).filter(([name]) => name !== 'by-updated' && name !== 'by-account-due')),
  },
};

/** v6 added the per-status counts (out-of-line keys: the status). */
const V6_SHAPE = { ...V5_SHAPE, counts: { keyPath: null, autoIncrement: false, indexes: {} } };

/** Every record of the reminders store, in key order, exactly as stored. */
const everyRecord = (db: ReminderDB) => (db as unknown as IDBPDatabase).getAll('reminders');

/**
 * Reminders exactly as a v1 build stored them (plain records, not built
 * with today's factory): two accounts, waiting and finished ones, an
 * equal due time, a resolution with notes.
 */
const V1_REMINDERS = [
  {
    id: 'v1-late',
    kind: 'no-reply',
    account: 'me@example.com',
    thread: { provider: 'gmail', threadId: '18e0000000000001', subject: 'Quote 1', recipients: [{ email: 'a@example.com', name: 'A' }] },
    threadKey: 'gmail:18e0000000000001',
    sentAt: T0 - 3_600_000,
    dueAt: T0 + 3 * 86_400_000,
    status: 'pending',
    rev: 1,
    createdAt: T0,
    updatedAt: T0,
    history: [{ from: null, to: 'pending', at: T0, cause: 'created' }],
  },
  {
    id: 'v1-early',
    kind: 'no-reply',
    account: 'me@example.com',
    thread: { provider: 'gmail', threadId: '18e0000000000002', subject: 'Quote 2', recipients: [{ email: 'b@example.com' }] },
    threadKey: 'gmail:18e0000000000002',
    sentAt: T0 - 3_600_000,
    dueAt: T0 + 86_400_000,
    status: 'notified',
    announcedAt: T0 + 86_400_000,
    rev: 2,
    createdAt: T0,
    updatedAt: T0 + 86_400_000,
    history: [
      { from: null, to: 'pending', at: T0, cause: 'created' },
      { from: 'pending', to: 'notified', at: T0 + 86_400_000, cause: 'alarm' },
    ],
  },
  {
    id: 'v1-replied',
    kind: 'no-reply',
    account: 'me@example.com',
    thread: { provider: 'gmail', threadId: '18e0000000000003', subject: 'Quote 3', recipients: [{ email: 'c@example.com' }] },
    threadKey: 'gmail:18e0000000000003',
    sentAt: T0 - 3_600_000,
    dueAt: T0 + 86_400_000,
    status: 'replied',
    resolution: { kind: 'reply', by: { email: 'c@example.com' }, at: T0 + 1000, source: 'print-view', notes: [] },
    rev: 2,
    createdAt: T0,
    updatedAt: T0 + 1000,
    history: [
      { from: null, to: 'pending', at: T0, cause: 'created' },
      { from: 'pending', to: 'replied', at: T0 + 1000, cause: 'reply' },
    ],
  },
  {
    id: 'v1-other-account',
    kind: 'no-reply',
    account: 'work@example.org',
    thread: { provider: 'gmail', threadId: '18e0000000000004', subject: 'Quote 4', recipients: [{ email: 'd@example.com' }] },
    threadKey: 'gmail:18e0000000000004',
    sentAt: T0 - 3_600_000,
    dueAt: T0,
    status: 'pending',
    rev: 1,
    createdAt: T0,
    updatedAt: T0,
    history: [{ from: null, to: 'pending', at: T0, cause: 'created' }],
  },
] as const;

describe('migrations', () => {
  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
  });

  describe('v0 → v1', () => {
    it('creates the reminders store and its three indexes on an empty database', async () => {
      const factory = new IDBFactory();
      await databaseAtVersion(factory, 0);

      const db = await openReminderDb(factory, { name: NAME, version: 1 });
      expect(db.version).toBe(1);
      expect(shapeOf(db)).toEqual(V1_SHAPE);
      db.close();
    });

    it('keeps data written at v1 across closing and reopening', async () => {
      const factory = new IDBFactory();
      const r = reminder({ id: 'kept', n: 7, dueAt: T0 + 1000 });
      const first = await openReminderDb(factory, { name: NAME, version: 1 });
      await reminderStore(first, IDBKeyRange).create(r, T0);
      first.close();

      const again = await openReminderDb(factory, { name: NAME, version: 1 });
      const store = reminderStore(again, IDBKeyRange);
      expect(await store.get('kept')).toEqual(r);
      // The indexes were filled too, not just the primary store.
      expect((await store.byThread(r.account, [r.threadKey])).map((x) => x.id)).toEqual(['kept']);
      expect(await store.nextDueAt()).toBe(T0 + 1000);
      expect(shapeOf(again)).toEqual(V1_SHAPE);
      again.close();
    });
  });

  describe('v1 → v2', () => {
    it('adds the by-account-due index and keeps every v1 record unchanged', async () => {
      const factory = new IDBFactory();
      await databaseAtVersion(factory, 1, { reminders: V1_REMINDERS });

      const db = await openReminderDb(factory, { name: NAME, version: 2 });
      expect(db.version).toBe(2);
      expect(shapeOf(db)).toEqual(V2_SHAPE);
      const store = reminderStore(db, IDBKeyRange);
      const all = await store.all();
      expect(all).toHaveLength(V1_REMINDERS.length);
      for (const record of V1_REMINDERS) expect(await store.get(record.id)).toEqual(record);
      db.close();
    });

    it('indexes the records that were already there: one account, earliest due first', async () => {
      const factory = new IDBFactory();
      await databaseAtVersion(factory, 1, { reminders: V1_REMINDERS });

      const db = await openReminderDb(factory, { name: NAME, version: 2 });
      const store = reminderStore(db, IDBKeyRange);
      // Equal due times keep primary-key order (v1-early < v1-replied).
      expect((await byAccount(db, 'me@example.com')).map((r) => r.id)).toEqual(['v1-early', 'v1-replied', 'v1-late']);
      expect((await byAccount(db, 'work@example.org')).map((r) => r.id)).toEqual(['v1-other-account']);
      expect(await byAccount(db, 'nobody@example.com')).toEqual([]);
      // The older indexes still answer as before.
      expect((await store.byStatus('pending')).map((r) => r.id)).toEqual(['v1-other-account', 'v1-late']);
      expect(await store.nextDueAt()).toBe(T0);
      db.close();
    });

    it('indexes reminders written after the upgrade too', async () => {
      const factory = new IDBFactory();
      await databaseAtVersion(factory, 1, { reminders: V1_REMINDERS });
      const db = await openReminderDb(factory, { name: NAME, version: 2 });
      const store = reminderStore(db, IDBKeyRange);
      const r = reminder({ id: 'v2-new', account: 'work@example.org', n: 9, dueAt: T0 - 1000 });
      await store.create(r, T0);
      await store.change('v1-other-account', { type: 'reschedule', dueAt: T0 - 2000 }, T0);
      expect((await byAccount(db, 'work@example.org')).map((r) => r.id)).toEqual(['v1-other-account', 'v2-new']);
      db.close();
    });
  });

  describe('v2 → v3', () => {
    it('indexes a v2 store of 50,000 reminders by status and last change, keeping every record', async () => {
      const factory = new IDBFactory();
      const records = historyData(50_000, T0);
      await databaseAtVersion(factory, 2, { reminders: records });

      const db = await openReminderDb(factory, { name: NAME, version: 3 });
      expect(db.version).toBe(3);
      expect(shapeOf(db)).toEqual(V3_SHAPE);
      const store = reminderStore(db, IDBKeyRange);
      expect(await db.count('reminders')).toBe(50_000);
      for (const i of [0, 1, 12_345, 49_999]) expect(await store.get(records[i]!.id)).toEqual(records[i]);

      // Every record is in the new index, each status's range newest change first.
      const index = db.transaction('reminders').store.index('by-status-updated');
      expect(await index.count()).toBe(50_000);
      for (const status of ['replied', 'done', 'cancelled'] as const) {
        const want = records.filter((r) => r.status === status).map((r) => r.updatedAt).sort((a, b) => b - a);
        const range = IDBKeyRange.bound([status, -Infinity], [status, Infinity]);
        expect(await index.count(range)).toBe(want.length);
        const newest: number[] = [];
        let cursor = await index.openCursor(range, 'prev');
        while (cursor && newest.length < 20) {
          newest.push(cursor.value.updatedAt);
          cursor = await cursor.continue();
        }
        expect(newest).toEqual(want.slice(0, 20));
      }

      // (The popup's list from the indexes needs v4's index too: see v3 → v4.)
      // Retention prunes through the new index: exactly the finished reminders last changed before the cutoff.
      const cutoff = T0 - 2 * 365 * 86_400_000;
      const history = historyStore(db, IDBKeyRange);
      const finished = (r: { status: string }) => ['replied', 'done', 'cancelled'].includes(r.status);
      const doomed = records.filter((r) => finished(r) && r.updatedAt < cutoff);
      expect(doomed.length).toBeGreaterThan(5_000);
      expect(await history.count(cutoff)).toMatchObject({ finished: records.filter(finished).length, before: doomed.length });
      expect(await history.pruneBefore(cutoff)).toBe(doomed.length);
      expect(await db.count('reminders')).toBe(50_000 - doomed.length);
      expect(await store.get(doomed[0]!.id)).toBeUndefined();
      const waitingOld = records.find((r) => !finished(r) && r.updatedAt < cutoff)!;
      expect(await store.get(waitingOld.id)).toEqual(waitingOld);
      db.close();
    }, 120_000);
  });

  describe('v3 → v4', () => {
    it('indexes a v3 store by kind, status and due time: the popup lists owed replies apart, agreeing with the full read', async () => {
      const factory = new IDBFactory();
      // Every seventh reminder is a reply the user owes.
      const records = historyData(20_000, T0).map((r, i) => (i % 7 === 0 ? { ...r, kind: 'owed-reply' as const } : r));
      await databaseAtVersion(factory, 3, { reminders: records });

      const db = await openReminderDb(factory, { name: NAME, version: 4 });
      expect(db.version).toBe(4);
      expect(shapeOf(db)).toEqual(V4_SHAPE);
      expect(await db.count('reminders')).toBe(20_000);
      expect(await db.transaction('reminders').store.index('by-kind-status-due').count()).toBe(20_000);

      const end = endOfLocalDay(T0, 'UTC');
      const page = await sectionQuery(db, IDBKeyRange)({ now: T0, endOfToday: end, limits: SECTION_PAGE });
      const everything = groupIntoSections(records, T0, 'UTC', Infinity);
      expect(everything.answer.length).toBeGreaterThan(0);
      for (const id of SECTION_IDS) expect(page.counts[id], id).toBe(everything[id].length);
      for (const id of ['overdue', 'answer', 'today', 'upcoming'] as const) {
        expect(page.sections[id]!.map((r) => r.id), id).toEqual(everything[id].slice(0, SECTION_PAGE[id]).map((r) => r.id));
      }
      db.close();
    }, 120_000);
  });

  describe('v4 → v5', () => {
    it('drops the two unread indexes from a v4 store of 50,000 reminders: every reminder unchanged, every query still answers', async () => {
      const factory = new IDBFactory();
      const records = historyData(50_000, T0).map((r, i) => (i % 7 === 0 ? { ...r, kind: 'owed-reply' as const } : r));
      await databaseAtVersion(factory, 4, { reminders: records });

      const db = await openReminderDb(factory, { name: NAME, version: 5 });
      expect(db.version).toBe(5);
      expect(shapeOf(db)).toEqual(V5_SHAPE);
      // Every reminder survived, byte for byte (records in key order against the seeded ones in key order).
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      expect(await everyRecord(db)).toEqual([...records].sort(byId));

      // The indexes that stay still hold every reminder and answer as before.
      const tx = db.transaction('reminders');
      for (const name of ['by-status-due', 'by-account-thread', 'by-status-updated', 'by-kind-status-due'] as const) {
        expect(await tx.store.index(name).count(), name).toBe(50_000);
      }
      await tx.done;
      const store = reminderStore(db, IDBKeyRange);
      const sample = records[31_337]!;
      expect((await store.byThread(sample.account, [sample.threadKey])).map((r) => r.id)).toEqual([sample.id]);
      const end = endOfLocalDay(T0, 'UTC');
      const page = await sectionQuery(db, IDBKeyRange)({ now: T0, endOfToday: end, limits: SECTION_PAGE });
      const everything = groupIntoSections(records, T0, 'UTC', Infinity);
      for (const id of SECTION_IDS) expect(page.counts[id], id).toBe(everything[id].length);
      for (const id of ['overdue', 'answer', 'today', 'upcoming'] as const) {
        expect(page.sections[id]!.map((r) => r.id), id).toEqual(everything[id].slice(0, SECTION_PAGE[id]).map((r) => r.id));
      }
      // History newest change first (equal times may come in either order).
      for (const id of ['replied', 'done'] as const) {
        expect(page.sections[id]!.map((r) => r.updatedAt), id).toEqual(everything[id].slice(0, SECTION_PAGE[id]).map((r) => r.updatedAt));
      }
      db.close();
    }, 240_000);

    it('a later step failing in the same upgrade rolls v5 back too: the store stays v4 with both indexes and every reminder', async () => {
      const factory = new IDBFactory();
      const records = historyData(2_000, T0);
      await databaseAtVersion(factory, 4, { reminders: records });

      // v4 → v5 runs, then the step after the last migration throws: the whole upgrade aborts.
      await expect(openReminderDb(factory, { name: NAME, version: DB_VERSION + 1 })).rejects.toThrow(`No migration from database version ${DB_VERSION}`);

      const again = await openReminderDb(factory, { name: NAME, version: 4 });
      expect(again.version).toBe(4);
      expect(shapeOf(again)).toEqual(V4_SHAPE);
      expect(await everyRecord(again)).toEqual([...records].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await (again as unknown as IDBPDatabase).countFromIndex('reminders', 'by-account-due')).toBe(2_000);
      again.close();
    });
  });

  describe('v5 → v6', () => {
    it('counts a v5 store of 50,000 reminders per status into the new counts store, every reminder unchanged', async () => {
      const factory = new IDBFactory();
      const records = historyData(50_000, T0);
      await databaseAtVersion(factory, 5, { reminders: records });

      const db = await openReminderDb(factory, { name: NAME, version: 6 });
      expect(db.version).toBe(6);
      expect(shapeOf(db)).toEqual(V6_SHAPE);
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      expect(await everyRecord(db)).toEqual([...records].sort(byId));
      // History is counted (the waiting statuses are not: their sections count by due time, a page at a time).
      const want: Record<string, number> = { replied: 0, done: 0, cancelled: 0 };
      for (const r of records) if (r.status in want) want[r.status]! += 1;
      const tx = db.transaction('counts');
      const keys = await tx.store.getAllKeys();
      const stored = Object.fromEntries(await Promise.all(keys.map(async (s) => [s, await tx.store.get(s)])));
      expect(stored).toEqual(want);
      expect(want.done).toBeGreaterThan(15_000);
      await tx.done;

      // The popup's history headers now come from them: exact at once, with `page` counts.
      const page = await sectionQuery(db, IDBKeyRange)({ now: T0, endOfToday: endOfLocalDay(T0, 'UTC'), limits: SECTION_PAGE, counts: 'page' });
      expect(page.counts).toMatchObject({ replied: want.replied, done: want.done });
      expect(page.recount).toBeUndefined();
      db.close();
    }, 240_000);

    it('an empty v5 store gets every count at 0; a later step failing rolls v6 back (no counts store, every reminder kept)', async () => {
      const empty = new IDBFactory();
      await databaseAtVersion(empty, 5);
      const fresh = await openReminderDb(empty, { name: NAME, version: 6 });
      expect(await fresh.getAllKeys('counts')).toEqual(['cancelled', 'done', 'replied']);
      expect(await fresh.getAll('counts')).toEqual([0, 0, 0]);
      fresh.close();

      const factory = new IDBFactory();
      const records = historyData(2_000, T0);
      await databaseAtVersion(factory, 5, { reminders: records });
      await expect(openReminderDb(factory, { name: NAME, version: DB_VERSION + 1 })).rejects.toThrow(`No migration from database version ${DB_VERSION}`);
      const again = await openReminderDb(factory, { name: NAME, version: 5 });
      expect(shapeOf(again)).toEqual(V5_SHAPE);
      expect(await everyRecord(again)).toEqual([...records].sort((a, b) => (a.id < b.id ? -1 : 1)));
      again.close();
    });
  });

  it.each(Array.from({ length: DB_VERSION }, (_, v) => v))(
    'upgrades a database of version %i to the current version',
    async (from) => {
      const factory = new IDBFactory();
      await databaseAtVersion(factory, from);
      const db = await openReminderDb(factory, { name: NAME });
      expect(db.version).toBe(DB_VERSION);
      expect(Object.keys(shapeOf(db))).toContain('reminders');
      db.close();
    },
  );

  describe('failures', () => {
    it('runMigrations throws when a step has no migration', () => {
      const dummy = {} as never;
      expect(() => runMigrations(dummy, dummy, DB_VERSION, DB_VERSION + 1)).toThrow(
        `No migration from database version ${DB_VERSION}`,
      );
    });

    it('opening at a version without a migration rejects with that error and leaves the database as it was', async () => {
      const factory = new IDBFactory();
      const r = reminder({ id: 'survivor' });
      const db = await openReminderDb(factory, { name: NAME });
      await reminderStore(db, IDBKeyRange).create(r, T0);
      db.close();

      await expect(openReminderDb(factory, { name: NAME, version: DB_VERSION + 1 })).rejects.toThrow(
        `No migration from database version ${DB_VERSION}`,
      );

      const again = await openReminderDb(factory, { name: NAME });
      expect(again.version).toBe(DB_VERSION);
      expect(await reminderStore(again, IDBKeyRange).get('survivor')).toEqual(r);
      again.close();
    });

    it('a failed migration on a fresh install leaves no half-built database', async () => {
      const factory = new IDBFactory();
      await expect(openReminderDb(factory, { name: NAME, version: DB_VERSION + 1 })).rejects.toThrow(/No migration/);
      const dbs = await factory.databases();
      expect(dbs.find((d) => d.name === NAME)?.version ?? 0).toBe(0);
    });

    it('opening with a lower version than the stored one fails with VersionError and keeps the newer database', async () => {
      const factory = new IDBFactory();
      // A newer build (or a downgrade of the extension) left a database one version ahead.
      await new Promise<void>((resolve, reject) => {
        const request = factory.open(NAME, DB_VERSION + 1);
        request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });

      const error = await openReminderDb(factory, { name: NAME }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('VersionError');
      expect((error as Error).message).toMatch(/lower version/);

      const dbs = await factory.databases();
      expect(dbs.find((d) => d.name === NAME)?.version).toBe(DB_VERSION + 1);
    });
  });
});
