import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, SECTION_PAGE } from '../../../src/core/sections';
import { sectionQuery } from '../../../src/storage/list-query';
import { bulkStore } from '../../../src/storage/bulk-store';
import { DAY, freshStore, HOUR, reminder, T0 } from './fixtures';

/** A reminder regardless of replies must show in the popup's sections like any follow-up: never lost from the list. */
describe('sectionQuery with reminders regardless of replies', () => {
  it('lists them in Overdue and Upcoming by due time, beside "if no reply" ones, and counts them', async () => {
    const { db } = await freshStore();
    const rows = [
      { ...reminder({ id: 'always-over', dueAt: T0 - HOUR }), kind: 'always' as const, status: 'notified' as const },
      { ...reminder({ id: 'wait-over', dueAt: T0 - 2 * HOUR }), status: 'notified' as const },
      { ...reminder({ id: 'always-later', dueAt: T0 + 3 * DAY }), kind: 'always' as const },
      { ...reminder({ id: 'always-done', dueAt: T0 - DAY }), kind: 'always' as const, status: 'done' as const, updatedAt: T0 - HOUR },
    ];
    await bulkStore(db).putAll(rows);
    const page = await sectionQuery(db, IDBKeyRange)({ now: T0, endOfToday: endOfLocalDay(T0, 'Europe/Berlin'), limits: SECTION_PAGE });
    expect(page.sections.overdue!.map((r) => r.id)).toEqual(['wait-over', 'always-over']);
    expect(page.sections.upcoming!.map((r) => r.id)).toEqual(['always-later']);
    expect(page.sections.done!.map((r) => r.id)).toEqual(['always-done']);
    expect(page.sections.answer).toEqual([]);
    expect(page.counts).toMatchObject({ overdue: 2, upcoming: 1, done: 1, answer: 0 });
  });
});
