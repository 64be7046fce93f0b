/** Shared steps of the Gmail e2e tests: a routed fixture Gmail with the built extension loaded. */
import type { PresetId } from '../../src/core/schedule/presets';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { currentWorker, launch, openExtensionPage, readReminders, removeProfileDir, sendOk, waitFor, type Launched, type MailRouteHandler } from './harness';
import { domFixture, gmailPage, gmailRoutes, syncSample, type GmailPageSpec } from './gmail-pages';

export const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
export const SEND = '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])';

/**
 * One browser per file (and UI language), shared by its tests: the launch is
 * the slow part of a Gmail test. Between tests `closeAll` closes its pages and
 * empties the extension's storage, so each test starts from an empty install;
 * the browsers close after the file (the afterAll below registers on the
 * importing file).
 */
interface Shared {
  l: Launched;
  mail: { current?: MailRouteHandler };
}
const shared = new Map<string, Promise<Shared>>();

afterAll(async () => {
  const all = await Promise.all([...shared.values()].map((p) => p.catch(() => undefined)));
  shared.clear();
  await Promise.all(all.map((s) => s?.l.close().catch(() => undefined)));
  all.forEach((s) => s && removeProfileDir(s.l.profileDir));
});

function browserFor(lang: string | undefined): Promise<Shared> {
  const key = lang ?? '';
  let entry = shared.get(key);
  if (!entry) {
    const mail: Shared['mail'] = {};
    entry = launch({
      mail: (route, request) => (mail.current ? mail.current(route, request) : route.fulfill({ status: 404, body: '' })),
      ...(lang ? { lang } : {}),
    }).then((l) => ({ l, mail }));
    shared.set(key, entry);
  }
  return entry;
}

/** Between tests: closes every page and empties the extension's storage (call in afterEach). */
export async function closeAll() {
  for (const entry of shared.values()) {
    const { l, mail } = await entry;
    mail.current = undefined;
    await Promise.all(l.context.pages().map((p) => p.close().catch(() => undefined)));
    const ext = await openExtensionPage(l);
    await ext.evaluate(emptyExtensionInPage);
    await ext.close();
  }
}

/** In an extension page: no reminder, setting, report, alarm, notification or badge is left. */
async function emptyExtensionInPage() {
  await chrome.alarms.clearAll();
  for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  await chrome.storage.local.clear();
  await chrome.action.setBadgeText({ text: '' });
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('follow-through');
    // Never create the database from the test: that would skip the extension's migrations.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve();
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      if (names.length === 0) return db.close(), resolve();
      const tx = db.transaction(names, 'readwrite');
      names.forEach((n) => tx.objectStore(n).clear());
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

export async function gmailWith(html: string, syncResponse?: string, lang?: string) {
  const seen: string[] = [];
  const { l: browser, mail } = await browserFor(lang);
  mail.current = gmailRoutes({ '/mail/u/0/': html }, syncResponse, seen);
  // The service worker may have been stopped and restarted since the launch.
  const l: Launched = { ...browser, worker: await currentWorker(browser.context) };
  const page = await l.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(INBOX);
  return { l, page, seen, errors };
}

/** A new-message compose window: the real 2020 dialog, filled in the way Gmail's code fills it for the cvOnSend capture. */
export const newCompose = (extra: Partial<GmailPageSpec> = {}) =>
  gmailPage({
    account: 'test@gmail.com',
    body: `<div class="AD" data-compose-window>${domFixture('compose-dialog.html')}</div>`,
    setup: `
      const form = document.querySelector('form');
      form.querySelector('input[name=subjectbox]').value = 'subject_111';
      form.querySelector('input[name=draft]').value = '#msg-a:r8190137112111191537';
      form.querySelector('input[name=rt]').value = '#thread-a:r263523620390330024';
      const to = document.createElement('input');
      to.type = 'hidden'; to.name = 'to'; to.value = 'Test Test <test+1@gmail.com>';
      form.append(to);`,
    syncRequest: syncSample('cvOnSend_request'),
    ...extra,
  });

export const control = (page: Page) => page.locator('follow-through-control').first();
export const remindButton = (page: Page) => control(page).getByRole('button', { name: 'Remind me', exact: true });

export async function previewOf(l: Launched, preset: PresetId) {
  const ext = await openExtensionPage(l);
  const p = await sendOk(ext, 'due.preview', { preset });
  await ext.close();
  return p;
}

export async function storedReminders(l: Launched, count: number) {
  const ext = await openExtensionPage(l);
  try {
    return await waitFor(async () => {
      const all = await readReminders(ext);
      return all.length >= count ? all : undefined;
    }, { what: `${count} stored reminder(s)` });
  } finally {
    await ext.close();
  }
}


/** Settings in UTC without working hours, so a reminder is due exactly when a test says. */
export async function utcWithoutWorkingHours(ext: Page): Promise<void> {
  const { settings } = await sendOk(ext, 'settings.get', {});
  await sendOk(ext, 'settings.set', { settings: { ...settings, schedule: { ...settings.schedule, timeZone: 'UTC', workingHours: { ...settings.schedule.workingHours, enabled: false } } } });
}

/** What a notification says (Chrome cannot read a shown notification back): the worker records each as it is created. */
export async function recordNotifications(l: Launched): Promise<void> {
  await l.worker.evaluate(() => {
    const created: unknown[] = [];
    (self as unknown as { __created: unknown[] }).__created = created;
    const original = chrome.notifications.create.bind(chrome.notifications) as (...a: unknown[]) => unknown;
    (chrome.notifications as unknown as { create: unknown }).create = (...args: unknown[]) => {
      created.push(args);
      return original(...args);
    };
  });
}

/** The notifications recordNotifications saw, as [id, options]. */
export const createdNotifications = async (l: Launched) =>
  (await l.worker.evaluate(() => (self as unknown as { __created: unknown[] }).__created)) as [string, { title: string; message: string; buttons?: { title: string }[] }][];

/** In an open thread: replies inline, armed with "In 1 week", and sends; returns the preview the reminder is due by. */
export async function sendInlineReplyIn1Week(l: Launched, page: Page) {
  await page.locator('.amn [role=link]').first().click();
  const inline = page.locator('.ip.adB follow-through-control');
  await inline.getByRole('button', { name: 'Remind me', exact: true }).click();
  await inline.getByRole('button', { name: /^In 1 week/ }).click();
  const expected = await previewOf(l, 'in-1-week');
  await page.locator(`.ip.adB ${SEND}`).click();
  return expected;
}
