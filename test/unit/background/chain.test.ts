/**
 * Follow-up chains in the background: an armed send in the thread records a
 * follow-up on the same reminder, an unarmed send does too while it repeats,
 * a reply ends the chain, a bounce / done / repeat off stop it, and nothing
 * is ever recorded twice.
 */
import { describe, expect, it } from 'vitest';
import { chainPosition } from '../../../src/core/chain';
import type { RequestOf } from '../../../src/core/protocol/schemas';
import { fakeBackground, HOUR, MIN, T0, thread, userSettings } from './fakes';

// T0 is Monday 2025-03-10 12:00 UTC = 08:00 in New York (EDT), the user's zone; working hours Mon–Fri 09–18.
const ME = { email: 'me@example.com', name: 'Me' };
const BOB = { email: 'client1@example.com', name: 'Client 1' };
const hex = thread(1).threadId!;
const NY = (local: string) => Date.parse(`${local}-04:00`);

function create(over: Partial<RequestOf<'reminder.create'>> = {}): RequestOf<'reminder.create'> {
  return { id: 'orig', account: 'me@example.com', thread: thread(1, { messageId: '<orig@mail.gmail.com>' }), sentAt: T0 - HOUR, due: { at: T0 + HOUR }, ...over };
}

async function setup(settings = userSettings()) {
  const f = fakeBackground({ now: T0, settings });
  const { reminder } = await f.bg.handlers['reminder.create'](create());
  // The print view shows the user's own messages only: no reply.
  f.printView.threads.set(hex, [{ from: ME, to: [BOB], at: T0 - HOUR }]);
  return { f, reminder };
}

const setClock = (f: ReturnType<typeof fakeBackground>, at: number) => f.clock.advance(at - f.clock.now());

const sent = (f: ReturnType<typeof fakeBackground>, messageId: string) =>
  f.bg.handlers['thread.sent']({ account: 'me@example.com', threadId: hex, messageId, sentAt: f.clock.now() });

describe('a new no-reply reminder', () => {
  it('gets the default chain from the settings; an owed reply gets none', async () => {
    const { f, reminder } = await setup();
    expect(reminder.chain).toEqual({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [] });
    const owed = await f.bg.handlers['reminder.create'](create({ id: 'owed', kind: 'owed-reply', thread: thread(2) }));
    expect(owed.reminder.chain).toBeUndefined();
  });
});

describe('an armed send in the thread is a follow-up on the same reminder', () => {
  it('keeps the id and history, takes the due the compose carried, withdraws the notification, and a retry records nothing twice', async () => {
    const { f } = await setup();
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect(f.notifications.shown.get('r:orig')?.title).toBe('notifChainStep|1|3|Client 1');

    const { reminder, outcome } = await f.bg.handlers['reminder.create'](
      create({ id: 'fu-1', thread: thread(1, { messageId: '<fu1@mail.gmail.com>', subject: 'Re: Quote for project 1' }), sentAt: f.clock.now(), due: { days: 7 } }),
    );
    expect(outcome).toBe('replaced');
    // Monday 09:00 EDT + 7 days = next Monday 09:00.
    expect(reminder).toMatchObject({ id: 'orig', status: 'pending', dueAt: NY('2025-03-17T09:00') });
    expect(reminder.chain?.sent).toEqual([{ at: T0 + HOUR, clientId: 'fu-1', messageId: '<fu1@mail.gmail.com>' }]);
    expect(chainPosition(reminder)).toEqual({ n: 1, of: 3, final: false });
    expect(reminder.history.at(-1)).toMatchObject({ from: 'notified', to: 'pending', cause: 'follow-up' });
    expect(f.notifications.shown.has('r:orig')).toBe(false);
    expect((await f.bg.store.all()).map((r) => r.id)).toEqual(['orig']);

    // The worker was killed after the write and the compose sends the create again.
    f.clock.advance(MIN);
    const again = await f.bg.handlers['reminder.create'](
      create({ id: 'fu-1', thread: thread(1, { messageId: '<fu1@mail.gmail.com>' }), sentAt: T0 + HOUR, due: { days: 7 } }),
    );
    expect(again.outcome).toBe('existing');
    expect(again.reminder).toEqual(reminder);
    expect(await f.bg.store.get('orig')).toEqual(reminder);
  });

  it('records it also when repeating is off (the user armed it)', async () => {
    const { f } = await setup(userSettings({ followUps: { repeat: false, steps: [3, 7, 14], cap: 3 } }));
    const { reminder } = await f.bg.handlers['reminder.create'](create({ id: 'fu-1', thread: thread(1, { messageId: '<fu1@mail.gmail.com>' }), sentAt: T0, due: { days: 7 } }));
    expect(reminder.chain).toMatchObject({ repeat: false, sent: [{ at: T0, clientId: 'fu-1', messageId: '<fu1@mail.gmail.com>' }] });
  });
});

describe('an unarmed send in the thread', () => {
  it('with repeat on: records a follow-up and re-arms the next step; the same message reported twice counts once', async () => {
    const { f } = await setup();
    setClock(f, NY('2025-03-14T11:00')); // Friday
    const first = await sent(f, '<fu1@mail.gmail.com>');
    expect(first.answered).toEqual([]);
    const r = first.followedUp![0]!;
    // Follow-up 1 waits steps[1] = 7 days: Friday 21 March 09:00 EDT.
    expect(r).toMatchObject({ id: 'orig', status: 'pending', dueAt: NY('2025-03-21T09:00') });
    expect(r.chain?.sent).toEqual([{ at: NY('2025-03-14T11:00'), messageId: '<fu1@mail.gmail.com>' }]);
    // The newest send is the tracked message.
    expect(r.sentAt).toBe(NY('2025-03-14T11:00'));

    f.clock.advance(MIN);
    const repeated = await f.bg.handlers['thread.sent']({ account: 'me@example.com', threadId: hex, messageId: '<fu1@mail.gmail.com>', sentAt: NY('2025-03-14T11:00') });
    expect(repeated.followedUp).toBeUndefined();
    expect(await f.bg.store.get('orig')).toEqual(r);

    // Follow-up 2 waits 14 days.
    setClock(f, NY('2025-03-21T10:00'));
    const second = (await sent(f, '<fu2@mail.gmail.com>')).followedUp![0]!;
    expect(second.dueAt).toBe(NY('2025-04-04T09:00'));
    expect(chainPosition(second)).toEqual({ n: 2, of: 3, final: false });
  });

  it('with repeat off (settings or the toggle): nothing changes; undoing the toggle repeats again', async () => {
    const { f, reminder } = await setup();
    const off = await f.bg.handlers['reminder.setRepeat']({ id: 'orig', repeat: false });
    expect(off.previous).toEqual(reminder);
    expect(off.reminder.chain?.repeat).toBe(false);
    expect(off.reminder.rev).toBe(reminder.rev + 1);
    expect((await sent(f, '<a@mail.gmail.com>')).followedUp).toBeUndefined();
    expect((await f.bg.store.get('orig'))!.dueAt).toBe(reminder.dueAt);

    const { reminder: back } = await f.bg.handlers['reminder.restore']({ reminder: off.previous, expectedRev: off.reminder.rev });
    expect(back.chain?.repeat).toBe(true);
    expect((await sent(f, '<b@mail.gmail.com>')).followedUp).toHaveLength(1);
  });

  it('after the last planned follow-up the reminder still waits one step and notifies as final', async () => {
    const { f } = await setup(userSettings({ followUps: { repeat: true, steps: [3, 2], cap: 2 } }));
    const ownAt: number[] = [T0 - HOUR];
    for (const n of [1, 2]) {
      f.clock.advance(HOUR);
      ownAt.push(f.clock.now());
      await sent(f, `<fu${n}@mail.gmail.com>`);
    }
    const r = (await f.bg.store.get('orig'))!;
    expect(chainPosition(r)).toEqual({ n: 2, of: 2, final: true });
    expect(r.status).toBe('pending');
    f.printView.threads.set(hex, ownAt.map((at) => ({ from: ME, to: [BOB], at })));
    setClock(f, r.dueAt);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('orig'))!.status).toBe('notified');
    const shown = f.notifications.shown.get('r:orig')!;
    expect(shown.title).toBe('notifChainFinal|2|Client 1');
    expect(shown.contextMessage).toMatch(/^notifChainContext\|.+\|me@example\.com$/);
  });

  it('a reply from the others ends the whole chain; later sends change nothing', async () => {
    const { f } = await setup(userSettings({ replies: { ...userSettings().replies, notifyOnReply: true } }));
    f.clock.advance(HOUR);
    await sent(f, '<fu1@mail.gmail.com>');
    f.clock.advance(HOUR);
    const { resolved } = await f.bg.handlers['thread.observed']({
      account: 'me@example.com',
      threadId: hex,
      messages: [
        { from: ME, to: [BOB], at: T0 - HOUR },
        { from: ME, to: [BOB], at: T0 + HOUR },
        { from: BOB, to: [ME], at: T0 + 90 * MIN, id: 'msg-f:9', text: 'Here is the quote.' },
      ],
    });
    expect(resolved.map((r) => r.status)).toEqual(['replied']);
    expect(resolved[0]!.chain?.sent).toHaveLength(1);
    f.clock.advance(HOUR);
    expect((await sent(f, '<fu2@mail.gmail.com>')).followedUp).toBeUndefined();
    expect((await f.bg.store.get('orig'))!.status).toBe('replied');
  });

  it('a bounce and done stop it', async () => {
    const { f } = await setup();
    f.printView.threads.set(hex, [
      { from: ME, to: [BOB], at: T0 - HOUR },
      { from: { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' }, to: [ME], at: T0 - 50 * MIN },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect((await f.bg.store.get('orig'))!.check?.outcome).toBe('bounced');
    expect((await sent(f, '<fu1@mail.gmail.com>')).followedUp).toBeUndefined();

    await f.bg.handlers['reminder.create'](create({ id: 'two', thread: thread(2), due: { at: f.clock.now() + HOUR } }));
    await f.bg.handlers['reminder.done']({ id: 'two' });
    const other = await f.bg.handlers['thread.sent']({ account: 'me@example.com', threadId: thread(2).threadId!, sentAt: f.clock.now() });
    expect(other.followedUp).toBeUndefined();
    expect((await f.bg.store.get('two'))!.status).toBe('done');
  });
});

describe('backups with chains', () => {
  it('a version 1 file from before chains imports through data.import; the export is version 2 and carries chains', async () => {
    const { readFileSync } = await import('node:fs');
    const v1 = readFileSync(new URL('../../fixtures/backup/v1-before-chains.json', import.meta.url), 'utf8');
    const { f } = await setup();
    expect(await f.bg.handlers['data.import']({ json: v1 })).toEqual({ imported: JSON.parse(v1).reminders.length, replaced: 0 });
    const exported = JSON.parse((await f.bg.handlers['data.export']({})).json);
    expect(exported.version).toBe(2);
    expect(exported.reminders.find((r: { id: string }) => r.id === 'orig').chain).toEqual({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [] });
  });
});
