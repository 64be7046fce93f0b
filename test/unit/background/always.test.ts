import { describe, expect, it } from 'vitest';
import { NEXT_DUE_ALARM } from '../../../src/background/reconciler';
import type { RequestOf } from '../../../src/core/protocol/schemas';
import { PRECHECK_MS } from '../../../src/core/replies/outcome';
import { DAY, fakeBackground, HOUR, MIN, T0, thread, userSettings } from './fakes';

/**
 * "Remind me regardless" (kind `always`): fires at its time whatever anyone
 * wrote. Every path that resolves or moves reminders by what is in the
 * thread — the print view, an open Gmail tab, the user's own send, an
 * automatic answer's return date — leaves it alone, and no request is
 * spent on it.
 */

const ME = { email: 'me@example.com', name: 'Me' };
const BOB = { email: 'client1@example.com', name: 'Client 1' };
const SENT = T0 - HOUR;
const hex = thread(1).threadId!;
const ACCOUNT = 'me@example.com';

function create(over: Partial<RequestOf<'reminder.create'>> = {}): RequestOf<'reminder.create'> {
  return { id: 'always-1', account: ACCOUNT, kind: 'always', thread: thread(1), sentAt: SENT, due: { at: T0 + HOUR }, ...over };
}

const requestedThreads = (urls: readonly string[]) => urls.map((u) => new URL(u).searchParams.get('th'));

describe('an "always" reminder fires at its due time whatever the thread shows', () => {
  it('the print view shows a reply: the "if no reply" reminder of the same thread is resolved, the "always" one fires — and is never fetched for', async () => {
    const f = fakeBackground({ now: T0, settings: userSettings() });
    await f.bg.handlers['reminder.create'](create());
    await f.bg.handlers['reminder.create'](create({ id: 'wait-1', kind: 'no-reply' }));
    // One more "always" on a thread of its own: it must cost no request at all.
    await f.bg.handlers['reminder.create'](create({ id: 'always-2', thread: thread(2) }));
    f.printView.threads.set(hex, [
      { from: ME, to: [BOB], at: SENT },
      { from: BOB, to: [ME], at: T0 + 10 * MIN },
    ]);

    f.clock.advance(HOUR - PRECHECK_MS);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('wait-1'))!).toMatchObject({ status: 'replied', resolution: { kind: 'reply', by: { email: BOB.email } } });
    expect((await f.bg.store.get('always-1'))!).toMatchObject({ status: 'pending', dueAt: T0 + HOUR });
    // The pre-check looked at the thread once, for the no-reply reminder only.
    expect(requestedThreads(f.printView.requested)).toEqual([hex]);

    f.clock.time = T0 + HOUR;
    await f.bg.reconcile('alarm');
    const fired = (await f.bg.store.get('always-1'))!;
    expect(fired).toMatchObject({ status: 'notified', kind: 'always' });
    expect(fired.check).toBeUndefined();
    expect(fired.resolution).toBeUndefined();
    expect((await f.bg.store.get('always-2'))!.status).toBe('notified');
    expect(requestedThreads(f.printView.requested)).toEqual([hex]);

    const shown = f.notifications.created.find((n) => n.id === 'r:always-1')!;
    expect(shown.options.title).toBe(`notifAlwaysTitle|${thread(1).subject}`);
    expect(shown.options.message).toBe('notifAlwaysMessage|Client 1');
    expect(shown.options.contextMessage).toMatch(/^notifContext\|.+\|me@example\.com$/);
    expect(shown.options.buttons).toEqual([{ title: 'actionOpenThread' }, { title: 'actionSnooze' }]);
    expect(f.notifications.created.some((n) => n.id === 'r:wait-1')).toBe(false);
    expect(f.badge.count).toBe(2);
  });

  it('fires on the dot: no look to wait for, so the alarm points at the due time itself (not the pre-check)', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](create());
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + HOUR);
    f.clock.time = T0 + HOUR;
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('always-1'))!.status).toBe('notified');
    expect(f.printView.requested).toEqual([]);
  });

  it('an out-of-office answer with a return date does not move it', async () => {
    const f = fakeBackground({ now: T0, settings: userSettings() });
    await f.bg.handlers['reminder.create'](create());
    f.printView.threads.set(hex, [
      { from: ME, to: [BOB], at: SENT },
      { from: BOB, to: [ME], at: T0 + MIN, body: 'Thank you for your email.\nI am out of the office until March 20 with limited access to email.' },
    ]);
    f.clock.advance(HOUR - PRECHECK_MS);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('always-1'))!).toMatchObject({ status: 'pending', dueAt: T0 + HOUR });
    f.clock.time = T0 + HOUR;
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('always-1'))!).toMatchObject({ status: 'notified', dueAt: T0 + HOUR });
    expect(f.printView.requested).toEqual([]);
  });

  it('a Gmail tab showing a reply resolves the "if no reply" reminder and leaves the "always" one untouched', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](create());
    await f.bg.handlers['reminder.create'](create({ id: 'wait-1', kind: 'no-reply' }));
    const before = (await f.bg.store.get('always-1'))!;
    const { resolved } = await f.bg.handlers['thread.observed']({
      account: ACCOUNT,
      threadId: hex,
      messages: [
        { from: ME, to: [BOB], at: SENT, id: 'msg-f:1' },
        { from: BOB, to: [ME], at: T0 + MIN, id: 'msg-f:2' },
      ],
    });
    expect(resolved.map((r) => r.id)).toEqual(['wait-1']);
    expect((await f.bg.store.get('always-1'))!).toEqual(before);
  });

  it('the user\'s own send in the thread (thread.sent) leaves it waiting', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](create());
    expect((await f.bg.handlers['thread.sent']({ account: ACCOUNT, threadId: hex, sentAt: T0 + MIN })).answered).toEqual([]);
    expect((await f.bg.store.get('always-1'))!.status).toBe('pending');
  });

  it('"check for replies now" makes no request and changes nothing', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](create());
    const before = (await f.bg.store.get('always-1'))!;
    const { reminder } = await f.bg.handlers['reminder.checkNow']({ id: 'always-1' });
    expect(reminder).toEqual(before);
    expect(f.printView.requested).toEqual([]);
  });

  it('a look that reaches the store all the same writes nothing (no reply, no bounce, no move)', async () => {
    const f = fakeBackground({ now: T0 });
    const { reminder } = await f.bg.handlers['reminder.create'](create());
    const reply = { type: 'reply' as const, resolution: { kind: 'reply' as const, by: { email: BOB.email } } };
    expect(await f.bg.checks.record(reminder.id, reminder.rev, { check: { at: T0, source: 'print-view', outcome: 'replied', by: { email: BOB.email }, failures: 0 }, event: reply }, T0)).toBeUndefined();
    expect(await f.bg.checks.record(reminder.id, reminder.rev, { check: { at: T0, source: 'print-view', outcome: 'no-reply', failures: 0 }, event: { type: 'reschedule', dueAt: T0 + DAY } }, T0)).toBeUndefined();
    expect((await f.bg.store.get('always-1'))!).toEqual(reminder);
  });

  it('snooze, done and cancel work as for any reminder', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](create());
    f.clock.time = T0 + HOUR;
    await f.bg.reconcile('alarm');
    const { reminder: snoozed } = await f.bg.handlers['reminder.snooze']({ id: 'always-1', due: { at: T0 + DAY } });
    expect(snoozed).toMatchObject({ status: 'snoozed', dueAt: T0 + DAY, kind: 'always' });
    f.clock.time = T0 + DAY;
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('always-1'))!.status).toBe('notified');
    expect((await f.bg.handlers['reminder.done']({ id: 'always-1' })).reminder.status).toBe('done');
    await f.bg.handlers['reminder.create'](create({ id: 'always-3', thread: thread(3), due: { at: T0 + 2 * DAY } }));
    expect((await f.bg.handlers['reminder.cancel']({ id: 'always-3' })).reminder.status).toBe('cancelled');
  });
});

describe('storing an "always" reminder', () => {
  const owed = (over: Partial<RequestOf<'reminder.create'>> = {}) => create({ id: 'owed-1', kind: 'owed-reply', sentAt: T0 - 2 * HOUR, ...over });

  it('armed on a send in the thread: the reply the user owed there is answered (they just wrote)', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](owed());
    const { reminder } = await f.bg.handlers['reminder.create'](create({ sentAt: T0 }));
    expect(reminder).toMatchObject({ kind: 'always', status: 'pending' });
    expect((await f.bg.store.get('owed-1'))!).toMatchObject({ status: 'replied', resolution: { kind: 'answered' } });
  });

  it('added from the thread toolbar (anchored to the click): the owed reply keeps waiting', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](owed());
    await f.bg.handlers['reminder.create'](create({ sentAt: T0, anchor: 'added' }));
    expect((await f.bg.store.get('owed-1'))!.status).toBe('pending');
  });

  it('one "always" per thread: a second moves the first; an "if no reply" of the same thread stays apart', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](create());
    await f.bg.handlers['reminder.create'](create({ id: 'wait-1', kind: 'no-reply' }));
    const { reminder, outcome } = await f.bg.handlers['reminder.create'](create({ id: 'always-2', due: { at: T0 + DAY } }));
    expect(outcome).toBe('replaced');
    expect(reminder).toMatchObject({ id: 'always-1', dueAt: T0 + DAY });
    expect((await f.bg.store.get('wait-1'))!).toMatchObject({ kind: 'no-reply', status: 'pending', dueAt: T0 + HOUR });
  });
});
