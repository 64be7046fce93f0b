import { PRECHECK_MS } from '../../../src/core/replies/outcome';
import { describe, expect, it } from 'vitest';
import { isWatchdogAlarm, NEXT_DUE_ALARM, RETRY_ALARM, WATCHDOG_MS } from '../../../src/background/reconciler';
import { DAY, fakeBackground, HOUR, ICON_URL, MIN, reminder, T0, userSettings } from './fakes';

/** A background with reminders created at T0 and due at the given offsets from T0. */
async function withReminders(dues: Record<string, number>, settings = userSettings()) {
  const f = fakeBackground({ now: T0, settings });
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
          buttons: [{ title: 'actionWriteFollowUp' }, { title: 'actionSnooze' }],
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
    await f.bg.store.change('snoozed', { type: 'snooze', until: T0 + 3 * HOUR }, T0);
    f.clock.advance(2 * HOUR);

    await f.bg.reconcile('alarm');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + 3 * HOUR - PRECHECK_MS);

    await f.bg.store.change('snoozed', { type: 'done' }, f.clock.now());
    await f.bg.reconcile('user');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + 5 * HOUR - PRECHECK_MS);

    await f.bg.store.change('pending', { type: 'cancel' }, f.clock.now());
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

    await f.bg.store.change('a', { type: 'done' }, f.clock.now());
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

    // Two due together: one each.
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a', 'r:b']);
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
    await f.bg.store.change('a', { type: 'done' }, T0 + MIN);
    f.clock.advance(DAY);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created).toEqual([]);
    expect(f.badge.count).toBe(0);
  });

  describe('a run cut short (the worker stopped half-way)', () => {
    const watchdogs = (f: Awaited<ReturnType<typeof withReminders>>) => [...f.alarms.active.keys()].filter(isWatchdogAlarm);

    it('a wake-up holds its own watchdog alarm while it runs and clears it when through', async () => {
      const f = await withReminders({ a: HOUR });
      f.clock.advance(HOUR);
      await f.bg.reconcile('alarm');
      const calls = f.alarms.calls.filter((c) => isWatchdogAlarm(c.name));
      expect(calls).toEqual([
        { op: 'create', name: expect.stringMatching(/^watchdog:/) as unknown as string, when: T0 + HOUR + WATCHDOG_MS },
        { op: 'clear', name: calls[0]!.name },
      ]);
      expect(watchdogs(f)).toEqual([]);
    });

    it('a wake-up that dies after firing leaves its watchdog set; the next run announces once and never clears the dead run\'s watchdog', async () => {
      const f = await withReminders({ a: HOUR });
      f.clock.advance(HOUR);
      // The worker "dies" between firing and showing: the run never completes.
      f.notifications.failWith = new Error('worker stopped');
      const logError = f.log.error.bind(f.log);
      f.log.error = () => {
        throw new Error('worker stopped');
      };
      await expect(f.bg.reconcile('alarm')).rejects.toThrow('worker stopped');
      f.log.error = logError;
      f.notifications.failWith = undefined;
      expect((await f.bg.store.get('a'))!.status).toBe('notified');
      const [dead] = watchdogs(f);
      expect(f.alarms.active.get(dead!)).toBe(T0 + HOUR + WATCHDOG_MS);

      // A fresh worker's wake-up: its run sets and clears only its own watchdog.
      f.clock.advance(WATCHDOG_MS);
      await f.bg.reconcile('wake');
      expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a']);
      expect((await f.bg.store.get('a'))!.history.filter((h) => h.to === 'notified')).toHaveLength(1);
      expect(f.alarms.calls.filter((c) => c.op === 'clear' && c.name === dead)).toEqual([]);
      expect(watchdogs(f)).toEqual([dead]);
    });

    it('user actions do not touch the watchdog', async () => {
      const f = await withReminders({ a: HOUR });
      await f.bg.reconcile('user');
      expect(f.alarms.calls.filter((c) => isWatchdogAlarm(c.name))).toEqual([]);
    });
  });

  describe('one background run at a time', () => {
    it('a wake-up and an alarm arriving together never look for replies side by side, and ask Gmail once per reminder', async () => {
      const f = await withReminders({ a: HOUR, b: HOUR, c: 2 * HOUR });
      f.clock.advance(HOUR);
      let inFlight = 0;
      let most = 0;
      const fetch = f.printView.fetch.bind(f.printView);
      f.printView.fetch = async (url) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        try {
          return await fetch(url);
        } finally {
          inFlight -= 1;
        }
      };
      await Promise.all([f.bg.reconcile('wake'), f.bg.reconcile('alarm'), f.bg.reconcile('alarm'), f.bg.reconcile('user')]);
      expect(most).toBe(1);
      const threads = f.printView.requested.map((u) => new URL(u).searchParams.get('th'));
      expect(new Set(threads).size).toBe(threads.length);
      expect(f.notifications.created.map((n) => n.id).sort()).toEqual(['r:a', 'r:b']);
      // Every run cleared its own watchdog, and only its own.
      const created = f.alarms.calls.filter((c) => c.op === 'create' && isWatchdogAlarm(c.name)).map((c) => c.name);
      const cleared = f.alarms.calls.filter((c) => c.op === 'clear' && isWatchdogAlarm(c.name)).map((c) => c.name);
      expect(new Set(created).size).toBe(created.length);
      expect(cleared.sort()).toEqual([...created].sort());
      expect(f.lock.maxConcurrent).toBe(1);
    });

    it('a wake-up with nothing due makes no request', async () => {
      const f = await withReminders({ a: DAY });
      await f.bg.reconcile('wake');
      await f.bg.reconcile('alarm');
      await f.bg.reconcile('startup');
      expect(f.printView.requested).toEqual([]);
      expect(f.notifications.created).toEqual([]);
      const empty = fakeBackground({ now: T0 });
      await empty.bg.reconcile('wake');
      expect(empty.printView.requested).toEqual([]);
    });
  });

  describe('racing a user action on the same reminder', () => {
    /** Holds every notifications.create until released; `reached` resolves when the first one is waiting. */
    function gateNotifications(f: Awaited<ReturnType<typeof withReminders>>) {
      let release!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const waiting = new Promise<void>((r) => (reached = r));
      const create = f.notifications.create.bind(f.notifications);
      f.notifications.create = async (id, options) => {
        reached();
        await gate;
        return create(id, options);
      };
      return { release, waiting };
    }

    it.each([
      ['done', (f: Awaited<ReturnType<typeof withReminders>>) => f.bg.handlers['reminder.done']({ id: 'a' }), 'done'],
      ['snooze', (f: Awaited<ReturnType<typeof withReminders>>) => f.bg.handlers['reminder.snooze']({ id: 'a', due: { at: T0 + DAY } }), 'snoozed'],
      ['delete', (f: Awaited<ReturnType<typeof withReminders>>) => f.bg.handlers['reminder.delete']({ id: 'a' }), undefined],
    ] as const)(
      'a %s that lands while the alarm is showing the notification leaves no notification behind',
      async (_name, act, status) => {
        const f = await withReminders({ a: HOUR });
        f.clock.advance(HOUR);
        const { release, waiting } = gateNotifications(f);

        // The alarm's run has fired `a` and is in the middle of showing it…
        const alarm = f.bg.reconcile('alarm');
        await waiting;
        // …when the user's action (from the popup) lands.
        const user = act(f);
        await new Promise((r) => setTimeout(r, 10));
        release();
        await Promise.all([alarm, user]);
        await f.bg.reconcile('startup');

        const a = await f.bg.store.get('a');
        expect(a?.status).toBe(status);
        // The user's action is not lost, and nothing on screen talks about a reminder the user already handled.
        expect([...f.notifications.shown.keys()]).toEqual([]);
        if (a) expect(a.history.filter((h) => h.to === 'notified')).toHaveLength(1);
        expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a']);
        expect(f.badge.count).toBe(0);
      },
    );

    it('a digest whose reminders were all handled while it was being shown is taken down; one still waiting keeps it', async () => {
      // Only one at a time gets its own notification: two due together make a summary.
      const f = await withReminders({ a: HOUR, b: HOUR, c: 2 * HOUR, d: 2 * HOUR }, userSettings({ notifications: { requireInteraction: true, startupDigest: true, separateUpTo: 1 } }));
      f.clock.advance(HOUR);
      let gate = gateNotifications(f);
      let alarm = f.bg.reconcile('alarm');
      await gate.waiting;
      const users = [f.bg.handlers['reminder.done']({ id: 'a' }), f.bg.handlers['reminder.done']({ id: 'b' })];
      // Both actions are written (their reconciles wait for the alarm's run) before the digest is up.
      await new Promise((r) => setTimeout(r, 10));
      gate.release();
      await Promise.all([alarm, ...users]);
      expect([...f.notifications.shown.keys()]).toEqual([]);

      f.clock.advance(HOUR);
      gate = gateNotifications(f);
      alarm = f.bg.reconcile('alarm');
      await gate.waiting;
      const done = f.bg.handlers['reminder.done']({ id: 'c' });
      await new Promise((r) => setTimeout(r, 10));
      gate.release();
      await Promise.all([alarm, done]);
      // d still waits for the user: its digest stays.
      expect([...f.notifications.shown.keys()]).toEqual(['digest']);
      expect((await f.bg.store.get('d'))!.announcedAt).toBe(T0 + 2 * HOUR);
    });
  });
});
