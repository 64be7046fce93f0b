import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../../src/core/protocol/schemas';
import { threadUrl } from '../../../src/core/gmail-links';
import { DAY, fakeBackground, HOUR, MIN, T0, thread, userSettings } from './fakes';

const BOB = { email: 'client1@example.com', name: 'Client 1' };
const ME = { email: 'me@example.com', name: 'Me' };
/** Bob's message the user owes an answer to arrived an hour before T0 (whole minute, as the print view shows it). */
const RECEIVED = T0 - HOUR;

function owedPayload(over: Partial<RequestOf<'reminder.create'>> = {}): RequestOf<'reminder.create'> {
  return { id: 'owed-1', account: 'me@example.com', kind: 'owed-reply', thread: thread(1), sentAt: RECEIVED, due: { at: T0 + HOUR }, ...over };
}

async function withOwed(over: Partial<RequestOf<'reminder.create'>> = {}) {
  const f = fakeBackground({ now: T0, settings: userSettings() });
  await f.bg.handlers['reminder.create'](owedPayload(over));
  return f;
}

const hex = thread(1).threadId!;

describe('an owed reply ends with the user\'s own send in the thread', () => {
  it('thread.sent answers it (by thread id), withdraws nothing else and never notifies', async () => {
    const f = await withOwed();
    await f.bg.handlers['reminder.create']({ ...owedPayload({ id: 'other', thread: thread(2) }) });
    f.clock.advance(10 * MIN);
    const { answered } = await f.bg.handlers['thread.sent']({ account: 'me@example.com', threadId: hex, sentAt: f.clock.now() });
    expect(answered.map((r) => r.id)).toEqual(['owed-1']);
    const r = (await f.bg.store.get('owed-1'))!;
    expect(r).toMatchObject({ status: 'replied', resolution: { kind: 'answered', source: 'compose', at: T0 + 10 * MIN } });
    expect(r.history.at(-1)).toMatchObject({ from: 'pending', to: 'replied', cause: 'answered' });
    expect(r.resolution).toMatchObject({ by: { email: 'me@example.com' }, messageId: `me@example.com|${(T0 + 10 * MIN) / MIN}` });
    expect((await f.bg.store.get('other'))!.status).toBe('pending');
    f.clock.advance(DAY);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:other']);
  });

  it('matches the thread by its perm id too, and a send in another account answers nothing', async () => {
    const f = await withOwed();
    expect((await f.bg.handlers['thread.sent']({ account: 'other@example.com', threadId: hex, sentAt: T0 })).answered).toEqual([]);
    const perm = `thread-f:${BigInt(`0x${hex}`).toString(10)}`;
    expect((await f.bg.handlers['thread.sent']({ account: 'me@example.com', permThreadId: perm, sentAt: T0 })).answered).toHaveLength(1);
  });

  it('a waiting "if no reply" reminder that does not repeat is not touched by the user\'s send (one that repeats: test/unit/background/chain.test.ts)', async () => {
    const f = fakeBackground({ now: T0, settings: userSettings({ followUps: { repeat: false, steps: [3, 7, 14], cap: 3 } }) });
    await f.bg.handlers['reminder.create']({ ...owedPayload({ id: 'wait', kind: 'no-reply' }) });
    expect((await f.bg.handlers['thread.sent']({ account: 'me@example.com', threadId: hex, sentAt: T0 })).answered).toEqual([]);
    expect((await f.bg.store.get('wait'))!.status).toBe('pending');
  });

  it('an armed send in the thread stores the next wait and answers the owed reply in one go (both kinds, at different times)', async () => {
    const f = await withOwed();
    const { reminder, outcome } = await f.bg.handlers['reminder.create']({ ...owedPayload({ id: 'wait', kind: 'no-reply', sentAt: T0 }) });
    expect(outcome).toBe('created');
    expect(reminder).toMatchObject({ kind: 'no-reply', status: 'pending' });
    expect((await f.bg.store.get('owed-1'))!).toMatchObject({ status: 'replied', resolution: { kind: 'answered', source: 'compose', at: T0 } });
    // One thread, two reminders: the answered owed reply and the new wait for their answer.
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: hex })).reminder!.id).toBe('wait');
  });

  it('a second owed reply for the same thread moves the due time of the first (one per thread and kind)', async () => {
    const f = await withOwed();
    const { reminder, outcome } = await f.bg.handlers['reminder.create']({ ...owedPayload({ id: 'owed-2', due: { at: T0 + DAY } }) });
    expect(outcome).toBe('replaced');
    expect(reminder).toMatchObject({ id: 'owed-1', dueAt: T0 + DAY, kind: 'owed-reply' });
  });
});

describe('looks at the thread judge an owed reply by its own rule', () => {
  it('the print view shows the user\'s answer: answered quietly, even with "tell me when they reply" on', async () => {
    const f = fakeBackground({ now: T0, settings: userSettings({ replies: { ...userSettings().replies, notifyOnReply: true } }) });
    await f.bg.handlers['reminder.create'](owedPayload());
    f.printView.threads.set(hex, [
      { from: BOB, to: [ME], at: RECEIVED },
      { from: ME, to: [BOB], at: T0 + 5 * MIN },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('owed-1'))!).toMatchObject({ status: 'replied', resolution: { kind: 'answered', source: 'print-view', by: { email: 'me@example.com' } } });
    expect(f.notifications.created).toEqual([]);
  });

  it('their new message does not resolve it: it fires, saying they wrote again, with "Reply now" and "Snooze"', async () => {
    const f = await withOwed();
    f.printView.threads.set(hex, [
      { from: BOB, to: [ME], at: RECEIVED },
      { from: BOB, to: [ME], at: T0 + 30 * MIN },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const r = (await f.bg.store.get('owed-1'))!;
    expect(r).toMatchObject({ status: 'notified', check: { outcome: 'no-reply', wroteAgain: { by: { email: BOB.email }, at: T0 + 30 * MIN } } });
    expect(f.notifications.created).toHaveLength(1);
    const { options } = f.notifications.created[0]!;
    expect(options.title).toBe('notifOwedTitle|Client 1');
    expect(options.message).toBe(thread(1).subject);
    expect(options.contextMessage).toMatch(/^notifOwedAgain\|Client 1\|Mon, Mar 10\|me@example\.com$/);
    expect(options.buttons).toEqual([{ title: 'actionReplyNow' }, { title: 'actionSnooze' }]);
    // The badge counts owed replies like any due reminder.
    expect(f.badge.count).toBe(1);
  });

  it('a Gmail tab showing the user\'s answer resolves it; one showing only theirs writes nothing', async () => {
    const f = await withOwed();
    const theirs = { from: BOB, to: [ME], at: RECEIVED, id: 'msg-f:1' };
    expect((await f.bg.handlers['thread.observed']({ account: 'me@example.com', threadId: hex, messages: [theirs] })).resolved).toEqual([]);
    expect((await f.bg.store.get('owed-1'))!.check).toBeUndefined();
    const { resolved } = await f.bg.handlers['thread.observed']({
      account: 'me@example.com',
      threadId: hex,
      messages: [theirs, { from: ME, to: [BOB], at: T0 + MIN, id: 'msg-f:2' }],
    });
    expect(resolved).toMatchObject([{ id: 'owed-1', status: 'replied', resolution: { kind: 'answered', source: 'gmail-tab' } }]);
  });
});

describe('"that wasn\'t my answer"', () => {
  it('puts it back, and the same message of the user never answers it again', async () => {
    const f = await withOwed();
    await f.bg.handlers['thread.sent']({ account: 'me@example.com', threadId: hex, sentAt: T0 + 5 * MIN });
    const { reminder } = await f.bg.handlers['reminder.notReply']({ id: 'owed-1' });
    expect(reminder).toMatchObject({ status: 'pending', ignoredReplyIds: [`me@example.com|${(T0 + 5 * MIN) / MIN}`] });
    // The print view shows that message (stamped in its minute): still owed, so it fires.
    f.printView.threads.set(hex, [
      { from: BOB, to: [ME], at: RECEIVED },
      { from: ME, to: [BOB], at: T0 + 5 * MIN },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('owed-1'))!.status).toBe('notified');
  });
});

describe('"Reply now"', () => {
  it('opens the thread in its account and the thread view asking for it gets openReply, once', async () => {
    const f = await withOwed();
    const { reminder } = await f.bg.handlers['reminder.replyNow']({ id: 'owed-1' });
    expect(f.tabs.opened).toEqual([threadUrl(reminder)]);
    expect(threadUrl(reminder)).toContain('authuser=me%40example.com');
    const ask = () => f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: hex });
    expect(await ask()).toMatchObject({ reminder: { id: 'owed-1' }, openReply: true });
    expect((await ask()).openReply).toBeUndefined();
  });

  it('the intent expires, and another account or thread does not take it', async () => {
    const f = await withOwed();
    await f.bg.handlers['reminder.replyNow']({ id: 'owed-1' });
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'other@example.com', threadId: hex })).openReply).toBeUndefined();
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: thread(2).threadId! })).openReply).toBeUndefined();
    f.clock.advance(3 * MIN);
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: hex })).openReply).toBeUndefined();
  });

  it('the notification\'s first button replies to an owed reply and writes the follow-up of a no-reply reminder; the second snoozes', async () => {
    const f = await withOwed();
    await f.bg.handlers['reminder.create']({ ...owedPayload({ id: 'wait', kind: 'no-reply', thread: thread(2) }) });
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    await f.bg.notificationActions.onButtonClicked('r:owed-1', 0);
    expect((await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: hex })).openReply).toBe(true);
    await f.bg.notificationActions.onButtonClicked('r:wait', 0);
    expect(await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: thread(2).threadId! })).toMatchObject({ openReply: true, followUp: { reminderId: 'wait' } });
    expect(f.tabs.opened).toHaveLength(2);
    await f.bg.notificationActions.onButtonClicked('r:owed-1', 1);
    expect((await f.bg.store.get('owed-1'))!.status).toBe('snoozed');
  });
});
