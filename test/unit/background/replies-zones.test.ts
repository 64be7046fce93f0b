/**
 * The reply check end to end in the background, with Gmail printing the
 * thread in another zone than the settings (settings: America/New_York).
 */
import { describe, expect, it } from 'vitest';
import { fakeBackground, HOUR, MIN, T0, thread } from './fakes';

const ME = { email: 'me@example.com', name: 'Me' };
const BOB = { email: 'bob@acme.com', name: 'Bob' };
/** Exact, as a send response gives it. */
const SENT = T0 - 4 * HOUR + 17_345;
const minuteOf = (t: number) => Math.floor(t / MIN) * MIN;

async function setup(p: { pageZone: string; anchor?: 'message' | 'added'; sentAt?: number }) {
  const f = fakeBackground({ now: T0 });
  f.printView.pageZone = p.pageZone;
  await f.bg.handlers['reminder.create']({
    id: 'a',
    account: ME.email,
    thread: thread(1),
    sentAt: p.sentAt ?? SENT,
    due: { at: T0 + HOUR },
    ...(p.anchor ? { anchor: p.anchor } : {}),
  });
  return f;
}

describe('print view in another zone than the settings', () => {
  it.each(['Asia/Tokyo', 'Europe/Berlin'])('page in %s: a reply 2 h after the send resolves the reminder, at its real time', async (pageZone) => {
    const f = await setup({ pageZone });
    f.printView.threads.set(thread(1).threadId!, [
      { from: ME, to: [BOB], at: SENT },
      { from: BOB, to: [ME], at: SENT + 2 * HOUR },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('replied');
    expect(a.resolution).toMatchObject({ by: { email: BOB.email }, at: minuteOf(SENT + 2 * HOUR), source: 'print-view', times: 'calibrated' });
  });

  it('page in Tokyo: a message written 6 h before the send keeps the reminder waiting', async () => {
    const f = await setup({ pageZone: 'Asia/Tokyo' });
    f.printView.threads.set(thread(1).threadId!, [
      { from: BOB, to: [ME], at: SENT - 6 * HOUR },
      { from: ME, to: [BOB], at: SENT },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.status).toBe('notified');
    expect(a.check).toMatchObject({ outcome: 'no-reply', times: 'calibrated' });
    expect(a.check!.notes!.map((n) => n.reason)).toEqual(['before-tracked', 'own']);
  });

  it('the tracked message is not on the page: the settings zone, and the check says so', async () => {
    const f = await setup({ pageZone: 'America/New_York' });
    f.printView.threads.set(thread(1).threadId!, [{ from: BOB, to: [ME], at: SENT + 2 * HOUR }]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    const a = (await f.bg.store.get('a'))!;
    expect(a.resolution).toMatchObject({ times: 'settings-zone', at: minuteOf(SENT + 2 * HOUR) });
  });

  it('a reminder counted from its click keeps that through a re-arm from an earlier time, and loses it to a later send', async () => {
    const clicked = T0 - 30 * MIN;
    const f = await setup({ pageZone: 'America/New_York', anchor: 'added', sentAt: clicked });
    expect((await f.bg.store.get('a'))!.anchor).toBe('added');
    const later = { id: 'b', account: ME.email, thread: thread(1), due: { at: T0 + 2 * HOUR } };
    await f.bg.handlers['reminder.create']({ ...later, sentAt: clicked - HOUR, anchor: 'message' });
    expect((await f.bg.store.get('a'))!).toMatchObject({ anchor: 'added', sentAt: clicked });
    await f.bg.handlers['reminder.create']({ ...later, id: 'c', sentAt: T0 });
    const a = (await f.bg.store.get('a'))!;
    expect(a.sentAt).toBe(T0);
    expect(a.anchor).toBeUndefined();
  });
});
