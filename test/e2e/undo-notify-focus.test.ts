import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import type { Reminder } from '../../src/core/reminder';
import { closedAfterEach, launch, notificationIds, openExtensionPage, readReminders, sendOk, sleep, waitFor, type MailRouteHandler } from './harness';
import { gmailPage, printViewRoutes } from './gmail-pages';

/*
 * Issue 10 in a real browser: Undo restores exactly what was, reminders due
 * at the same minute, and "Open" focusing the account's open Gmail tab.
 */

const ME = 'me@example.com';
const DAY = 86_400_000;
const hex = (n: number) => (0x19b0000000000000n + BigInt(n)).toString(16);
const POPUP = 'src/popup/index.html';
const thread = (n: number, subject = `Proposal ${n}`) => ({
  provider: 'gmail' as const,
  threadId: hex(n),
  subject,
  recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }],
});

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

/** Print view answers reply checks (a reply in `threads`, else none); `/mail/u/0/` is a Gmail tab of ME; other pages a stub. */
async function start(threads = new Map<string, PageMessage[]>()) {
  const printView = printViewRoutes(threads);
  const gmail = gmailPage({ account: ME, body: '<div role="main"><p>Inbox</p></div>' });
  const mail: MailRouteHandler = async (route, request) => {
    const url = new URL(request.url());
    if (url.searchParams.get('view') === 'pt') return printView(route, request);
    if (url.pathname === '/mail/u/0/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: gmail });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Gmail</title><p>Stub</p>' });
  };
  const l = await launch({ mail });
  track(l);
  const page = await openExtensionPage(l, POPUP);
  // Dates in the print view fixtures are UTC; no working hours to move the presets.
  const { settings } = await sendOk(page, 'settings.get', {});
  await sendOk(page, 'settings.set', {
    settings: { ...settings, schedule: { ...settings.schedule, timeZone: 'UTC', workingHours: { ...settings.schedule.workingHours, enabled: false } } },
  });
  return { l, page };
}

/** Every notification the background creates from now on, with its options (the worker's own API, wrapped). */
async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __created?: { id: string; options: Record<string, unknown> }[] };
    if (g.__created) return;
    g.__created = [];
    const api = chrome.notifications as unknown as { create: (...args: unknown[]) => unknown };
    const create = api.create.bind(api);
    api.create = (...args: unknown[]) => {
      g.__created!.push({ id: args[0] as string, options: args[1] as Record<string, unknown> });
      return create(...args);
    };
  });
}
const created = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __created: { id: string; options: Record<string, unknown> }[] }).__created);

const byId = async (page: Page, id: string) => (await readReminders(page)).find((r) => r.id === id);
const waitStatus = (page: Page, id: string, status: Reminder['status']) =>
  waitFor(async () => {
    const r = await byId(page, id);
    return r?.status === status ? r : undefined;
  }, { what: `${id} to be ${status}`, timeout: 30_000 });

/** What the user sees of a reminder: everything but the revision and the history, which move on. */
const visible = (r: Reminder | undefined) => {
  if (!r) return r;
  const { rev: _rev, history: _history, ...rest } = r;
  return rest;
};

describe('Undo in the popup restores exactly what was', () => {
  it('replied, notified and snoozed: check off → Undo → the same state, no notification, announced once', async () => {
    const sentAt = Date.now() - 2 * DAY;
    const mine: PageMessage = { from: { email: ME, name: 'Me' }, to: [{ email: 'client1@example.com' }], at: sentAt };
    const reply: PageMessage = { from: { email: 'client1@example.com', name: 'Client 1' }, to: [{ email: ME }], at: sentAt + DAY };
    const { l, page: seeding } = await start(new Map([[hex(1), [mine, reply]]]));
    await recordNotifications(l.worker);
    const due = Date.now() + 3_000;
    for (const n of [1, 2, 3]) await sendOk(seeding, 'reminder.create', { id: `u${n}`, account: ME, thread: thread(n), sentAt, due: { at: due } });
    const replied = await waitStatus(seeding, 'u1', 'replied');
    await waitStatus(seeding, 'u2', 'notified');
    await waitStatus(seeding, 'u3', 'notified');
    // u3 is snoozed to a time of our own; u2 stays notified and shown.
    await sendOk(seeding, 'reminder.snooze', { id: 'u3', due: { at: Date.now() + 3 * DAY } });
    const notified = await waitFor(async () => {
      const r = await byId(seeding, 'u2');
      return r?.announcedAt ? r : undefined;
    }, { what: 'u2 announced' });
    const snoozed = (await byId(seeding, 'u3'))!;
    expect(replied.resolution).toMatchObject({ kind: 'reply', by: { email: 'client1@example.com' } });
    await seeding.close();
    const shownBefore = (await created(l.worker)).map((n) => n.id);
    expect(shownBefore.filter((id) => id === 'r:u1')).toEqual([]);

    const page = await openExtensionPage(l, POPUP);
    await page.getByRole('group', { name: 'Reminders' }).waitFor();
    for (const [id, before] of [
      ['u1', replied],
      ['u2', notified],
      ['u3', snoozed],
    ] as const) {
      await page.getByRole('checkbox', { name: `Mark done: ${before.thread.subject}` }).click();
      await waitStatus(page, id, 'done');
      await page.getByRole('button', { name: 'Undo' }).click();
      const after = await waitStatus(page, id, before.status);
      expect(visible(after)).toEqual(visible(before));
      expect(after.history.at(-1)).toMatchObject({ from: 'done', to: before.status, cause: 'undo' });
      await expect.poll(() => page.locator(`.row[data-id="${id}"]`).getAttribute('data-section')).not.toBe('done');
    }
    // Give any (wrong) re-announcement its chance: a reconcile after a wake-up.
    await sendOk(page, 'reminder.list', {});
    await sleep(1_500);
    const shown = (await created(l.worker)).map((n) => n.id);
    // Nothing new was shown: not the replied one ("no reply" would be a lie), not the notified one a second time.
    expect(shown).toEqual(shownBefore);
    expect(shown.filter((id) => id === 'r:u2')).toHaveLength(1);
    expect(await notificationIds(l.worker)).not.toContain('r:u1');
    // Fired once; the other move into notified is the undo.
    const intoNotified = (await byId(page, 'u2'))!.history.filter((h) => h.to === 'notified');
    expect(intoNotified.filter((h) => h.cause !== 'undo')).toHaveLength(1);
    expect(intoNotified.filter((h) => h.cause === 'undo')).toHaveLength(1);
    expect((await byId(page, 'u3'))!.dueAt).toBe(snoozed.dueAt);
    expect(l.blocked).toEqual([]);
  });
});

describe('reminders due at the same minute', () => {
  it('three → three notifications each with Write follow-up and Snooze; eight → one summary that names them', async () => {
    const { l, page } = await start();
    await recordNotifications(l.worker);
    const sentAt = Date.now() - DAY;
    let due = Date.now() + 8_000;
    for (const n of [1, 2, 3]) await sendOk(page, 'reminder.create', { id: `t${n}`, account: ME, thread: thread(n, `Three ${n}`), sentAt, due: { at: due } });
    await waitFor(async () => (await notificationIds(l.worker)).length === 3, { what: 'three notifications', timeout: 30_000 });
    expect(await notificationIds(l.worker)).toEqual(['r:t1', 'r:t2', 'r:t3']);
    for (const { options } of await created(l.worker)) {
      expect(options.type).toBe('basic');
      expect((options.buttons as { title: string }[]).map((b) => b.title)).toEqual(['Write follow-up', 'Snooze']);
    }
    for (const n of [1, 2, 3]) await sendOk(page, 'reminder.done', { id: `t${n}` });
    expect(await notificationIds(l.worker)).toEqual([]);

    due = Date.now() + 12_000;
    for (let n = 11; n <= 18; n++) await sendOk(page, 'reminder.create', { id: `e${n}`, account: ME, thread: thread(n, `Eight ${n}`), sentAt, due: { at: due } });
    await waitFor(async () => (await readReminders(page)).filter((r) => r.id.startsWith('e') && r.announcedAt).length === 8, {
      what: 'the eight announced',
      timeout: 40_000,
    });
    expect(await notificationIds(l.worker)).toEqual(['digest']);
    const summary = (await created(l.worker)).filter((n) => n.id === 'digest');
    expect(summary).toHaveLength(1);
    const { options } = summary[0]!;
    // Chromium has list notifications: one line per reminder, naming them.
    expect(options.type).toBe('list');
    expect(options.title).toBe('8 follow-ups are due');
    const items = options.items as { title: string; message: string }[];
    expect(items.map((i) => i.message).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Eight ${11 + i}`).sort());
    expect(items.map((i) => i.title)).toContain('Client 11');
    for (let n = 11; n <= 18; n++) expect(options.message).toContain(`Client ${n} — Eight ${n}`);
    expect((options.buttons as { title: string }[]).map((b) => b.title)).toEqual(['Open checklist']);
    expect(l.blocked).toEqual([]);
  });
});

describe('Open focuses the account\'s Gmail tab instead of opening another', () => {
  it('notification "Open" and the popup\'s open thread: the open Gmail tab shows the thread, tab count unchanged', async () => {
    const { l, page } = await start();
    const gmail = await l.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    // The content script knows its account once the page told it (GLOBALS).
    await waitFor(async () => (await gmail.evaluate(() => document.title)).includes(ME));
    await sendOk(page, 'reminder.create', { id: 'f1', account: ME, thread: thread(1, 'Focus me'), sentAt: Date.now() - DAY, due: { at: Date.now() + 2_000 } });
    await waitFor(async () => (await notificationIds(l.worker)).includes('r:f1'), { what: 'the notification', timeout: 30_000 });
    const tabsBefore = l.context.pages().length;

    // The notification's first button ("Write follow-up"), as Chromium delivers the click to the background: it shows the thread the same way.
    await l.worker.evaluate(() => (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch('r:f1', 0));
    await waitFor(async () => new URL(gmail.url()).hash === `#all/${hex(1)}`, { what: 'the Gmail tab to show the thread' });
    expect(gmail.url()).toBe(`https://mail.google.com/mail/u/0/#all/${hex(1)}`);
    await waitFor(async () => !(await notificationIds(l.worker)).includes('r:f1'), { what: 'the notification to go' });
    expect(l.context.pages().length).toBe(tabsBefore);
    expect(await gmail.evaluate(() => document.visibilityState)).toBe('visible');

    // The popup's open thread does the same.
    await gmail.evaluate(() => (location.hash = '#inbox'));
    const popup = await openExtensionPage(l, POPUP);
    await popup.getByRole('group', { name: 'Reminders' }).waitFor();
    const tabsWithPopup = l.context.pages().length;
    await popup.getByRole('button', { name: 'Focus me', exact: true }).click();
    await waitFor(async () => new URL(gmail.url()).hash === `#all/${hex(1)}`, { what: 'the Gmail tab to show the thread again' });
    expect(l.context.pages().length).toBe(tabsWithPopup);

    // Without a Gmail tab of the account: a new tab, in the right account.
    await gmail.close();
    const [tab] = await Promise.all([l.context.waitForEvent('page'), popup.getByRole('button', { name: 'Focus me', exact: true }).click()]);
    await tab.waitForURL(`https://mail.google.com/mail/?authuser=${encodeURIComponent(ME)}#all/${hex(1)}`);
    expect(l.blocked).toEqual([]);
  });
});
