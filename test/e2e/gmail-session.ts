/** Shared steps of the Gmail e2e tests: a routed fixture Gmail with the built extension loaded. */
import type { PresetId } from '../../src/core/schedule/presets';
import type { Page } from 'playwright-core';
import { launch, openExtensionPage, readReminders, removeProfileDir, sendOk, waitFor, type Launched } from './harness';
import { domFixture, gmailPage, gmailRoutes, syncSample, type GmailPageSpec } from './gmail-pages';

export const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
export const SEND = '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])';

let open: Launched[] = [];
/** Closes every browser this file launched (call in afterEach). */
export async function closeAll() {
  await Promise.all(open.map((l) => l.close().catch(() => undefined)));
  open.forEach((l) => removeProfileDir(l.profileDir));
  open = [];
}

export async function gmailWith(html: string, syncResponse?: string, lang?: string) {
  const seen: string[] = [];
  const l = await launch({ mail: gmailRoutes({ '/mail/u/0/': html }, syncResponse, seen), ...(lang ? { lang } : {}) });
  open.push(l);
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

