import { describe, expect, it } from 'vitest';
import { NEXT_DUE_ALARM } from '../../../src/background/reconciler';
import type { Reminder } from '../../../src/core/reminder';
import { fakeBackground, HOUR, MIN, T0, thread } from './fakes';

/*
 * One rule for every Undo: the reminder as it was before the action comes
 * back exactly (status, resolution, check, due time, announcement), only over
 * the state the action left, and no notification is shown for it.
 */

const BOB = { email: 'bob@example.com', name: 'Bob' };

async function created(f: ReturnType<typeof fakeBackground>, dueIn = HOUR) {
  await f.bg.handlers['reminder.create']({ id: 'u', account: 'me@example.com', thread: thread(1), sentAt: T0 - MIN, due: { at: T0 + dueIn } });
}

/** Everything the user sees of a reminder (the revision and history move on by design). */
const visible = ({ rev: _rev, history: _history, ...rest }: Reminder) => rest;

async function notifiedAndShown() {
  const f = fakeBackground({ now: T0 });
  await created(f);
  f.clock.advance(HOUR + MIN);
  await f.bg.reconcile('alarm');
  const shown = (await f.bg.store.get('u'))!;
  expect(shown).toMatchObject({ status: 'notified' });
  expect(shown.announcedAt).toBeDefined();
  expect(f.notifications.created.filter((n) => n.id === 'r:u')).toHaveLength(1);
  return f;
}

describe('Undo (reminder.restore with the snapshot)', () => {
  it('check-off of a replied reminder: replied again with the same resolution and check, no notification', async () => {
    const f = fakeBackground({ now: T0 });
    await created(f);
    const resolution = { kind: 'reply' as const, by: BOB, at: T0 + 5 * MIN, messageId: 'm-2', source: 'print-view' as const };
    await f.bg.store.change('u', { type: 'reply', resolution }, T0 + 10 * MIN, { cause: 'reply' });
    const replied = (await f.bg.store.get('u'))!;
    f.clock.advance(2 * HOUR); // long past its due time: a reopen would fire it at once

    const done = await f.bg.handlers['reminder.done']({ id: 'u' });
    expect(done.previous).toEqual(replied);
    const { reminder } = await f.bg.handlers['reminder.restore']({ reminder: done.previous, expectedRev: done.reminder.rev });
    expect(visible(reminder)).toEqual(visible(replied));
    expect(await f.bg.store.get('u')).toEqual(reminder);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('u'))!.status).toBe('replied');
    expect(f.notifications.created).toEqual([]);
    expect(reminder.rev).toBeGreaterThan(done.reminder.rev);
    expect(reminder.history.map((h) => [h.to, h.cause])).toEqual([
      ['pending', 'created'],
      ['replied', 'reply'],
      ['done', 'user'],
      ['replied', 'undo'],
    ]);
  });

  it('check-off of a notified reminder: notified and announced again, shown once in all', async () => {
    const f = await notifiedAndShown();
    const before = (await f.bg.store.get('u'))!;
    const done = await f.bg.handlers['reminder.done']({ id: 'u' });
    expect(f.notifications.shown.has('r:u')).toBe(false);
    expect(f.badge.count).toBe(0);

    const { reminder } = await f.bg.handlers['reminder.restore']({ reminder: done.previous, expectedRev: done.reminder.rev });
    expect(visible(reminder)).toEqual(visible(before));
    expect(reminder.announcedAt).toBe(before.announcedAt);
    await f.bg.reconcile('alarm');
    await f.bg.reconcile('wake');
    expect(f.notifications.created.filter((n) => n.id === 'r:u')).toHaveLength(1);
    expect(f.badge.count).toBe(1);
  });

  it('check-off of a snoozed reminder: snoozed at the same time, and the alarm points at it', async () => {
    const f = await notifiedAndShown();
    const snoozed = await f.bg.handlers['reminder.snooze']({ id: 'u', due: { at: T0 + 5 * HOUR } });
    const done = await f.bg.handlers['reminder.done']({ id: 'u' });
    expect(f.alarms.active.has(NEXT_DUE_ALARM)).toBe(false);
    const { reminder } = await f.bg.handlers['reminder.restore']({ reminder: done.previous, expectedRev: done.reminder.rev });
    expect(visible(reminder)).toEqual(visible(snoozed.reminder));
    expect(reminder).toMatchObject({ status: 'snoozed', dueAt: T0 + 5 * HOUR });
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBeDefined();
  });

  it('undo of a snooze: notified again, still announced, nothing shown twice', async () => {
    const f = await notifiedAndShown();
    const before = (await f.bg.store.get('u'))!;
    const snoozed = await f.bg.handlers['reminder.snooze']({ id: 'u' });
    const { reminder } = await f.bg.handlers['reminder.restore']({ reminder: snoozed.previous, expectedRev: snoozed.reminder.rev });
    expect(visible(reminder)).toEqual(visible(before));
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.filter((n) => n.id === 'r:u')).toHaveLength(1);
  });

  it('undo of a delete: exactly what was deleted, a notified one stays announced', async () => {
    const f = await notifiedAndShown();
    const { reminder: deleted } = await f.bg.handlers['reminder.delete']({ id: 'u' });
    expect(await f.bg.store.get('u')).toBeUndefined();
    const { reminder } = await f.bg.handlers['reminder.restore']({ reminder: deleted });
    expect(visible(reminder)).toEqual(visible(deleted));
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.filter((n) => n.id === 'r:u')).toHaveLength(1);
    expect(f.badge.count).toBe(1);
  });

  it('never overwrites what changed after the action: a conflict, and the newer state stays', async () => {
    const f = fakeBackground({ now: T0 });
    await created(f);
    const done = await f.bg.handlers['reminder.done']({ id: 'u' });
    const reopened = (await f.bg.handlers['reminder.reopen']({ id: 'u' })).reminder;
    await expect(f.bg.handlers['reminder.restore']({ reminder: done.previous, expectedRev: done.reminder.rev })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await f.bg.store.get('u')).toEqual(reopened);
  });

  it('a delete is undone only while nothing with its id exists again; an action undone only while it exists', async () => {
    const f = fakeBackground({ now: T0 });
    await created(f);
    const current = (await f.bg.store.get('u'))!;
    await expect(f.bg.handlers['reminder.restore']({ reminder: { ...current, dueAt: 1 } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await f.bg.store.get('u')).toEqual(current);
    const done = await f.bg.handlers['reminder.done']({ id: 'u' });
    await f.bg.handlers['reminder.delete']({ id: 'u' });
    await expect(f.bg.handlers['reminder.restore']({ reminder: done.previous, expectedRev: done.reminder.rev })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await f.bg.store.get('u')).toBeUndefined();
  });
});
