import { PRECHECK_MS } from '../../../src/core/replies/outcome';
import { describe, expect, it } from 'vitest';
import { NEXT_DUE_ALARM } from '../../../src/background/reconciler';
import type { RequestOf } from '../../../src/core/protocol/schemas';
import type { ThreadIdentity } from '../../../src/core/reminder';
import { DAY, fakeBackground, HOUR, MIN, POPUP, T0, thread, userSettings } from './fakes';

// T0 is Monday 2025-03-10 12:00 UTC = 08:00 in New York (EDT since March 9), the user's zone.
const NY = (local: string) => Date.parse(`${local}-04:00`);
const TUE_9 = NY('2025-03-11T09:00');
const WED_9 = NY('2025-03-12T09:00');
const THU_9 = NY('2025-03-13T09:00');

function createPayload(over: Partial<RequestOf<'reminder.create'>> = {}): RequestOf<'reminder.create'> {
  return {
    id: 'rem-1',
    account: 'me@example.com',
    thread: thread(1),
    sentAt: T0 - MIN,
    due: { preset: 'tomorrow' },
    ...over,
  };
}

/** A background with one reminder created through the handler, due `dueIn` after T0. */
async function withReminder(dueIn = HOUR) {
  const f = fakeBackground({ now: T0 });
  await f.bg.handlers['reminder.create'](createPayload({ due: { at: T0 + dueIn } }));
  return f;
}

/** …and fired and announced. */
async function withNotifiedReminder() {
  const f = await withReminder(HOUR);
  f.clock.advance(HOUR);
  await f.bg.reconcile('alarm');
  expect(f.notifications.shown.has('r:rem-1')).toBe(true);
  return f;
}

describe('reminder.create', () => {
  it('resolves a preset in the zone from the settings, not the system zone', async () => {
    const f = fakeBackground({ now: T0 });
    const { reminder, outcome } = await f.bg.handlers['reminder.create'](createPayload({ due: { preset: 'tomorrow' } }));

    expect(outcome).toBe('created');
    // 09:00 in New York; the system zone (UTC) would have given 09:00 UTC.
    expect(reminder.dueAt).toBe(TUE_9);
    expect(reminder).toMatchObject({ id: 'rem-1', status: 'pending', account: 'me@example.com', sentAt: T0 - MIN, createdAt: T0 });
    expect(await f.bg.store.get('rem-1')).toEqual(reminder);
    // The write ended with a reconcile: the alarm points at it.
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(TUE_9 - PRECHECK_MS);
  });

  it('takes an exact time as given', async () => {
    const f = fakeBackground({ now: T0 });
    const at = T0 + 3 * HOUR + 17 * MIN;
    const { reminder } = await f.bg.handlers['reminder.create'](createPayload({ due: { at } }));
    expect(reminder.dueAt).toBe(at);
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(at - PRECHECK_MS);
  });

  it('refuses an exact time in the past and stores nothing', async () => {
    const f = fakeBackground({ now: T0 });
    await expect(f.bg.handlers['reminder.create'](createPayload({ due: { at: T0 - 1 } }))).rejects.toBeInstanceOf(RangeError);
    expect(await f.bg.store.all()).toEqual([]);
  });

  it('creating twice with the same id leaves one reminder', async () => {
    const f = fakeBackground({ now: T0 });
    const first = await f.bg.handlers['reminder.create'](createPayload());
    f.clock.advance(MIN);
    const second = await f.bg.handlers['reminder.create'](createPayload({ due: { preset: 'in-3-days' } }));

    expect(second).toEqual({ reminder: first.reminder, outcome: 'existing' });
    expect(await f.bg.store.all()).toEqual([first.reminder]);
  });

  it('replaces the due time of an active reminder on the same thread', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](createPayload({ id: 'first' }));
    const { reminder, outcome } = await f.bg.handlers['reminder.create'](createPayload({ id: 'second', due: { preset: 'in-3-days' } }));

    expect(outcome).toBe('replaced');
    expect(reminder).toMatchObject({ id: 'first', dueAt: THU_9, status: 'pending' });
    expect((await f.bg.store.all()).map((r) => r.id)).toEqual(['first']);
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(THU_9 - PRECHECK_MS);
  });

  it('replacing a notified reminder withdraws its notification and updates the badge', async () => {
    const f = await withNotifiedReminder();
    const { outcome, reminder } = await f.bg.handlers['reminder.create'](createPayload({ id: 'again', due: { preset: 'in-2-days' } }));
    expect(outcome).toBe('replaced');
    expect(reminder).toMatchObject({ id: 'rem-1', status: 'pending', dueAt: WED_9 });
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
    expect(f.badge.count).toBe(0);
  });
});

describe('reminder.create: times mean what the user typed', () => {
  it('a relative time counts from the send, not from when it was typed', async () => {
    // "in 2 hours" previewed at T0, sent (and stored) an hour later.
    const f = fakeBackground({ now: T0 });
    const preview = await f.bg.handlers['due.preview']({ text: 'in 2 hours' });
    expect(preview).toMatchObject({ at: T0 + 2 * HOUR, relative: { after: 2 * HOUR } });
    f.clock.advance(HOUR);
    const { reminder } = await f.bg.handlers['reminder.create'](createPayload({ sentAt: T0 + HOUR - 1_000, due: preview.relative! }));
    expect(reminder.dueAt).toBe(T0 + 3 * HOUR);
  });

  it('"in 3 Tagen" counts whole days from the day of sending', async () => {
    const f = fakeBackground({ now: T0 });
    const preview = await f.bg.handlers['due.preview']({ text: 'in 3 Tagen', lang: 'de' });
    expect(preview).toMatchObject({ at: THU_9, relative: { days: 3 } });
    f.clock.advance(DAY);
    const { reminder } = await f.bg.handlers['reminder.create'](createPayload({ sentAt: T0 + DAY, due: preview.relative! }));
    expect(reminder.dueAt).toBe(THU_9 + DAY);
  });

  it('a scheduled send counts from its scheduled time, and an absolute time before it is refused', async () => {
    const f = fakeBackground({ now: T0 });
    const scheduled = T0 + 2 * DAY;
    const { reminder } = await f.bg.handlers['reminder.create'](createPayload({ sentAt: scheduled, due: { after: HOUR } }));
    expect(reminder).toMatchObject({ sentAt: scheduled, dueAt: scheduled + HOUR });
    await expect(
      f.bg.handlers['reminder.create'](createPayload({ id: 'rem-2', thread: thread(2), sentAt: scheduled, due: { at: scheduled - HOUR } })),
    ).rejects.toBeInstanceOf(RangeError);
    expect(await f.bg.store.get('rem-2')).toBeUndefined();
  });

  it('an absolute time valid when Send was pressed is stored even if the request comes after it', async () => {
    const f = fakeBackground({ now: T0 });
    const due = { at: T0 + 10_000 };
    f.clock.advance(30_000); // Gmail's undo delay
    const { reminder } = await f.bg.handlers['reminder.create'](createPayload({ sentAt: T0 + 30_000, pressedAt: T0, due }));
    expect(reminder.dueAt).toBe(T0 + 10_000);
  });

  it('absolute text is previewed without a relative intent', async () => {
    const f = fakeBackground({ now: T0 });
    const preview = await f.bg.handlers['due.preview']({ text: 'am 24.12. um 10 Uhr', lang: 'de' });
    expect(preview.relative).toBeUndefined();
    expect(preview.at).toBe(Date.parse('2025-12-24T10:00-05:00')); // New York is on EST in December
  });
});

describe('changing a reminder', () => {
  it('updateDue moves the due time and points the alarm at it', async () => {
    const f = await withReminder();
    const { reminder } = await f.bg.handlers['reminder.updateDue']({ id: 'rem-1', due: { preset: 'in-2-days' } });
    expect(reminder).toMatchObject({ status: 'pending', dueAt: WED_9, rev: 2 });
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(WED_9 - PRECHECK_MS);
  });

  it('snooze without a due time uses the snooze preset from the settings', async () => {
    const f = fakeBackground({ now: T0, settings: userSettings({ snoozePreset: 'in-2-days' }) });
    await f.bg.handlers['reminder.create'](createPayload({ due: { at: T0 + HOUR } }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');

    const { reminder } = await f.bg.handlers['reminder.snooze']({ id: 'rem-1' });

    expect(reminder).toMatchObject({ status: 'snoozed', dueAt: WED_9 });
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
    expect(f.notifications.cleared).toContain('r:rem-1');
    expect(f.badge.count).toBe(0);
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(WED_9 - PRECHECK_MS);
  });

  it('snooze with a due time uses it and withdraws the notification', async () => {
    const f = await withNotifiedReminder();
    const until = f.clock.now() + 2 * HOUR;
    const { reminder } = await f.bg.handlers['reminder.snooze']({ id: 'rem-1', due: { at: until } });
    expect(reminder).toMatchObject({ status: 'snoozed', dueAt: until });
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(until - PRECHECK_MS);
  });

  it('done, reopen and cancel move the status and keep the alarm and badge in line', async () => {
    const f = await withNotifiedReminder();
    expect(f.badge.count).toBe(1);

    expect((await f.bg.handlers['reminder.done']({ id: 'rem-1' })).reminder.status).toBe('done');
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
    expect(f.badge.count).toBe(0);
    expect(f.alarms.active.has(NEXT_DUE_ALARM)).toBe(false);

    const reopened = (await f.bg.handlers['reminder.reopen']({ id: 'rem-1' })).reminder;
    expect(reopened.status).toBe('pending');
    // Its due time has passed: the reconcile at the end fired it again.
    expect((await f.bg.store.get('rem-1'))!.status).toBe('notified');
    expect(f.badge.count).toBe(1);

    expect((await f.bg.handlers['reminder.cancel']({ id: 'rem-1' })).reminder.status).toBe('cancelled');
    expect((await f.bg.store.get('rem-1'))!.status).toBe('cancelled');
    expect(f.badge.count).toBe(0);
  });

  it('delete removes the reminder, its notification and its alarm', async () => {
    const f = await withNotifiedReminder();
    const { reminder } = await f.bg.handlers['reminder.delete']({ id: 'rem-1' });
    expect(reminder.id).toBe('rem-1');
    expect(await f.bg.store.get('rem-1')).toBeUndefined();
    expect(f.notifications.shown.size).toBe(0);
    expect(f.badge.count).toBe(0);
  });

  it('an illegal move returns an error and changes nothing', async () => {
    const f = await withReminder();
    const before = await f.bg.store.get('rem-1');
    const callsBefore = f.alarms.calls.length;

    const reply = await f.bg.route({ v: 1, type: 'reminder.reopen', payload: { id: 'rem-1' } }, POPUP);

    expect(reply).toEqual({ ok: false, error: { code: 'illegal-transition', message: 'Cannot reopen a reminder that is pending' } });
    expect(await f.bg.store.get('rem-1')).toEqual(before);
    expect(f.alarms.calls.length).toBe(callsBefore);
  });

  it('an unknown id is not-found', async () => {
    const f = fakeBackground({ now: T0 });
    const reply = await f.bg.route({ v: 1, type: 'reminder.done', payload: { id: 'ghost' } }, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('reminder.list', () => {
  it('returns the checklist sections in the user zone, and counts for all of them', async () => {
    const f = fakeBackground({ now: T0 });
    const create = (id: string, n: number, at: number) =>
      f.bg.handlers['reminder.create'](createPayload({ id, thread: thread(n), due: { at } }));
    await create('overdue', 1, T0 + MIN);
    // 20:00 in New York is still today there, though already tomorrow in UTC.
    await create('today', 2, NY('2025-03-10T20:00'));
    await create('upcoming', 3, NY('2025-03-11T08:00'));
    await create('replied', 4, T0 + DAY);
    await create('done', 5, T0 + DAY);
    await create('cancelled', 6, T0 + DAY);
    // Replies the user owes have their own section, due (here: fired) or not.
    await f.bg.handlers['reminder.create'](createPayload({ id: 'owed-due', kind: 'owed-reply', thread: thread(7), due: { at: T0 + MIN } }));
    await f.bg.handlers['reminder.create'](createPayload({ id: 'owed-later', kind: 'owed-reply', thread: thread(8), due: { at: T0 + DAY } }));
    f.clock.advance(MIN);
    await f.bg.reconcile('alarm');
    await f.bg.store.change('replied', { type: 'reply', resolution: { kind: 'reply', by: { email: 'client4@example.com' } } }, f.clock.now(), { cause: 'reply' });
    await f.bg.handlers['reminder.done']({ id: 'done' });
    await f.bg.handlers['reminder.cancel']({ id: 'cancelled' });

    const all = await f.bg.handlers['reminder.list']({});
    const ids = Object.fromEntries(Object.entries(all.sections).map(([k, v]) => [k, v.map((r) => r.id)]));
    expect(ids).toEqual({ overdue: ['overdue'], answer: ['owed-due', 'owed-later'], today: ['today'], upcoming: ['upcoming'], replied: ['replied'], done: ['done'] });
    expect(all.counts).toEqual({ overdue: 1, answer: 2, today: 1, upcoming: 1, replied: 1, done: 1 });
    expect(all.now).toBe(T0 + MIN);

    const some = await f.bg.handlers['reminder.list']({ sections: ['today', 'done'] });
    expect(Object.keys(some.sections).sort()).toEqual(['done', 'today']);
    expect(some.counts).toEqual(all.counts);
  });
});

describe('reminder.getByThread', () => {
  const HEX = '15f1123136926bff';
  const PERM = 'thread-f:1581064946762017791';
  const MSG = '<CAF=abc123@mail.gmail.com>';

  async function withThread(t: ThreadIdentity) {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](createPayload({ thread: t }));
    return f;
  }

  it('finds a reminder by hex id (any case) and by the equivalent perm id', async () => {
    const f = await withThread(thread(1, { threadId: HEX }));
    const byHex = await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: HEX.toUpperCase() });
    const byPerm = await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', permThreadId: PERM });
    expect(byHex.reminder?.id).toBe('rem-1');
    expect(byPerm.reminder?.id).toBe('rem-1');
  });

  it('finds a reminder known only by its perm id, through the hex id', async () => {
    const f = await withThread({ ...thread(1, { permThreadId: PERM }), threadId: undefined });
    const found = await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: HEX });
    expect(found.reminder?.id).toBe('rem-1');
  });

  it('finds a reminder known only by its Message-ID', async () => {
    const f = await withThread({ provider: 'gmail', messageId: MSG, subject: 'Hello', recipients: [] });
    const found = await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', messageId: MSG });
    expect(found.reminder?.id).toBe('rem-1');
  });

  it('answers null for another account or an unknown thread', async () => {
    const f = await withThread(thread(1, { threadId: HEX }));
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'other@example.com', threadId: HEX })).reminder).toBeNull();
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: 'abc' })).reminder).toBeNull();
  });

  it('prefers the live reminder over a finished one on the same thread', async () => {
    const f = await withThread(thread(1, { threadId: HEX }));
    await f.bg.handlers['reminder.done']({ id: 'rem-1' });
    f.clock.advance(MIN);
    await f.bg.handlers['reminder.create'](createPayload({ id: 'rem-2', thread: thread(1, { threadId: HEX }) }));
    // Touch the finished one last, so "most recent" alone would pick it.
    f.clock.advance(MIN);
    await f.bg.handlers['reminder.cancel']({ id: 'rem-1' });

    const found = await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: HEX });
    expect(found.reminder?.id).toBe('rem-2');
  });
});

describe('due.preview', () => {
  it('resolves a preset and labels it in the user zone', async () => {
    const f = fakeBackground({ now: T0 });
    const preview = await f.bg.handlers['due.preview']({ preset: 'tomorrow' });
    expect(preview).toEqual({ at: TUE_9, moved: false, exactTime: false, label: expect.stringContaining('09:00') as unknown as string });
    expect(preview.label).toMatch(/Tue/);
  });

  it('understands "in 3 days" and "übermorgen"', async () => {
    const f = fakeBackground({ now: T0 });
    expect(await f.bg.handlers['due.preview']({ text: 'in 3 days' })).toMatchObject({ at: THU_9, exactTime: false });
    expect(await f.bg.handlers['due.preview']({ text: 'übermorgen' })).toMatchObject({ at: WED_9, exactTime: false });
    expect(await f.bg.handlers['due.preview']({ text: 'übermorgen', lang: 'de' })).toMatchObject({ at: WED_9 });
  });

  it('answers unparseable text with the code unparseable', async () => {
    const f = fakeBackground({ now: T0 });
    await expect(f.bg.handlers['due.preview']({ text: 'whenever you like' })).rejects.toMatchObject({
      code: 'unparseable',
      message: 'dueError_unrecognised',
    });
    const reply = await f.bg.route({ v: 1, type: 'due.preview', payload: { text: 'whenever you like' } }, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'unparseable', message: 'dueError_unrecognised' } });
  });
});

describe('settings.get', () => {
  it('returns the stored settings', async () => {
    const f = fakeBackground({ now: T0, settings: userSettings({ snoozePreset: 'next-week' }) });
    expect((await f.bg.handlers['settings.get']({})).settings).toEqual(userSettings({ snoozePreset: 'next-week' }));
  });
});

describe('integration.report / integration.get', () => {
  const checks = { composeButton: 'ok', sendHook: 'ok', threadId: 'missing', threadToolbar: 'unknown', account: 'ok' } as const;

  it('keeps the newest report per account, newest first', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['integration.report']({ account: 'me@example.com', checks, notes: ['thread heading not found'] });
    f.clock.advance(MIN);
    await f.bg.handlers['integration.report']({ account: 'work@example.com', checks, notes: [] });
    f.clock.advance(MIN);
    await f.bg.handlers['integration.report']({ account: 'me@example.com', checks: { ...checks, threadId: 'ok' }, notes: [] });

    const { reports } = await f.bg.handlers['integration.get']({});
    expect(reports).toEqual([
      { account: 'me@example.com', at: T0 + 2 * MIN, checks: { ...checks, threadId: 'ok' }, notes: [] },
      { account: 'work@example.com', at: T0 + MIN, checks, notes: [] },
    ]);
  });

  it('keeps at most ten accounts and starts afresh from unreadable stored data', async () => {
    const f = fakeBackground({ now: T0 });
    f.storage.data.integration = 'garbage';
    expect((await f.bg.handlers['integration.get']({})).reports).toEqual([]);
    for (let i = 0; i < 12; i++) await f.bg.handlers['integration.report']({ account: `a${i}@example.com`, checks, notes: [] });
    const { reports } = await f.bg.handlers['integration.get']({});
    expect(reports).toHaveLength(10);
    expect(reports[0]!.account).toBe('a11@example.com');
  });
});
