import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/services';
import { fakeBackground, FakeSession, HOUR, MIN, reminder, T0, userSettings } from './fakes';

/** `count` reminders due at the same minute (one hour after T0), with the clock moved to that minute. */
async function dueTogether(count: number, notifications = userSettings().notifications) {
  const f = fakeBackground({ now: T0, settings: userSettings({ notifications }) });
  for (let i = 0; i < count; i++) {
    await f.bg.store.create(
      reminder({ id: `s${i}`, n: 500 + i, dueAt: T0 + HOUR, createdAt: T0, thread: { provider: 'gmail', threadId: (0x1a00 + i).toString(16), subject: `Subject ${i}`, recipients: [{ email: `p${i}@example.com`, name: `Person ${i}` }] } }),
      T0,
    );
  }
  f.clock.advance(HOUR);
  return f;
}

describe('notifications for reminders due at the same minute', () => {
  it('three: three notifications, each with its own Write follow-up and Snooze, announced once', async () => {
    const f = await dueTogether(3);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:s0', 'r:s1', 'r:s2']);
    for (const [i, { options }] of f.notifications.created.entries()) {
      expect(options.message).toBe(`Subject ${i}`);
      expect(options.buttons).toEqual([{ title: 'actionWriteFollowUp' }, { title: 'actionSnooze' }]);
    }
    await f.bg.reconcile('wake');
    expect(f.notifications.created).toHaveLength(3);
    expect(await f.bg.store.unannounced()).toEqual([]);
  });

  it('eight: one summary that names each of them and opens the checklist', async () => {
    const f = await dueTogether(8);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['digest']);
    const { options } = f.notifications.created[0]!;
    expect(options.title).toBe('digestTitle|8');
    expect(options.items?.map((i) => i.message)).toEqual(Array.from({ length: 8 }, (_, i) => `Subject ${i}`));
    for (let i = 0; i < 8; i++) expect(options.message).toContain(`Person ${i} — Subject ${i}`);
    expect(options.buttons).toEqual([{ title: 'actionOpenChecklist' }]);
    expect(await f.bg.store.unannounced()).toEqual([]);
    expect(f.badge.count).toBe(8);
  });

  it('a summary takes over the notifications of reminders shown earlier, naming them too', async () => {
    const f = await dueTogether(1);
    await f.bg.reconcile('alarm');
    expect([...f.notifications.shown.keys()]).toEqual(['r:s0']);
    for (let i = 1; i <= 4; i++) await f.bg.store.create(reminder({ id: `t${i}`, n: 600 + i, dueAt: T0 + 2 * HOUR, createdAt: T0 }), T0);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect([...f.notifications.shown.keys()]).toEqual(['digest']);
    expect(f.notifications.shown.get('digest')!.title).toBe('digestTitle|5');
  });

  it('the limit comes from the settings', async () => {
    const f = await dueTogether(5, { requireInteraction: false, startupDigest: true, separateUpTo: 5 });
    await f.bg.reconcile('alarm');
    expect(f.notifications.created).toHaveLength(5);
    expect(f.notifications.created.every((n) => n.id.startsWith('r:'))).toBe(true);
  });

  it('after the browser was closed: reminders missed meanwhile come as one catch-up digest', async () => {
    const f = await dueTogether(2);
    f.clock.advance(3 * HOUR + 11 * MIN);
    await f.bg.reconcile('startup');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['digest']);
  });

  it('after a browser restart: reminders that fell due while it was closed, even moments ago, come as one digest', async () => {
    const f = await dueTogether(3);
    // The browser was closed from before their due time until a minute after it: a new session, a new worker.
    f.clock.advance(MIN);
    const restarted = createBackground({ ...f.ports, session: new FakeSession() });
    await restarted.reconcile('wake');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['digest']);
    // The same three due at the same minute within a running session: one each.
    const g = await dueTogether(3);
    g.clock.advance(MIN);
    await g.bg.reconcile('wake');
    expect(g.notifications.created.map((n) => n.id)).toEqual(['r:s0', 'r:s1', 'r:s2']);
  });
});
