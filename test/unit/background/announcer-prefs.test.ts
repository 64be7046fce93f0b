import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../src/core/settings';
import { DAY, fakeBackground, HOUR, MIN, reminder, T0, userSettings } from './fakes';

/** Reminders due one, two and three hours after T0, with the given notification settings; the clock past all of them. */
async function threeDue(notifications: Settings['notifications']) {
  const f = fakeBackground({ now: T0, settings: { ...userSettings(), notifications } });
  let n = 300;
  for (const id of ['a', 'b', 'c']) await f.bg.store.create(reminder({ id, n: n++, dueAt: T0 + (n - 300) * HOUR, createdAt: T0 }), T0);
  await f.bg.store.create(reminder({ id: 'later', n: n++, dueAt: T0 + DAY, createdAt: T0 }), T0);
  // Past the reply-check grace, so they fire whatever the looks found.
  f.clock.advance(3 * HOUR + 11 * MIN);
  return f;
}

describe('notification settings', () => {
  it('by default: one digest for several, kept on screen until acted on', async () => {
    const f = await threeDue({ requireInteraction: true, startupDigest: true });
    await f.bg.reconcile('startup');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['digest']);
    expect(f.notifications.created[0]!.options.requireInteraction).toBe(true);
  });

  it('without the digest: one notification each, each with its buttons, and still only once', async () => {
    const f = await threeDue({ requireInteraction: true, startupDigest: false });
    await f.bg.reconcile('startup');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a', 'r:b', 'r:c']);
    for (const { options } of f.notifications.created) {
      expect(options.buttons).toEqual([{ title: 'actionWriteFollowUp' }, { title: 'actionSnooze' }]);
      expect(options.requireInteraction).toBe(true);
    }
    expect(await f.bg.store.unannounced()).toEqual([]);
    // Another wake-up shows nothing again.
    await f.bg.reconcile('wake');
    await f.bg.reconcile('alarm');
    expect(f.notifications.created).toHaveLength(3);
    expect(f.notifications.shown.size).toBe(3);
    expect(f.badge.count).toBe(3);
  });

  it('without requireInteraction the option is left out entirely', async () => {
    const f = await threeDue({ requireInteraction: false, startupDigest: true });
    await f.bg.reconcile('startup');
    expect('requireInteraction' in f.notifications.created[0]!.options).toBe(false);
  });

  it('a single due reminder honours requireInteraction too', async () => {
    const f = fakeBackground({ now: T0, settings: { ...userSettings(), notifications: { requireInteraction: false, startupDigest: false } } });
    await f.bg.store.create(reminder({ id: 'one', n: 400, dueAt: T0 + HOUR, createdAt: T0 }), T0);
    f.clock.advance(HOUR + 11 * MIN);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:one']);
    expect(f.notifications.created[0]!.options).not.toHaveProperty('requireInteraction');
  });

  it('a changed setting applies to the next announcement, without a restart', async () => {
    const f = await threeDue({ requireInteraction: true, startupDigest: true });
    await f.bg.handlers['settings.set']({ settings: { ...userSettings(), notifications: { requireInteraction: false, startupDigest: false } } });
    await f.bg.reconcile('startup');
    expect(f.notifications.created.map((n) => n.id)).toEqual(['r:a', 'r:b', 'r:c']);
    expect(f.notifications.created.some((n) => 'requireInteraction' in n.options)).toBe(false);
  });

  it('where the browser refuses the options (Firefox), shows a plain notification', async () => {
    const f = await threeDue({ requireInteraction: true, startupDigest: true });
    f.notifications.rejectButtons = true;
    await f.bg.reconcile('startup');
    expect(f.notifications.created).toHaveLength(1);
    expect(f.notifications.created[0]!.options).not.toHaveProperty('buttons');
    expect(f.notifications.created[0]!.options).not.toHaveProperty('requireInteraction');
  });
});
