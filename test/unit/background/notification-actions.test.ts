import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../src/core/transitions';
import { CHECKLIST_URL, fakeBackground, HOUR, reminder, T0, thread } from './fakes';

const HEX = '18e00000000000a1';

/** One reminder for me@example.com on thread HEX, fired and announced at T0 + 1h. */
async function withNotified() {
  const f = fakeBackground({ now: T0 });
  await f.bg.store.create(reminder({ id: 'rem-1', dueAt: T0 + HOUR, thread: thread(1, { threadId: HEX }) }), T0);
  f.clock.advance(HOUR);
  await f.bg.reconcile('alarm');
  expect(f.notifications.shown.has('r:rem-1')).toBe(true);
  return f;
}

function expectThreadUrl(url: string | undefined) {
  const parsed = new URL(url ?? '');
  expect(`${parsed.origin}${parsed.pathname}`).toBe('https://mail.google.com/mail/');
  expect(parsed.searchParams.get('authuser')).toBe('me@example.com');
  expect(parsed.hash).toBe(`#all/${HEX}`);
}

describe('notification actions', () => {
  it('a click on r:<id> opens the thread in the right account and clears the notification', async () => {
    const f = await withNotified();
    await f.bg.notificationActions.onClicked('r:rem-1');

    expect(f.tabs.opened).toEqual([`https://mail.google.com/mail/?authuser=me%40example.com#all/${HEX}`]);
    expectThreadUrl(f.tabs.opened[0]);
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
    // Opening is not an answer: the reminder still waits for the user.
    expect((await f.bg.store.get('rem-1'))!.status).toBe('notified');
  });

  it('button 0 ("Write follow-up") opens the thread with a follow-up for its thread view to write', async () => {
    const f = await withNotified();
    await f.bg.notificationActions.onButtonClicked('r:rem-1', 0);
    expect(f.tabs.opened).toHaveLength(1);
    expectThreadUrl(f.tabs.opened[0]);
    expect(f.notifications.shown.has('r:rem-1')).toBe(false);
    const asked = await f.bg.handlers['reminder.getByThread']({ account: 'me@example.com', threadId: HEX });
    expect(asked).toMatchObject({ openReply: true, followUp: { reminderId: 'rem-1' } });
  });

  it('button 1 snoozes to the snooze preset and opens nothing', async () => {
    const f = await withNotified();
    await f.bg.notificationActions.onButtonClicked('r:rem-1', 1);

    const snoozed = (await f.bg.store.get('rem-1'))!;
    // Default snooze preset "tomorrow": Tuesday 09:00 in New York.
    expect(snoozed).toMatchObject({ status: 'snoozed', dueAt: Date.parse('2025-03-11T09:00-04:00') });
    expect(f.tabs.opened).toEqual([]);
    expect(f.notifications.shown.size).toBe(0);
    expect(f.badge.count).toBe(0);
  });

  it('a click on the digest (or its button) opens the checklist', async () => {
    const f = fakeBackground({ now: T0 });
    for (const n of [1, 2, 3, 4]) await f.bg.store.create(reminder({ id: `rem-${n}`, n, dueAt: T0 }), T0);
    await f.bg.reconcile('startup');
    expect(f.notifications.shown.has('digest')).toBe(true);

    await f.bg.notificationActions.onClicked('digest');
    await f.bg.notificationActions.onButtonClicked('digest', 0);

    expect(f.tabs.opened).toEqual([CHECKLIST_URL, CHECKLIST_URL]);
    expect(f.notifications.shown.has('digest')).toBe(false);
  });

  it('a click for a reminder that no longer exists opens the checklist', async () => {
    const f = await withNotified();
    await f.bg.store.delete('rem-1');
    await f.bg.notificationActions.onClicked('r:rem-1');
    expect(f.tabs.opened).toEqual([CHECKLIST_URL]);
  });

  it('ignores notification ids that are not ours', async () => {
    const f = await withNotified();
    const clearedBefore = f.notifications.cleared.length;
    for (const id of ['', 'other-extension-thing', 'R:rem-1', 'digest-2']) {
      await f.bg.notificationActions.onClicked(id);
      await f.bg.notificationActions.onButtonClicked(id, 1);
    }
    expect(f.tabs.opened).toEqual([]);
    expect(f.notifications.cleared.length).toBe(clearedBefore);
    expect((await f.bg.store.get('rem-1'))!.status).toBe('notified');
    expect(f.log.errors).toEqual([]);
  });

  it('logs a failure instead of throwing', async () => {
    const f = await withNotified();
    const failure = new Error('No window to open a tab in');
    f.tabs.failWith = failure;

    await expect(f.bg.notificationActions.onClicked('r:rem-1')).resolves.toBeUndefined();
    expect(f.log.errors).toEqual([{ message: 'Notification action failed for r:rem-1', detail: failure }]);
  });

  it('logs a snooze that is no longer possible (done meanwhile) and changes nothing', async () => {
    const f = await withNotified();
    const { reminder: done } = await f.bg.store.change('rem-1', { type: 'done' }, f.clock.now());

    await expect(f.bg.notificationActions.onButtonClicked('r:rem-1', 1)).resolves.toBeUndefined();

    expect(f.log.errors).toHaveLength(1);
    expect(f.log.errors[0]!.detail).toBeInstanceOf(IllegalTransitionError);
    expect(await f.bg.store.get('rem-1')).toEqual(done);
  });
});
