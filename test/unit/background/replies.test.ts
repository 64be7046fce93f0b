import { describe, expect, it } from 'vitest';
import { NEXT_DUE_ALARM } from '../../../src/background/reconciler';
import { MAX_CHECKS_PER_RUN } from '../../../src/background/reply-checker';
import { PRECHECK_MS } from '../../../src/core/replies/outcome';
import { fakeBackground, HOUR, MIN, reminder, T0, thread, userSettings } from './fakes';

// reminder(): account me@example.com, sent at T0 − 1 h, thread(n) to client<n>@example.com.
const ME = { email: 'me@example.com', name: 'Me' };
const client = (n: number) => ({ email: `client${n}@example.com`, name: `Client ${n}` });
const hexOf = (n: number) => thread(n).threadId!;
const SENT = T0 - HOUR;

async function setup(dues: Record<string, number>, settings = userSettings()) {
  const f = fakeBackground({ now: T0, settings });
  let n = 1;
  for (const [id, offset] of Object.entries(dues)) await f.bg.store.create(reminder({ id, n: n++, dueAt: T0 + offset, createdAt: T0 }), T0);
  return f;
}

/** The tracked message, then whatever the test adds. */
const threadWith = (n: number, ...later: { from: { email: string; name?: string }; at: number; body?: string }[]) => [
  { from: ME, to: [client(n)], at: SENT },
  ...later.map((m) => ({ ...m, to: [ME] })),
];

describe('reply checks at due time', () => {
  it('a reply found at due time resolves the reminder: no notification, who and when kept', async () => {
    const f = await setup({ a: HOUR });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + 10 * MIN }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');

    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('replied');
    expect(a.resolution).toMatchObject({ kind: 'reply', by: { email: 'client1@example.com' }, at: T0 + 10 * MIN, source: 'print-view' });
    expect(a.resolution!.notes!.map((n) => n.reason)).toEqual(['own', 'reply']);
    expect(f.notifications.created).toEqual([]);
    expect(f.printView.requested).toHaveLength(1);
    const url = new URL(f.printView.requested[0]!);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ authuser: 'me@example.com', view: 'pt', th: hexOf(1), hl: 'en' });
  });

  it('looks once 15 minutes early, so an answered reminder never notifies, and once more at due time otherwise', async () => {
    const f = await setup({ a: HOUR, b: HOUR });
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBeUndefined();
    await f.bg.reconcile('wake');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + HOUR - PRECHECK_MS);

    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + 5 * MIN }));
    f.clock.advance(HOUR - PRECHECK_MS);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('replied');
    expect((await f.bg.store.get('b'))!.status).toBe('pending');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + HOUR);

    f.clock.advance(PRECHECK_MS);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('b'))!.status).toBe('notified');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:b']);
    expect(f.notifications.created[0]!.options.contextMessage).toMatch(/^notifContext\|/);
    // a: one early look; b: an early look and the look at due time.
    expect(f.printView.requested.filter((u) => u.includes(hexOf(1)))).toHaveLength(1);
    expect(f.printView.requested.filter((u) => u.includes(hexOf(2)))).toHaveLength(2);
  });

  it('the user\'s own follow-up does not count', async () => {
    const f = await setup({ a: HOUR });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: ME, at: T0 + MIN }, { from: { email: 'me@example.com' }, at: T0 + 2 * MIN }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.check).toMatchObject({ outcome: 'no-reply', source: 'print-view', failures: 0 });
  });
});

describe('when a look fails', () => {
  it('fires at due time marked unverified, retries with backoff, and a late reply withdraws the notification', async () => {
    const f = await setup({ a: HOUR });
    f.printView.failWith = new TypeError('Failed to fetch');
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');

    let a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.check).toMatchObject({ outcome: 'failed', failure: 'network', failures: 1, retryAt: T0 + HOUR + 5 * MIN });
    expect(f.notifications.shown.get('r:a')!.contextMessage).toBe('notifUnverified|me@example.com');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(T0 + HOUR + 5 * MIN);

    // Still failing: the wait grows.
    f.clock.advance(5 * MIN);
    await f.bg.reconcile('alarm');
    a = (await f.bg.store.get('a'))!;
    expect(a.check).toMatchObject({ failures: 2, retryAt: f.clock.now() + 15 * MIN });

    f.printView.failWith = undefined;
    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + 30 * MIN }));
    f.clock.advance(15 * MIN);
    await f.bg.reconcile('alarm');
    a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('replied');
    expect(f.notifications.shown.has('r:a')).toBe(false);
    expect(f.badge.count).toBe(0);
  });

  it.each([
    ['signed out (redirect to the sign-in page)', { url: 'https://accounts.google.com/ServiceLogin?continue=x', redirected: true }, 'signed-out'],
    ['no host access', { status: 403 }, 'no-access'],
    ['a page of another account', undefined, 'wrong-account'],
  ] as const)('%s: the reason is kept and the reminder still fires', async (_name, answer, failure) => {
    const f = await setup({ a: HOUR });
    if (answer) f.printView.answer = answer;
    else f.printView.threads.set(hexOf(1), threadWith(1));
    if (!answer) {
      // The page says it belongs to someone else.
      const original = f.printView.fetch.bind(f.printView);
      f.printView.fetch = async (url) => original(url.replace('authuser=me%40example.com', 'authuser=other%40example.com'));
    }
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.check).toMatchObject({ outcome: 'failed', failure });
  });

  it('a reminder without any Gmail thread id is never dropped: it fires, marked unverified', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.store.create(reminder({ id: 'm', thread: thread(9, { threadId: undefined, messageId: '<x@mail.gmail.com>' }), dueAt: T0 + HOUR }), T0);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('m'))!).toMatchObject({ status: 'notified', check: { outcome: 'failed', failure: 'no-thread-id' } });
    expect(f.printView.requested).toEqual([]);
  });
});

describe('bounces', () => {
  it('a delivery failure notifies at once, before the due time, naming the bounce', async () => {
    const f = await setup({ a: 3 * HOUR });
    f.printView.threads.set(hexOf(1), [
      ...threadWith(1),
      { from: { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' }, to: [ME], at: T0 + MIN },
    ]);
    f.clock.advance(3 * HOUR - PRECHECK_MS);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a).toMatchObject({ status: 'notified', check: { outcome: 'bounced', by: { email: 'mailer-daemon@googlemail.com' } } });
    expect(f.notifications.shown.get('r:a')).toMatchObject({
      title: 'notifBouncedTitle|Client 1',
      contextMessage: 'notifBouncedContext|mailer-daemon@googlemail.com|me@example.com',
    });
  });
});

describe('bounded requests', () => {
  it(`makes at most ${MAX_CHECKS_PER_RUN} requests per wake-up, fires only what was looked at, and comes back a minute later`, async () => {
    const dues = Object.fromEntries(Array.from({ length: MAX_CHECKS_PER_RUN + 5 }, (_, i) => [`r${i}`, HOUR]));
    const f = await setup(dues);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect(f.printView.requested).toHaveLength(MAX_CHECKS_PER_RUN);
    expect(await f.bg.store.countByStatus('notified')).toBe(MAX_CHECKS_PER_RUN);
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(f.clock.now() + 60_000);

    f.clock.advance(60_000);
    await f.bg.reconcile('alarm');
    expect(f.printView.requested).toHaveLength(MAX_CHECKS_PER_RUN + 5);
    expect(await f.bg.store.countByStatus('notified')).toBe(MAX_CHECKS_PER_RUN + 5);
  });

  it('a user action never waits for Gmail: only wake-ups and alarms look', async () => {
    const f = await setup({ a: HOUR });
    f.clock.advance(HOUR);
    await f.bg.reconcile('user');
    expect(f.printView.requested).toEqual([]);
    expect((await f.bg.store.get('a'))!.status).toBe('pending');
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(f.clock.now() + 30_000);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('notified');
  });

  it('makes no request while nothing is due', async () => {
    const f = await setup({ a: 5 * HOUR });
    await f.bg.reconcile('wake');
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect(f.printView.requested).toEqual([]);
  });

  it('a due reminder whose look never lands still fires after the grace period', async () => {
    const f = await setup({ a: HOUR });
    f.clock.advance(HOUR);
    // Every look loses its compare-and-set (the user keeps editing, say): nothing is written.
    f.bg.checks.record = async () => undefined;
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('pending');
    f.clock.advance(10 * MIN);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('notified');
  });
});

describe('what the user says, and open Gmail tabs', () => {
  it('"that wasn\'t a real reply" reopens it and that message never counts again', async () => {
    const f = await setup({ a: HOUR });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + 10 * MIN }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('replied');

    const { reminder: reopened } = await f.bg.handlers['reminder.notReply']({ id: 'a' });
    expect(reopened.status).not.toBe('replied');
    expect(reopened.ignoredReplyIds).toEqual([`client1@example.com|${Math.floor((T0 + 10 * MIN) / 60_000)}`]);
    // The click itself does not wait for Gmail; the next wake-up looks again, without that message.
    expect((await f.bg.store.get('a'))!.status).toBe('pending');
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.check).toMatchObject({ outcome: 'no-reply' });
    expect(a.check!.notes!.map((n) => n.reason)).toEqual(['own', 'ignored-by-user']);
  });

  it('a reply seen in an open Gmail tab resolves the reminder before it is due, without a request', async () => {
    const f = await setup({ a: DAY_OFFSET });
    const { resolved } = await f.bg.handlers['thread.observed']({
      account: 'me@example.com',
      threadId: hexOf(1),
      messages: [
        { from: ME, to: [client(1)], at: SENT, id: 'msg-f:1' },
        { from: { email: 'CLIENT1@example.com', name: 'Client One' }, to: [ME], at: T0 + 5 * MIN, id: 'msg-f:2' },
      ],
    });
    expect(resolved.map((r) => r.id)).toEqual(['a']);
    expect((await f.bg.store.get('a'))!.resolution).toMatchObject({ source: 'gmail-tab', at: T0 + 5 * MIN, by: { email: 'client1@example.com' } });
    expect(f.printView.requested).toEqual([]);
  });

  it('a tab showing no reply changes nothing (it may not have loaded the newest message)', async () => {
    const f = await setup({ a: DAY_OFFSET });
    const before = (await f.bg.store.get('a'))!;
    const { resolved } = await f.bg.handlers['thread.observed']({ account: 'me@example.com', threadId: hexOf(1), messages: [{ from: ME, to: [client(1)], at: SENT }] });
    expect(resolved).toEqual([]);
    expect(await f.bg.store.get('a')).toEqual(before);
  });

  it('tells the user who replied only when they asked', async () => {
    const settings = userSettings();
    const f = await setup({ a: HOUR }, { ...settings, replies: { ...settings.replies, notifyOnReply: true } });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + 10 * MIN }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.map((n) => n.options.title)).toEqual(['notifRepliedTitle|Client 1']);
  });

  it('an alias of the user is the user', async () => {
    const settings = userSettings();
    const f = await setup({ a: HOUR }, { ...settings, replies: { ...settings.replies, aliases: { 'me@example.com': ['me@work.example'] } } });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: { email: 'Me@Work.example' }, at: T0 + 10 * MIN }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('notified');
  });

  it('aliases stored under the account in another case still count as the user', async () => {
    const settings = userSettings();
    const f = await setup({ a: HOUR }, { ...settings, replies: { ...settings.replies, aliases: { ' Me@Example.COM': ['me@work.example'] } } });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: { email: 'me@work.example' }, at: T0 + 10 * MIN }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('notified');
  });

  it('"check for replies now" looks at once', async () => {
    const f = await setup({ a: DAY_OFFSET });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + MIN }));
    const { reminder: a } = await f.bg.handlers['reminder.checkNow']({ id: 'a' });
    expect(a.status).toBe('replied');
    expect(f.printView.requested).toHaveLength(1);
  });
});

const DAY_OFFSET = 24 * HOUR;

describe('minute-precision times of the print view', () => {
  it('an answer stamped in the minute before the tracked send is not a reply; one in the same minute is', async () => {
    // SENT is a whole hour; send half a minute later so the minutes differ from the instant.
    const f = fakeBackground({ now: T0 });
    const sentAt = SENT + 30_000;
    await f.bg.store.create({ ...reminder({ id: 'a', n: 1, dueAt: T0 + HOUR, createdAt: T0 }), sentAt }, T0);
    f.printView.threads.set(hexOf(1), [
      { from: client(1), to: [ME], at: sentAt - 60_000 },
      { from: ME, to: [client(1)], at: sentAt },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('notified');

    const g = fakeBackground({ now: T0 });
    await g.bg.store.create({ ...reminder({ id: 'b', n: 1, dueAt: T0 + HOUR, createdAt: T0 }), sentAt }, T0);
    g.printView.threads.set(hexOf(1), [{ from: ME, to: [client(1)], at: sentAt }, { from: client(1), to: [ME], at: sentAt + 10_000 }]);
    g.clock.advance(HOUR);
    await g.bg.reconcile('alarm');
    expect((await g.bg.store.get('b'))!.status).toBe('replied');
  });

  it('looks that decide whether a reminder fires come before retries of failed ones', async () => {
    const f = await setup({ old: HOUR });
    f.printView.failWith = new TypeError('offline');
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('old'))!.check).toMatchObject({ outcome: 'failed' });
    // Later: the failed one wants its retry and a new one is due at the same moment.
    f.printView.failWith = undefined;
    await f.bg.store.create(reminder({ id: 'new', n: 7, dueAt: f.clock.now() + 5 * MIN, createdAt: f.clock.now() }), f.clock.now());
    f.clock.advance(5 * MIN);
    const wanted = await f.bg.checks.due(f.clock.now());
    expect(wanted.map((w) => [w.reminder.id, w.kind])).toEqual([['new', 'due'], ['old', 'retry']]);
  });
});

describe('automatic answers (issue 9)', () => {
  const OOO = { from: client(1), at: T0 + MIN, body: 'Thank you for your email.\nI am out of the office until March 20 with limited access to email.' };
  const BACK_SLOT = Date.parse('2025-03-21T13:00:00Z'); // Fri 21 Mar, 09:00 in New York (EDT), the first working slot after the return

  it('an out-of-office answer keeps the reminder waiting and moves it to the first working slot after the return', async () => {
    const f = await setup({ a: HOUR });
    f.printView.threads.set(hexOf(1), threadWith(1, OOO));
    f.clock.advance(HOUR - PRECHECK_MS);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('pending');
    expect(a.dueAt).toBe(BACK_SLOT);
    expect(a.check).toMatchObject({ outcome: 'no-reply', autoAnswer: { by: { email: 'client1@example.com' }, family: 'out-of-office', until: '2025-03-20', backOn: '2025-03-21', movedFrom: T0 + HOUR } });
    expect(a.history.at(-1)).toMatchObject({ to: 'pending', cause: 'auto-reply' });
    expect(f.notifications.created).toEqual([]);
    expect(f.alarms.active.get(NEXT_DUE_ALARM)).toBe(BACK_SLOT - PRECHECK_MS);

    // At the new due time, still no reply: it fires, and the notification says why it waited.
    f.clock.time = BACK_SLOT;
    await f.bg.reconcile('alarm');
    const fired = (await f.bg.store.get('a'))!;
    expect(fired.status).toBe('notified');
    expect(fired.check?.autoAnswer).toMatchObject({ backOn: '2025-03-21', movedFrom: T0 + HOUR });
    expect(f.notifications.created.map((n) => n.options.contextMessage)).toEqual(['explainAutoAnswer|Client 1|autoFamily_outOfOffice autoUntil|Mar 20. explainAutoMoved|Mar 21, 2025']);
  });

  it('with "move past the return" off, it stays due as it was and notifies, saying what the answer said', async () => {
    const settings = userSettings();
    const f = await setup({ a: HOUR }, { ...settings, replies: { ...settings.replies, moveToReturn: false } });
    f.printView.threads.set(hexOf(1), threadWith(1, OOO));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.dueAt).toBe(T0 + HOUR);
    expect(a.check?.autoAnswer).toMatchObject({ backOn: '2025-03-21' });
    expect(a.check?.autoAnswer?.movedFrom).toBeUndefined();
  });

  it('a person answering after the auto-reply resolves it', async () => {
    const f = await setup({ a: HOUR });
    f.printView.threads.set(hexOf(1), threadWith(1, OOO, { from: client(1), at: T0 + 30 * MIN, body: 'Back early. Yes, the quote is fine.' }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('replied');
    expect(a.resolution).toMatchObject({ at: T0 + 30 * MIN });
    expect(a.resolution!.notes!.map((n) => n.reason)).toEqual(['own', 'auto-reply', 'reply']);
  });

  it('"that was an automatic answer": back to waiting, the message remembered as automatic on every later look', async () => {
    const f = await setup({ a: HOUR });
    f.printView.threads.set(hexOf(1), threadWith(1, { from: client(1), at: T0 + 10 * MIN, body: 'Ticket received.' }));
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('a'))!.status).toBe('replied');

    const { reminder: reopened } = await f.bg.handlers['reminder.autoAnswer']({ id: 'a' });
    expect(reopened.status).toBe('pending');
    expect(reopened.autoReplyIds).toEqual([`client1@example.com|${Math.floor((T0 + 10 * MIN) / 60_000)}`]);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.check!.notes![1]).toMatchObject({ reason: 'auto-reply', auto: { byUser: true } });
  });

  it('an open tab showing a collapsed message leaves the verdict to the print view; an expanded out-of-office is no reply', async () => {
    const f = await setup({ a: DAY_OFFSET });
    const base = { account: 'me@example.com', threadId: hexOf(1) };
    const collapsed = await f.bg.handlers['thread.observed']({ ...base, messages: [{ from: ME, to: [client(1)], at: SENT }, { from: client(1), to: [ME], at: T0 + MIN, bodyHidden: true }] });
    expect(collapsed.resolved).toEqual([]);
    const ooo = await f.bg.handlers['thread.observed']({ ...base, messages: [{ from: ME, to: [client(1)], at: SENT }, { from: client(1), to: [ME], at: T0 + MIN, text: OOO.body }] });
    expect(ooo.resolved).toEqual([]);
    expect((await f.bg.store.get('a'))!.status).toBe('pending');
    const person = await f.bg.handlers['thread.observed']({ ...base, messages: [{ from: ME, to: [client(1)], at: SENT }, { from: client(1), to: [ME], at: T0 + 2 * MIN, text: 'Thanks, received!' }] });
    expect(person.resolved.map((r) => r.id)).toEqual(['a']);
  });
});
