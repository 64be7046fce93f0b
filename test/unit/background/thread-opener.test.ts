import { describe, expect, it } from 'vitest';
import { fakeBackground, HOUR, reminder, T0, thread } from './fakes';

const HEX = '18e00000000000a1';
const URL_NEW_TAB = `https://mail.google.com/mail/?authuser=me%40example.com#all/${HEX}`;

/** One reminder for me@example.com on thread HEX, fired and announced. */
async function withNotified() {
  const f = fakeBackground({ now: T0 });
  await f.bg.store.create(reminder({ id: 'rem-1', dueAt: T0 + HOUR, thread: thread(1, { threadId: HEX }) }), T0);
  f.clock.advance(HOUR);
  await f.bg.reconcile('alarm');
  return f;
}

describe('open thread: focus, do not multiply', () => {
  it('notification "Open" with a Gmail tab of the account open: that tab shows the thread and comes to the front, no new tab', async () => {
    const f = await withNotified();
    f.gmailTabs.add({ account: 'other@example.com', active: true, windowId: 1 });
    f.gmailTabs.add({ account: 'me@example.com', windowId: 2 });
    await f.bg.notificationActions.onButtonClicked('r:rem-1', 0);
    expect(f.tabs.opened).toEqual([]);
    expect(f.gmailTabs.tabs.map((t) => t.hash)).toEqual(['#inbox', `#all/${HEX}`]);
    expect(f.gmailTabs.focused).toEqual([2]);
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
  });

  it('of several tabs of the account, the active one (else the one used last) shows it', async () => {
    const f = await withNotified();
    f.gmailTabs.add({ account: 'me@example.com', lastAccessed: 5 });
    f.gmailTabs.add({ account: 'me@example.com', lastAccessed: 9 });
    f.gmailTabs.add({ account: 'me@example.com', lastAccessed: 1 });
    await f.bg.notificationActions.onClicked('r:rem-1');
    expect(f.gmailTabs.focused).toEqual([2]);
    expect(f.gmailTabs.tabs.filter((t) => t.hash !== '#inbox').map((t) => t.id)).toEqual([2]);

    const g = await withNotified();
    g.gmailTabs.add({ account: 'me@example.com', lastAccessed: 9 });
    g.gmailTabs.add({ account: 'me@example.com', active: true, lastAccessed: 1 });
    await g.bg.notificationActions.onClicked('r:rem-1');
    expect(g.gmailTabs.focused).toEqual([2]);
  });

  it('a new tab when no Gmail tab of the account is open (another account, a tab whose script is gone, one that does not know its account)', async () => {
    const f = await withNotified();
    f.gmailTabs.add({ account: 'other@example.com' });
    f.gmailTabs.add({ account: 'me@example.com', silent: true });
    f.gmailTabs.add({ account: null });
    await f.bg.notificationActions.onClicked('r:rem-1');
    expect(f.tabs.opened).toEqual([URL_NEW_TAB]);
    expect(f.gmailTabs.focused).toEqual([]);
    expect(f.gmailTabs.tabs.every((t) => t.hash === '#inbox')).toBe(true);
  });

  it('a tab that never answers does not hold the click: a new tab after a short wait', async () => {
    const f = await withNotified();
    f.gmailTabs.add({ account: 'me@example.com' });
    f.gmailTabs.send = () => new Promise(() => undefined);
    await f.bg.notificationActions.onClicked('r:rem-1');
    expect(f.tabs.opened).toEqual([URL_NEW_TAB]);
  });

  it('the popup\'s "open thread" does the same (reminder.open)', async () => {
    const f = await withNotified();
    expect(await f.bg.handlers['reminder.open']({ id: 'rem-1' })).toEqual({ opened: 'opened' });
    expect(f.tabs.opened).toEqual([URL_NEW_TAB]);
    f.gmailTabs.add({ account: 'me@example.com' });
    expect(await f.bg.handlers['reminder.open']({ id: 'rem-1' })).toEqual({ opened: 'focused' });
    expect(f.tabs.opened).toHaveLength(1);
    await expect(f.bg.handlers['reminder.open']({ id: 'gone' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
