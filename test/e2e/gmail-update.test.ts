/**
 * Updates and installs with Gmail open: the extension is loaded again (an
 * update, same folder and id) or for the first time while a Gmail tab stays
 * open. The new scripts must reach the open tab, the orphaned old script
 * must step aside silently, and a compose armed before the update must
 * still store its reminder when sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, readReminders, removeProfileDir, sleep, type Launched } from './harness';
import { domFixture, gmailPage, gmailRoutes, syncSample } from './gmail-pages';
import { threadWithoutReply } from './thread-pages';
import { INBOX, SEND, previewOf, storedReminders } from './gmail-session';
import { snapshotDist } from './faults-helpers';
import { launchReloadable, type Reloadable } from './reload-helpers';

let open: Reloadable[] = [];
afterEach(async () => {
  await Promise.all(open.map((r) => r.close().catch(() => undefined)));
  open.forEach((r) => removeProfileDir(r.profileDir));
  open = [];
});

/** A Gmail page whose compose windows open on demand (`openCompose()`), filled the way Gmail fills the cvOnSend capture. */
const composePage = (openAtLoad: boolean) =>
  gmailPage({
    account: 'test@gmail.com',
    body: `<template id="compose-template"><div class="AD" data-compose-window>${domFixture('compose-dialog.html')}</div></template>`,
    setup: `
      GLOBALS[9] = '1a2b3c4d5e';
      window.openCompose = () => {
        const win = document.getElementById('compose-template').content.firstElementChild.cloneNode(true);
        const form = win.querySelector('form');
        form.querySelector('input[name=subjectbox]').value = 'subject_111';
        form.querySelector('input[name=draft]').value = '#msg-a:r8190137112111191537';
        form.querySelector('input[name=rt]').value = '#thread-a:r263523620390330024';
        const to = document.createElement('input');
        to.type = 'hidden'; to.name = 'to'; to.value = 'Test Test <test+1@gmail.com>';
        form.append(to);
        document.body.append(win);
        return document.querySelectorAll('[data-compose-window]').length;
      };
      ${openAtLoad ? 'openCompose();' : ''}`,
    syncRequest: syncSample('cvOnSend_request'),
  });

interface Watched {
  page: Page;
  /** Page errors and console errors/warnings of every world in the tab. */
  problems: string[];
}

async function gmailTab(r: Reloadable, openAtLoad: boolean): Promise<Watched> {
  const page = await r.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror ${String(e)}`));
  page.on('console', (m) => {
    // Network noise of the fixture page (its favicon) is not the extension's.
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource')) problems.push(`${m.type()} ${m.text()}`);
  });
  await page.goto(INBOX);
  // Counts what the page-world hook delivers: exactly one envelope per send response, whatever copies were injected.
  await page.evaluate(() => {
    const w = window as unknown as { __envelopes: number };
    w.__envelopes = 0;
    window.addEventListener('message', (e) => {
      if (e.data?.source === 'follow-through' && e.data?.kind === 'sync-send') w.__envelopes += 1;
    });
  });
  if (openAtLoad) await page.waitForSelector('[data-compose-window]', { state: 'attached' });
  return { page, problems };
}

const composes = (page: Page) => page.locator('[data-compose-window]');
const controlIn = (page: Page, i: number) => composes(page).nth(i).locator('follow-through-control');
const mainButton = (page: Page, i: number) => controlIn(page, i).getByRole('button').first();

async function arm(page: Page, i: number, option: RegExp) {
  await controlIn(page, i).getByRole('button', { name: 'Remind me', exact: true }).click();
  await controlIn(page, i).getByRole('button', { name: option }).click();
  await expect.poll(() => mainButton(page, i).textContent()).toMatch(/^If no reply: /);
}

/** All text a user can see in the tab, our shadow roots included. */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.textContent ?? '');
    return parts.join('\n');
  });

async function expectQuiet(w: Watched) {
  expect(await visibleText(w.page)).not.toMatch(/invalidated|context/i);
  expect(w.problems).toEqual([]);
}

const envelopes = (page: Page) => page.evaluate(() => (window as unknown as { __envelopes: number }).__envelopes);

async function reloadable(loadAtStart: boolean, seen: string[] = []) {
  const r = await launchReloadable(snapshotDist(), { loadAtStart, mail: gmailRoutes({ '/mail/u/0/': composePage(true) }, syncSample('cvOnSend_response'), seen) });
  open.push(r);
  return r;
}

describe('an update with Gmail open (Chromium, extension loaded again)', () => {
  it('a compose armed before the update keeps its time, has one working control, and stores its reminder when sent', async () => {
    const r = await reloadable(true);
    const w = await gmailTab(r, true);
    await arm(w.page, 0, /^Tomorrow/);
    // Mark the old script's control: after the update it must be gone, not merely hidden.
    await controlIn(w.page, 0).evaluate((el) => el.setAttribute('data-old', ''));

    const l = await r.load();
    await expect.poll(() => w.page.locator('follow-through-control[data-old]').count()).toBe(0);
    await expect.poll(() => controlIn(w.page, 0).count()).toBe(1);
    await expect.poll(() => mainButton(w.page, 0).textContent()).toMatch(/^If no reply: /);
    expect(await w.page.locator('follow-through-control').count()).toBe(1);

    const expected = await previewOf(l, 'tomorrow');
    await w.page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({
      account: 'test@gmail.com',
      status: 'pending',
      dueAt: expected.at,
      thread: { threadId: '183234ce86ffa010', permThreadId: 'thread-f:1743514067378610192', subject: 'subject_111' },
    });
    await expect.poll(() => w.page.locator('follow-through-toast').first().evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain(
      `reminder set for ${expected.label}`,
    );
    // The old page-world hook stays in the page and the new copy does not hook twice: one delivery per response.
    expect(await envelopes(w.page)).toBe(1);
    await expectQuiet(w);
  });

  it('a compose opened after the update gets exactly one control; arming and sending stores the reminder', async () => {
    const r = await reloadable(true);
    const w = await gmailTab(r, true);
    await expect.poll(() => controlIn(w.page, 0).count()).toBe(1);
    const l = await r.load();

    expect(await w.page.evaluate(() => (window as unknown as { openCompose(): number }).openCompose())).toBe(2);
    await expect.poll(() => controlIn(w.page, 1).count()).toBe(1);
    await sleep(300);
    expect(await controlIn(w.page, 0).count()).toBe(1);
    expect(await controlIn(w.page, 1).count()).toBe(1);

    await arm(w.page, 1, /^In 1 week/);
    const expected = await previewOf(l, 'in-1-week');
    await composes(w.page).nth(1).locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ status: 'pending', dueAt: expected.at, thread: { threadId: '183234ce86ffa010' } });
    expect(await envelopes(w.page)).toBe(1);
    await expectQuiet(w);
  });

  it('a send waiting out Gmail\'s undo delay when the update lands still stores its reminder', async () => {
    const r = await reloadable(true);
    const w = await gmailTab(r, true);
    await arm(w.page, 0, /^Tomorrow/);
    // Gmail holds the request back for its undo window; the update lands inside it.
    await w.page.evaluate(() => ((window as unknown as { __undoDelay: number }).__undoDelay = 4_000));
    await w.page.locator(SEND).click();
    const l = await r.load();
    const expected = await previewOf(l, 'tomorrow');
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ dueAt: expected.at, sentAt: 1662744701149, thread: { threadId: '183234ce86ffa010' } });
    expect(await envelopes(w.page)).toBe(1);
    await expect.poll(() => w.page.locator('follow-through-toast').first().evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain(
      `reminder set for ${expected.label}`,
    );
    await expectQuiet(w);
  });

  it('two updates in a row still leave one control and one delivery per send', async () => {
    const r = await reloadable(true);
    const w = await gmailTab(r, true);
    await arm(w.page, 0, /^Tomorrow/);
    await r.load();
    await expect.poll(() => mainButton(w.page, 0).textContent()).toMatch(/^If no reply: /);
    const l = await r.load();
    await expect.poll(() => controlIn(w.page, 0).count()).toBe(1);
    await expect.poll(() => mainButton(w.page, 0).textContent()).toMatch(/^If no reply: /);
    const expected = await previewOf(l, 'tomorrow');
    await w.page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder!.dueAt).toBe(expected.at);
    expect(await envelopes(w.page)).toBe(1);
    await expectQuiet(w);
  });

  it('an uninstalled extension leaves no control behind and says nothing', async () => {
    // Only an extension loaded over CDP can be uninstalled over CDP.
    const r = await reloadable(false);
    const w = await gmailTab(r, true);
    await r.load();
    await arm(w.page, 0, /^Tomorrow/);
    await r.uninstall();
    // The orphan notices at the user's next press, before the press reaches anything: here, Send itself.
    await w.page.locator(SEND).click();
    await expect.poll(() => w.page.locator('follow-through-control').count()).toBe(0);
    await sleep(500);
    expect(await w.page.locator('follow-through-toast').count()).toBe(0);
    await expectQuiet(w);
  });
});

describe('an update with a thread open (Chromium)', () => {
  it('the thread toolbar has exactly one control afterwards, the new copy\'s, and it adds a reminder', async () => {
    const threadPage = threadWithoutReply();
    const r = await launchReloadable(snapshotDist(), { loadAtStart: true, mail: gmailRoutes({ '/mail/u/0/': threadPage }) });
    open.push(r);
    const w = await gmailTab(r, false);
    const toolbar = w.page.locator('[gh=mtb] follow-through-control');
    await expect.poll(() => toolbar.count()).toBe(1);
    await toolbar.evaluate((el) => el.setAttribute('data-old', ''));

    const l = await r.load();
    await expect.poll(() => w.page.locator('follow-through-control[data-old]').count()).toBe(0);
    await expect.poll(() => toolbar.count()).toBe(1);
    await toolbar.getByRole('button').first().click();
    await toolbar.getByRole('button', { name: /^Tomorrow/ }).click();
    const expected = await previewOf(l, 'tomorrow');
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ account: 'test@streak.com', dueAt: expected.at, thread: { threadId: '18333b13345c3a42' } });
    await expectQuiet(w);
  });
});

describe('a fresh install with Gmail already open (Chromium)', () => {
  it('the open compose gets its control without a reload, and a send stores the reminder', async () => {
    const r = await reloadable(false);
    const w = await gmailTab(r, true);
    await sleep(300);
    expect(await w.page.locator('follow-through-control').count()).toBe(0);

    const l: Launched = await r.load();
    await expect.poll(() => controlIn(w.page, 0).count()).toBe(1);
    // The account and its page key reach the background at once (reply checks need the key), not only with a first send.
    await expect
      .poll(() => l.worker.evaluate(async () => (await chrome.storage.local.get('pageKeys')).pageKeys), { timeout: 15_000 })
      .toEqual({ 'test@gmail.com': '1a2b3c4d5e' });
    await arm(w.page, 0, /^Tomorrow/);
    const expected = await previewOf(l, 'tomorrow');
    await w.page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ account: 'test@gmail.com', dueAt: expected.at, thread: { threadId: '183234ce86ffa010' } });
    expect(await envelopes(w.page)).toBe(1);
    await expectQuiet(w);
    const ext = await openExtensionPage(l);
    expect(await readReminders(ext)).toHaveLength(1);
  });
});
