import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, groupIntoSections, SECTION_IDS, SECTION_PAGE, type SectionId } from '../../../src/core/sections';
import { sectionQuery } from '../../../src/storage/list-query';
import { bulkStore } from '../../../src/storage/bulk-store';
import { DAY, freshStore, reminder, T0 } from './fixtures';
import { historyStore } from './history-data';

const ZONE = 'Europe/Berlin';
const idsOf = (sections: Partial<Record<SectionId, { id: string }[]>>) =>
  Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v!.map((r) => r.id)]));

async function seededStore(rows: number) {
  const { db } = await freshStore();
  const all = historyStore(rows, T0);
  await bulkStore(db).putAll(all);
  return { db, all, query: sectionQuery(db, IDBKeyRange) };
}

describe('sectionQuery (the popup list from the indexes)', () => {
  it('answers what groupIntoSections over every reminder answers, page by page, with full counts', async () => {
    const { all, query } = await seededStore(1500);
    const q = { now: T0, endOfToday: endOfLocalDay(T0, ZONE) };
    const everything = groupIntoSections(all, T0, ZONE, Infinity);

    const first = await query({ ...q, limits: SECTION_PAGE });
    for (const id of SECTION_IDS) {
      expect(first.counts[id], id).toBe(everything[id].length);
      expect(first.sections[id]!.length, id).toBe(Math.min(SECTION_PAGE[id], everything[id].length));
    }
    // Waiting sections in due order (ties by id, as in the full list).
    for (const id of ['overdue', 'today', 'upcoming'] as const) {
      expect(first.sections[id]!.map((r) => r.id), id).toEqual(everything[id].slice(0, SECTION_PAGE[id]).map((r) => r.id));
    }
    // History newest change first.
    for (const id of ['replied', 'done'] as const) {
      const times = first.sections[id]!.map((r) => r.updatedAt);
      expect(times, id).toEqual(everything[id].slice(0, SECTION_PAGE[id]).map((r) => r.updatedAt));
    }
    // Cancelled reminders are nowhere in the list.
    expect(Object.values(first.sections).flat().some((r) => r.status === 'cancelled')).toBe(false);
    expect(everything.done.length).toBeGreaterThan(SECTION_PAGE.done);

    // "Show more": a bigger limit is the same list, longer.
    const more = await query({ ...q, limits: { ...SECTION_PAGE, done: SECTION_PAGE.done * 2 }, sections: ['done'] });
    expect(Object.keys(more.sections)).toEqual(['done']);
    expect(more.sections.done!.slice(0, SECTION_PAGE.done).map((r) => r.id)).toEqual(first.sections.done!.map((r) => r.id));
    expect(more.sections.done!.map((r) => r.updatedAt)).toEqual(everything.done.slice(0, SECTION_PAGE.done * 2).map((r) => r.updatedAt));
    expect(more.counts).toEqual(first.counts);
  });

  it('puts the day boundaries where groupIntoSections does: due now is overdue, midnight is tomorrow', async () => {
    const { db, store } = await freshStore();
    const end = endOfLocalDay(T0, ZONE);
    const at = (id: string, dueAt: number) => store.create(reminder({ id, dueAt, createdAt: T0 - DAY }), T0 - DAY);
    await at('now', T0);
    await at('just-after', T0 + 1);
    await at('before-midnight', end - 1);
    await at('midnight', end);
    const page = await sectionQuery(db, IDBKeyRange)({ now: T0, endOfToday: end, limits: SECTION_PAGE });
    expect(idsOf(page.sections)).toEqual({ overdue: ['now'], answer: [], today: ['just-after', 'before-midnight'], upcoming: ['midnight'], replied: [], done: [] });
    expect(idsOf(page.sections)).toEqual(idsOf(groupIntoSections(await store.all(), T0, ZONE)));
  });

  it("with counts: 'page' counts live sections read to their end, history from the stored counts, and reads the same rows", async () => {
    const { query, all } = await seededStore(1500);
    const q = { now: T0, endOfToday: endOfLocalDay(T0, ZONE), limits: { ...SECTION_PAGE, upcoming: 20 } };
    const exact = await query(q);
    const page = await query({ ...q, counts: 'page' });
    expect(idsOf(page.sections)).toEqual(idsOf(exact.sections));
    for (const id of ['overdue', 'answer', 'today', 'upcoming'] as const) {
      if (exact.counts[id]! < q.limits[id]) expect(page.counts[id], id).toBe(exact.counts[id]);
      else expect(page.counts[id], id).toBeUndefined();
    }
    // Replied and done are far longer than a page, and exact all the same: one key read each.
    for (const id of ['replied', 'done'] as const) {
      expect(exact.counts[id], id).toBeGreaterThan(SECTION_PAGE[id]);
      expect(page.counts[id], id).toBe(exact.counts[id]);
    }
    expect(page.recount).toBeUndefined();
    // Upcoming is longer than its page, so its count is left for the second request.
    expect(page.counts.upcoming).toBeUndefined();
    expect(all.length).toBe(1500);
    // The popup's second step: exactly the named sections counted, no rows.
    const some = await query({ ...q, sections: [], counts: ['upcoming', 'today'] });
    expect(some.sections).toEqual({});
    expect(some.counts).toEqual({ upcoming: exact.counts.upcoming, today: exact.counts.today });
  });

  it('reads no rows for a zero limit and still counts them', async () => {
    const { query } = await seededStore(200);
    const page = await query({ now: T0, endOfToday: endOfLocalDay(T0, ZONE), limits: { overdue: 0, answer: 0, today: 0, upcoming: 0, replied: 0, done: 0 } });
    expect(Object.values(page.sections).every((rows) => rows.length === 0)).toBe(true);
    expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
  });
});
