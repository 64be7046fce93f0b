/**
 * The core of the add-on in a real Firefox (Debian's firefox-esr): it
 * installs, its event page answers, popup and options render, a due reminder
 * is announced, the Gmail control works in English and German composes and
 * a send stores the reminder, and a reply check made by the event page
 * itself resolves a reminder. One browser for the file (a Firefox start is
 * the slow part); each test uses its own reminder ids and accounts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { PageMessage } from '../../fixtures/gmail/print-view/page';
import { waitFor, type MailRouteHandler } from '../harness';
import { domFixture, gmailPage, gmailRoutes, printViewRoutes, syncSample } from '../gmail-pages';
import { INBOX, newCompose, SEND } from '../gmail-session';
import { ACCOUNT as FOLLOW_UP_ACCOUNT, ALICE, BOB, HEX as FOLLOW_UP_HEX, threadPage } from '../thread-pages';
import { DIST_FIREFOX, launchFirefox, openExtensionPage, openGmail, ORIGIN, readReminders, send, sendOk, strayRequests, type FirefoxLaunched } from './harness';

// Firefox's promise-based API namespace, as seen inside the add-on's pages.
declare const browser: typeof chrome;

const ME = 'me@example.com';
let ff: FirefoxLaunched;
let ext: Page;

beforeAll(async () => {
  ff = await launchFirefox();
  ext = await openExtensionPage(ff);
  // The print view is printed in the user's zone: pin it so the fixture's dates mean the same instant.
  const { settings } = await sendOk(ext, 'settings.get', {});
  await sendOk(ext, 'settings.set', {
    settings: { ...settings, schedule: { ...settings.schedule, timeZone: 'UTC', workingHours: { ...settings.schedule.workingHours, enabled: false } } },
  });
}, 120_000);

afterAll(async () => {
  await ff?.close();
});

/** Gmail's markup points its icons at ssl.gstatic.com: served from the page's own path instead, so no request is meant to leave. */
const offline = (html: string) => html.replaceAll('//ssl.gstatic.com/ui/v1/icons/mail/images/', 'images/');

const reminder = async (id: string) => (await readReminders(ext)).find((r) => r.id === id);

/** The first button in the shadow root of a `follow-through-control` whose label or text matches (the control renders in shadow DOM). */
async function controlButton(page: Page, name: RegExp): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (source: string, flags: string) => {
      const re = new RegExp(source, flags);
      for (const host of document.querySelectorAll('follow-through-control')) {
        for (const b of host.shadowRoot?.querySelectorAll('button') ?? []) if (re.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim())) return b;
      }
      return null;
    },
    { timeout: 15_000 },
    name.source,
    name.flags,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

const controlText = (page: Page) =>
  page.evaluate(() => document.querySelector('follow-through-control')?.shadowRoot?.querySelector('button')?.textContent ?? '');

describe('Firefox: the add-on', () => {
  it('installs from dist-firefox/ and its event page answers messages', async () => {
    expect(ff.addonId).toBe('follow-through@follow-through.app');
    const manifest = await ext.evaluate(() => browser.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toMatchObject({ scripts: [expect.any(String)] });
    // Firefox took every permission the build asks for (test/unit/manifest.test.ts pins the list itself).
    const built = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as { permissions: string[] };
    expect(manifest.permissions).toEqual(built.permissions);
    expect(manifest.permissions).toContain('alarms');
    // An event page, not a service worker.
    expect(await ext.evaluate(async () => (await browser.runtime.getBackgroundPage())?.location.pathname)).toMatch(/background/);

    const list = await sendOk(ext, 'reminder.list', {});
    expect(list.counts).toMatchObject({ overdue: 0, upcoming: 0 });
    const bad = await ext.evaluate(() => browser.runtime.sendMessage({ v: 1, type: 'reminder.drop-table', payload: {} }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    const invalid = await send(ext, 'reminder.create', { id: 'x' } as never);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Host access to Gmail is granted at install (reply checks need it).
    expect(await ext.evaluate(() => browser.permissions.contains({ origins: ['https://mail.google.com/*'] }))).toBe(true);
  });

  it('renders the popup and the options page', async () => {
    const popup = await openExtensionPage(ff, 'src/popup/index.html');
    const heading = await popup.waitForFunction(() => document.querySelector('#app h1')?.textContent, { timeout: 15_000 });
    expect(await heading.jsonValue()).toBe('Follow-ups');
    await popup.close();

    const options = await openExtensionPage(ff, 'src/options/index.html');
    await options.waitForFunction(() => document.querySelectorAll('#app section, #app fieldset').length > 0, { timeout: 15_000 });
    expect(await options.evaluate(() => document.title)).not.toBe('');
    expect(await options.evaluate(() => location.origin)).toBe(ORIGIN);
    await options.close();
  });

  it('announces a due reminder with a notification and the badge', async () => {
    // Headless Firefox has no notification area: an alert closes as soon as it is shown, so getAll() stays empty.
    // Its onClosed event names every notification the event page created.
    await ext.evaluate(() => {
      const w = window as unknown as { closedNotifications: string[] };
      w.closedNotifications = [];
      browser.notifications.onClosed.addListener((id) => w.closedNotifications.push(id));
    });
    await sendOk(ext, 'reminder.create', {
      id: 'ff-due',
      account: ME,
      thread: { provider: 'gmail', threadId: '15f1123136926b01', subject: 'Quote request', recipients: [{ email: 'bob@example.com', name: 'Bob' }] },
      sentAt: Date.now() - 3 * 86_400_000,
      due: { at: Date.now() + 1_000 },
    });
    // No print view for this thread: the check finds no reply and the reminder fires.
    ff.proxy.setMail(printViewRoutes());
    const fired = await waitFor(async () => {
      const r = await reminder('ff-due');
      return r?.status === 'notified' && r.announcedAt ? r : undefined;
    }, { what: 'the reminder to be announced', timeout: 30_000 });
    expect(fired.history.filter((h) => h.to === 'notified')).toHaveLength(1);
    await waitFor(async () => {
      const closed = await ext.evaluate(() => (window as unknown as { closedNotifications: string[] }).closedNotifications);
      const open = Object.keys(await ext.evaluate(() => browser.notifications.getAll()));
      return [...closed, ...open].includes('r:ff-due');
    }, { what: 'the notification' });
    await waitFor(async () => (await ext.evaluate(() => browser.action.getBadgeText({}))) === '1', { what: 'the badge' });
  });
});

describe('Firefox: Gmail', () => {
  it('arms an English compose and stores the sent thread from Gmail\'s send response', async () => {
    const page = await openGmail(ff, gmailRoutes({ '/mail/u/0/': offline(newCompose()) }, syncSample('cvOnSend_response')), INBOX);
    await (await controlButton(page, /^Remind me$/)).click();
    await (await controlButton(page, /^Tomorrow/)).click();
    await waitFor(async () => /^If no reply: /.test(await controlText(page)), { what: 'the armed control' });
    const expected = await sendOk(ext, 'due.preview', { preset: 'tomorrow' });
    await page.locator(SEND).click();
    const stored = await waitFor(async () => (await readReminders(ext)).find((r) => r.thread.threadId === '183234ce86ffa010'), {
      what: 'the stored reminder',
    });
    expect(stored).toMatchObject({
      account: 'test@gmail.com',
      status: 'pending',
      dueAt: expected.at,
      thread: { permThreadId: 'thread-f:1743514067378610192', subject: 'subject_111', recipients: [{ email: 'test+1@gmail.com', name: 'Test Test' }] },
    });
    expect(stored.sentAt).toBe(1662744701149);
    await page.close();
  });

  it('puts the control into a German compose, and arming and sending stores the reminder', async () => {
    const html = gmailPage({
      account: 'de@example.com',
      body: `<div class="AD">${domFixture('compose-new-de.html')}</div>`,
      setup: `document.querySelector('input[name=draft]').value = '#msg-a:r8190137112111191537';`,
      syncRequest: syncSample('cvOnSend_request'),
    });
    const page = await openGmail(ff, gmailRoutes({ '/mail/u/0/': offline(html) }, syncSample('cvOnSend_response')), INBOX);
    // Firefox's UI (and so the add-on's) is English here; the Gmail markup is German.
    await (await controlButton(page, /^Remind me$/)).click();
    await (await controlButton(page, /^In 2 days/)).click();
    const expected = await sendOk(ext, 'due.preview', { preset: 'in-2-days' });
    await page.locator(SEND).click();
    const stored = await waitFor(async () => (await readReminders(ext)).find((r) => r.account === 'de@example.com'), {
      what: 'the reminder from the German compose',
    });
    expect(stored).toMatchObject({ status: 'pending', dueAt: expected.at, thread: { threadId: '183234ce86ffa010' } });
    await page.close();
  });

  it('the event page checks the print view itself and a reply resolves the reminder', async () => {
    const threadId = '18f0000000000101';
    const sentAt = Date.now() - 2 * 3_600_000;
    const threads = new Map<string, PageMessage[]>([
      [
        threadId,
        [
          { from: { email: ME, name: 'Me' }, to: [{ email: 'client@example.com' }], at: sentAt },
          { from: { email: 'client@example.com', name: 'Client' }, to: [{ email: ME }], at: sentAt + 3_600_000 },
        ],
      ],
    ]);
    const looked: string[] = [];
    const mail: MailRouteHandler = printViewRoutes(threads, 'UTC', looked);
    ff.proxy.setMail(mail);
    await sendOk(ext, 'reminder.create', {
      id: 'ff-reply',
      account: ME,
      thread: { provider: 'gmail', threadId, subject: 'Offer', recipients: [{ email: 'client@example.com', name: 'Client' }] },
      sentAt,
      due: { at: Date.now() + 3_000 },
    });
    const resolved = await waitFor(async () => {
      const r = await reminder('ff-reply');
      return r?.status === 'replied' ? r : undefined;
    }, { what: 'the reply check to resolve the reminder', timeout: 30_000 });
    expect(resolved.resolution).toMatchObject({ source: 'print-view', by: { email: 'client@example.com' } });
    const mine = looked.filter((u) => new URL(u).searchParams.get('th') === threadId);
    expect(mine.length).toBeGreaterThan(0);
    for (const u of mine) expect(new URL(u).searchParams.get('authuser')).toBe(ME);
    expect(Object.keys(await ext.evaluate(() => browser.notifications.getAll()))).not.toContain('r:ff-reply');
  });

  it('"Write follow-up" (the popup\'s action; Firefox has no notification buttons) fills Reply all in the open Gmail tab with Firefox\'s own editing', async () => {
    const page = await openGmail(ff, gmailRoutes({ '/mail/u/0/': offline(threadPage()), '/mail/': offline(threadPage()) }), INBOX);
    await page.waitForFunction(() => document.querySelector('[gh=mtb] follow-through-control') !== null, { timeout: 15_000 });
    await sendOk(ext, 'reminder.create', {
      id: 'ff-follow',
      account: FOLLOW_UP_ACCOUNT,
      thread: { provider: 'gmail', threadId: FOLLOW_UP_HEX, subject: 'Quarterly numbers', recipients: [ALICE, BOB] },
      sentAt: Date.now() - 3 * 86_400_000,
      due: { at: Date.now() + 60_000 },
    });
    const { opened } = await sendOk(ext, 'reminder.writeFollowUp', { id: 'ff-follow' });
    expect(opened).toBe('focused');
    const html = await waitFor(async () => {
      const inner = await page.evaluate(() => document.querySelector('.ip.adB [role=textbox]')?.innerHTML ?? '');
      return inner.includes('Best regards') ? inner : undefined;
    }, { what: 'the follow-up in the reply' });
    // The nudge's lines as Firefox's editor makes them (text and line breaks only), Reply all clicked, nothing sent.
    expect(html).toMatch(/^Hi Alice and Bob,/);
    expect(html.replace(/<br>|<\/?div>/g, '\n').replace(/\n+/g, '\n')).toMatch(/^Hi Alice and Bob,\nI hope you are well\. [^<]+\nBest regards,\n?$/);
    expect(await page.evaluate(() => (window as unknown as { __replyVia?: string }).__replyVia)).toBe('ams bkI');
    expect(await page.evaluate(() => (window as unknown as { __editorEvents: { type: string; inputType: string }[] }).__editorEvents.some((e) => e.type === 'input' && e.inputType === 'insertText'))).toBe(true);
    expect(await reminder('ff-follow')).toMatchObject({ status: 'pending' });
    await page.close();
  });

  it('nothing the add-on or a page asked for left the machine', () => {
    expect(strayRequests(ff)).toEqual([]);
  });
});
