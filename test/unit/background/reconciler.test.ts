import { PRECHECK_MS } from '../../../src/core/replies/outcome';
import { describe, expect, it } from 'vitest';
import { NEXT_DUE_ALARM, RETRY_ALARM } from '../../../src/background/reconciler';
import { DAY, fakeBackground, HOUR, ICON_URL, MIN, reminder, T0 } from './fakes';

/** A background with reminders created at T0 and due at the given offsets from T0. */
async function withReminders(dues: Record<string, number>) {
  const f = fakeBackground({ now: T0 });
  let n = 100;
  for (const [id, offset] of Object.entries(dues)) {
    await f.bg.store.create(reminder({ id, n: n++, dueAt: T0 + offset, createdAt: T0 }), T0);
  }
  return f;
}

describe('reconcile', () => {
  it('fires a due reminder and announces it as a single notification with two buttons', async () => {
    const f = await withReminders({ a: HOUR, later: DAY });
    const a = (await f.bg.store.get('a'))!;
    f.clock.advance(HOUR);

    await f.bg.reconcile('alarm');

    expect(f.notifications.created).toEqual([
      {
        id: 'r:a',
        options: {
          title: `notifTitle|${a.thread.recipients[0]!.name}`,
          message: a.thread.subject,
          contextMessage: expect.stringMatching(/^notifContext\|.+\|me@example\.com$/) as unknown as string,
          iconUrl: ICON_URL,
          buttons: [{ title: 'actionOpenThread' }, { title: 'actionSnooze' }],
          // The default: stays on screen until the user acts on it.
          requireInteraction: true,
        },
      },
    ]);
    const fired = (await f.bg.store.get('a'))!;
    expect(fired).toMatchObject({ status: 'notified', announcedAt: T0 + HOUR });
    expect(fired.history.at(-1)).toMatchObject({ from: 'pending', to: 'notified', cause: 'alarm' });
    expect((await f.bg.store.get('later'))!.status).toBe('pending');
    expect(f.badge.count).toBe(1);
  });

  it('announces several due reminders as one digest and marks them all announced', async () => {
    const f = await withReminders({ a: HOUR, b: 2 * HOUR, c: 3 * HOUR });
    f.clock.advance(3 * HOUR);

    await f.bg.reconcile('startup');

    expect(f.notifications.created.map((n) => n.id)).toEqual(['digest']);
    const digest = f.notifications.created[0]!.options;
    expect(digest.title).toBe('digestTitle|3');
    expect(digest.message.split('\n')).toHaveLength(3);
    expect(digest.buttons).toEqual([{ title: 'actionOpenChecklist' }]);
    expect(await f.bg.store.unannounced()).toEqual([]);
    for (const id of ['a', 'b', 'c']) expect((await f.bg.store.get(id))!.announcedAt).toBe(T0 + 3 * HOUR);
    expect(f.badge.count).toBe(3);
  });

  it('points the next-due alarm at the earliest waiting reminder, and clears it when nothing waits', async () => {
    const f = await withReminders({ fired: HOUR, pending: 5 * HOUR, snoozed: 9 * HOUR });
    await f.bg.store.apply('snoozed', { type: 'snooze', until: T0 + 3 * HOUR }, T0);
    f.clock.advance(2 * HOUR);

    await f.bg.reconcile('alarm');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + 3 * HOUR - PRECHECK_MS);

    await f.bg.store.apply('snoozed', { type: 'done' }, f.clock.now());
    await f.bg.reconcile('user');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + 5 * HOUR - PRECHECK_MS);

    await f.bg.store.apply('pending', { type: 'cancel' }, f.clock.now());
    await f.bg.reconcile('user');
    expect(f.alarms.active.has(NEXT_DUE_ALARM)).toBe(false);
    expect(f.alarms.calls.at(-1)).toEqual({ op: 'clear', name: NEXT_DUE_ALARM });
  });

  it('sets the badge to the number of notified reminders', async () => {
    const f = await withReminders({ a: HOUR, b: HOUR, c: DAY });
    await f.bg.reconcile('startup');
    expect(f.badge.count).toBe(0);

    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect(f.badge.count).toBe(2);

    await f.bg.store.apply('a', { type: 'done' }, f.clock.now());
    await f.bg.reconcile('user');
    expect(f.badge.count).toBe(1);
  });

  it('never announces the same reminder twice, called again or concurrently', async () => {
    const f = await withReminders({ a: HOUR });
    f.clock.advance(HOUR);

    await Promise.all([f.bg.reconcile('alarm'), f.bg.reconcile('wake'), f.bg.reconcile('startup')]);
    await f.bg.reconcile('alarm');

    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a']);
    expect(f.lock.maxConcurrent).toBe(1);
    expect((await f.bg.store.get('a'))!.history.filter((h) => h.to === 'notified')).toHaveLength(1);
  });

  it('announces a reminder that becomes due later on its own, without repeating earlier ones', async () => {
    const f = await withReminders({ a: HOUR, b: 2 * HOUR });
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');

    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a', 'r:b']);
    expect(f.badge.count).toBe(2);
  });

  it('when notifications fail, keeps the reminders unannounced, sets a retry alarm and announces once on the next run', async () => {
    const f = await withReminders({ a: HOUR, b: HOUR });
    f.clock.advance(HOUR);
    f.notifications.failWith = new Error('Notifications are disabled');

    await f.bg.reconcile('alarm');

    expect(f.notifications.created).toEqual([]);
    expect((await f.bg.store.unannounced()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(f.alarms.active.get(RETRY_ALARM)).toBe(T0 + HOUR + MIN);
    expect(f.log.errors).toHaveLength(1);
    expect(f.log.errors[0]!.detail).toBe(f.notifications.failWith);
    // The rest of the run still happened.
    expect(f.badge.count).toBe(2);

    f.notifications.failWith = undefined;
    f.clock.advance(MIN);
    await f.bg.reconcile('alarm');
    await f.bg.reconcile('alarm');

    expect(f.notifications.created.map((n) => n.id)).toEqual(['digest']);
    expect(await f.bg.store.unannounced()).toEqual([]);
  });

  it('falls back to a notification without buttons where buttons are rejected (Firefox)', async () => {
    const f = await withReminders({ a: HOUR });
    f.notifications.rejectButtons = true;
    f.clock.advance(HOUR);

    await f.bg.reconcile('alarm');

    expect(f.notifications.created).toHaveLength(1);
    const { id, options } = f.notifications.created[0]!;
    expect(id).toBe('r:a');
    expect(options).not.toHaveProperty('buttons');
    expect(options.title).toMatch(/^notifTitle\|/);
    expect(f.log.warnings).toHaveLength(1);
    expect((await f.bg.store.get('a'))!.announcedAt).toBe(T0 + HOUR);
  });

  it('does not notify for reminders that were acted on before their time', async () => {
    const f = await withReminders({ a: HOUR });
    await f.bg.store.apply('a', { type: 'done' }, T0 + MIN);
    f.clock.advance(DAY);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created).toEqual([]);
    expect(f.badge.count).toBe(0);
  });
});
