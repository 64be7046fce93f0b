import { describe, expect, it } from 'vitest';
import type { Reminder, ReminderStatus } from '../../../src/core/reminder';
import { NOTICE_MS } from '../../../src/core/retention';
import { RETENTION_ALARM } from '../../../src/background/retention';
import { DAY, fakeBackground, reminder, userSettings } from './fakes';

const T = Date.parse('2026-06-15T10:00:00Z');
const MONTH = 30 * DAY;

/** A reminder that reached `status` (or still waits) with its last change `age` ago. */
function aged(id: string, status: ReminderStatus, age: number, now = T): Reminder {
  const r = reminder({ id, createdAt: now - age - DAY, dueAt: now - age });
  return { ...r, status, updatedAt: now - age };
}

async function withStore(rows: Reminder[], months = 12) {
  const f = fakeBackground({ now: T, settings: { ...userSettings(), retentionMonths: months } });
  await f.bg.bulk.putAll(rows);
  return f;
}

const ids = async (f: Awaited<ReturnType<typeof withStore>>) => (await f.bg.store.all()).map((r) => r.id).sort();

describe('history retention', () => {
  const rows = () => [
    aged('done-old', 'done', 13 * MONTH),
    aged('replied-old', 'replied', 14 * MONTH),
    aged('cancelled-old', 'cancelled', 24 * MONTH),
    aged('done-recent', 'done', 2 * MONTH),
    aged('replied-soon', 'replied', 12 * MONTH - 10 * DAY),
    // Waiting reminders are never history, however old.
    aged('pending-old', 'pending', 30 * MONTH),
    aged('notified-old', 'notified', 20 * MONTH),
  ];

  it('removes nothing in the first 30 days after it starts looking after history: the export is offered first', async () => {
    const f = await withStore(rows());
    await f.bg.retention.wake();
    expect(f.alarms.active.get(RETENTION_ALARM)).toBe(T + NOTICE_MS);
    expect(await f.bg.retention.run()).toBe(0);
    expect(await ids(f)).toHaveLength(7);

    const summary = await f.bg.handlers['history.summary']({ months: 12 });
    expect(summary).toMatchObject({ finished: 5, removable: 3, soon: 4, firstRemovalAt: T + NOTICE_MS });
  });

  it('then removes finished reminders older than the setting, about once a day, and says what went', async () => {
    const f = await withStore(rows());
    await f.bg.retention.wake();
    f.clock.advance(NOTICE_MS);
    await f.bg.retention.wake();
    // 30 days on, "replied-soon" is past a year too.
    expect(await ids(f)).toEqual(['done-recent', 'notified-old', 'pending-old']);
    expect(f.alarms.active.get(RETENTION_ALARM)).toBe(T + NOTICE_MS + DAY);
    const summary = await f.bg.handlers['history.summary']({ months: 12 });
    expect(summary.lastRun).toEqual({ at: T + NOTICE_MS, removed: 4 });
    expect(summary.finished).toBe(1);
    // A wake-up before the next day does not run again.
    f.clock.advance(DAY / 2);
    await f.bg.retention.wake();
    expect((await f.bg.handlers['history.summary']({ months: 12 })).lastRun?.at).toBe(T + NOTICE_MS);
  });

  it('"keep forever" removes nothing, and the summary shows what a shorter setting would remove before it is saved', async () => {
    const f = await withStore(rows(), 0);
    f.clock.advance(2 * NOTICE_MS);
    expect(await f.bg.retention.run()).toBe(0);
    expect(await ids(f)).toHaveLength(7);
    const forever = await f.bg.handlers['history.summary']({ months: 0 });
    expect(forever).toMatchObject({ finished: 5, removable: 0, soon: 0 });
    expect(forever.cutoff).toBeUndefined();
    // Two months on, even "done-recent" is older than 3 months; only "cancelled-old" is older than 2 years.
    const three = await f.bg.handlers['history.summary']({ months: 3 });
    expect(three.removable).toBe(5);
    expect((await f.bg.handlers['history.summary']({ months: 24 })).removable).toBe(1);
    expect(three.oldest).toBe(T - 24 * MONTH);
  });

  it('answers the options page only', async () => {
    const f = await withStore([]);
    const reply = await f.bg.route({ v: 1, type: 'history.summary', payload: { months: 12 } }, { id: 'ext-id', url: 'https://mail.google.com/mail/u/0/', tab: { url: 'https://mail.google.com/mail/u/0/' } } as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
