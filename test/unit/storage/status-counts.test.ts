import { IDBKeyRange } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadKeysOf, type Reminder, type ReminderStatus } from '../../../src/core/reminder';
import { endOfLocalDay, SECTION_PAGE } from '../../../src/core/sections';
import { bulkStore } from '../../../src/storage/bulk-store';
import { checkStore } from '../../../src/storage/check-store';
import { historyStore } from '../../../src/storage/history-store';
import { sectionQuery } from '../../../src/storage/list-query';
import type { ReminderDB } from '../../../src/storage/open-db';
import { statusCounts } from '../../../src/storage/status-counts';
import { DAY, freshStore, HOUR, reminder, T0, thread } from './fixtures';
import { historyStore as historyData } from './history-data';

/** What the `counts` store holds, per status (missing rows left out). */
async function stored(db: ReminderDB): Promise<Partial<Record<ReminderStatus, number>>> {
  const tx = db.transaction('counts');
  const out: Partial<Record<ReminderStatus, number>> = {};
  for (const s of await tx.store.getAllKeys()) out[s] = (await tx.store.get(s))!;
  await tx.done;
  return out;
}

/** The truth: every reminder read, the finished ones tallied (waiting ones are not counted: their sections count by due time). */
async function tally(db: ReminderDB): Promise<Record<ReminderStatus, number>> {
  const out: Partial<Record<ReminderStatus, number>> = { replied: 0, done: 0, cancelled: 0 };
  for (const r of await db.getAll('reminders')) if (r.status in out) out[r.status]! += 1;
  return out as Record<ReminderStatus, number>;
}

const expectCountsRight = async (db: ReminderDB, step: string) => expect(await stored(db), step).toEqual(await tally(db));

const setCount = async (db: ReminderDB, status: ReminderStatus, n: number | undefined) => {
  const tx = db.transaction('counts', 'readwrite');
  await (n === undefined ? tx.store.delete(status) : tx.store.put(n, status));
  await tx.done;
};

describe('per-status counts (the counts store, v6)', () => {
  it('every write path moves them in the same transaction: after each step they equal a full tally', async () => {
    const { db, store } = await freshStore();
    const checks = checkStore(db, IDBKeyRange);
    const bulk = bulkStore(db);
    const history = historyStore(db, IDBKeyRange);
    await expectCountsRight(db, 'fresh: every status 0');
    expect(await stored(db)).toEqual({ replied: 0, done: 0, cancelled: 0 });

    for (let n = 1; n <= 6; n++) await store.create(reminder({ id: `r${n}`, n, dueAt: T0 + n * HOUR }), T0);
    // An owed reply, then a no-reply reminder armed on a send in its thread: the owed one is answered in the same create.
    await store.create({ ...reminder({ id: 'owed', n: 20, dueAt: T0 + DAY }), kind: 'owed-reply' }, T0);
    await store.create(reminder({ id: 'answer', n: 20, dueAt: T0 + 2 * DAY }), T0);
    expect((await store.get('owed'))!.status).toBe('replied');
    await expectCountsRight(db, 'create (one answering an owed reply)');
    // The same id again: nothing written. The same thread again: the waiting one is rescheduled, not added.
    await store.create(reminder({ id: 'r1', n: 1 }), T0);
    await store.create(reminder({ id: 'r1-again', n: 1, dueAt: T0 + 3 * DAY }), T0);
    await expectCountsRight(db, 'create existing / replaced');

    await store.fireDue(T0 + 2 * HOUR, 'alarm');
    await store.markAnnounced(['r1', 'r2'], T0 + 2 * HOUR);
    await expectCountsRight(db, 'fireDue + markAnnounced');
    const done = await store.change('r3', { type: 'done' }, T0 + 3 * HOUR);
    await store.change('r4', { type: 'snooze', until: T0 + DAY }, T0 + 3 * HOUR);
    await store.change('r5', { type: 'cancel' }, T0 + 3 * HOUR);
    await expectCountsRight(db, 'change');
    await store.restore(done.previous, done.reminder.rev, T0 + 4 * HOUR);
    const removed = await store.delete('r6');
    await expectCountsRight(db, 'restore + delete');
    await store.restore(removed, undefined, T0 + 5 * HOUR);
    await expectCountsRight(db, 'restore of a deleted one');
    await store.setRepeat('answer', false, T0 + 5 * HOUR);
    await store.sentInThread((await store.get('answer'))!.account, threadKeysOf(thread(20)), { at: T0 + 6 * HOUR }, T0 + 6 * HOUR);
    await expectCountsRight(db, 'setRepeat + sentInThread');

    const r2 = (await store.get('r2'))!;
    const reply = { kind: 'reply' as const, by: { email: 'client2@example.com' }, at: T0 + 6 * HOUR, source: 'print-view' as const, messageId: 'm1' };
    await checks.record('r2', r2.rev, { check: { at: T0 + 6 * HOUR, source: 'print-view', outcome: 'replied', by: { email: 'client2@example.com' }, failures: 0 }, event: { type: 'reply', resolution: reply } }, T0 + 6 * HOUR);
    expect((await store.get('r2'))!.status).toBe('replied');
    await expectCountsRight(db, 'checks.record (a reply)');
    await checks.notReply('r2', T0 + 7 * HOUR);
    await checks.autoAnswer('owed', T0 + 7 * HOUR);
    expect((await store.get('owed'))!.status).toBe('pending');
    await expectCountsRight(db, 'notReply / autoAnswer (replied → pending)');

    // Backup import: new ones and ones replacing stored reminders under another status.
    const imported = historyData(300, T0, 11);
    const replacing = { ...(await store.get('r1'))!, status: 'done' as const, updatedAt: T0 - 400 * DAY };
    await bulk.putAll([...imported, replacing]);
    await expectCountsRight(db, 'bulkStore.putAll');

    // Retention: many deletes per transaction (issued together), several statuses.
    expect(await history.pruneBefore(T0 - 365 * DAY)).toBeGreaterThan(50);
    await expectCountsRight(db, 'history.pruneBefore');

    await bulk.clear();
    expect(await stored(db)).toEqual({ replied: 0, done: 0, cancelled: 0 });
  });

  it('an import that fails part-way changes neither the reminders nor the counts', async () => {
    const { db, store } = await freshStore();
    await store.create(reminder({ id: 'kept', n: 1 }), T0);
    const before = await stored(db);
    const good = historyData(40, T0, 3);
    // No `id`: the put fails with a DataError after the first 40 were written in the same transaction.
    const broken = { ...good[0]!, id: undefined } as unknown as Reminder;
    await expect(bulkStore(db).putAll([...good, broken])).rejects.toThrow();
    expect(await db.count('reminders')).toBe(1);
    expect(await stored(db)).toEqual(before);
  });

  it('a missing count stays unknown through writes (never rebuilt from a delta), and one that would go negative is dropped', async () => {
    const { db, store } = await freshStore();
    await store.create(reminder({ id: 'a', n: 1 }), T0);
    await setCount(db, 'done', undefined);
    await store.change('a', { type: 'done' }, T0 + 1);
    expect((await stored(db)).done).toBeUndefined();
    await setCount(db, 'done', 0);
    await store.delete('a');
    expect((await stored(db)).done).toBeUndefined();
    expect(await stored(db)).toEqual({ replied: 0, cancelled: 0 });
  });

  it('the popup read notices a missing or contradicted count, shows what the rows tell, and a recount heals it', async () => {
    const { db } = await freshStore();
    const all = historyData(400, T0, 5);
    await bulkStore(db).putAll(all);
    const truth = await tally(db);
    const query = sectionQuery(db, IDBKeyRange);
    const q = { now: T0, endOfToday: endOfLocalDay(T0, 'UTC'), limits: SECTION_PAGE, counts: 'page' as const };
    expect((await query(q)).counts.done).toBe(truth.done);

    // Done has more than a page: a missing count reads as unknown ("50+"), and asks for a recount.
    await setCount(db, 'done', undefined);
    let page = await query(q);
    expect(page.counts.done).toBeUndefined();
    expect(page.recount).toBe(true);
    // Fewer than a page of rows contradict a stored count: the rows win.
    const big = { ...SECTION_PAGE, replied: truth.replied + 10 };
    await setCount(db, 'replied', truth.replied + 3);
    page = await query({ ...q, limits: big });
    expect(page.counts.replied).toBe(truth.replied);
    expect(page.recount).toBe(true);
    // A stored count below the rows already read is wrong too; exact mode then walks the index.
    await setCount(db, 'replied', 2);
    page = await query({ ...q, counts: 'exact' });
    expect(page.counts.replied).toBe(truth.replied);
    expect(page.recount).toBe(true);

    const fixed = await statusCounts(db, IDBKeyRange).recount();
    expect(fixed).toEqual([
      { status: 'replied', stored: 2, actual: truth.replied },
      { status: 'done', stored: undefined, actual: truth.done },
    ]);
    expect(await stored(db)).toEqual(truth);
    page = await query(q);
    expect(page.recount).toBeUndefined();
    expect(page.counts).toMatchObject({ replied: truth.replied, done: truth.done });
    expect(await statusCounts(db, IDBKeyRange).recount()).toEqual([]);
  });

  it('no reminder write goes around reminder-writes.ts (src/storage is the only writer, and only through it)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const allowed = new Set(['src/storage/reminder-writes.ts', 'src/storage/status-counts.ts', 'src/storage/migrations.ts']);
    const offenders = files('src')
      .filter((f) => !allowed.has(f.replaceAll('\\', '/')))
      .filter((f) => /transaction\([^)]*['"]readwrite['"]|\.(put|add|delete|clear)\(\s*['"]reminders['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
