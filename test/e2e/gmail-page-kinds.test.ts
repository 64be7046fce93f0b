/**
 * Gmail pages that are not Gmail's app, in real Chromium: the print view,
 * another app on the host (Google Chat), and a frame inside the app — each
 * serving a real thread view, so that a script that worked there would show
 * its control. Nothing of ours runs in them: no control, no request for the
 * controls, no page-world hook, no answer to the background's "which
 * account?". The app itself — also at /mail/u/1/ and a delegated mailbox —
 * gets its control as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, removeProfileDir, sleep, type Launched } from './harness';
import { liveWorker } from './faults-helpers';
import { receivedThread } from './thread-pages';

const ORIGIN = 'https://mail.google.com';
const HASH = '#inbox/18333b13345c3a42';
const CONTROLS = 'src/content/controls.js';

let browser: Promise<Launched> | undefined;
/** One browser for the file; every mail.google.com URL (any path, any query) serves the received thread. */
function started(): Promise<Launched> {
  browser ??= launch({
    mail: (route, request) => {
      const url = new URL(request.url());
      if (url.pathname === '/frame-host/') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '' });
      }
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: receivedThread() });
    },
  });
  return browser;
}
afterAll(async () => {
  const l = await browser?.catch(() => undefined);
  await l?.close().catch(() => undefined);
  if (l) removeProfileDir(l.profileDir);
});

/** Counts the worker's controls injections from now on. */
async function countInjections(l: Launched): Promise<() => Promise<number>> {
  const worker = await liveWorker(l);
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __controls?: string[] };
    if (g.__controls) return void (g.__controls = []);
    g.__controls = [];
    const original = chrome.scripting.executeScript.bind(chrome.scripting);
    chrome.scripting.executeScript = ((options: chrome.scripting.ScriptInjection<unknown[], unknown>) => {
      g.__controls!.push(JSON.stringify(options.files ?? []));
      return original(options);
    }) as typeof chrome.scripting.executeScript;
  });
  return async () => (await (await liveWorker(l)).evaluate(() => (globalThis as unknown as { __controls: string[] }).__controls)).filter((f) => f.includes(CONTROLS)).length;
}

/** What the background hears when it asks this tab which account it shows (undefined: no script answered). */
async function whoAmI(l: Launched, page: Page): Promise<unknown> {
  const url = page.url();
  return (await liveWorker(l)).evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u.split('#')[0] + '*' });
    if (tab?.id === undefined) return 'no tab';
    return chrome.tabs.sendMessage(tab.id, { v: 1, type: 'content.whoami' }).then(
      (answer: unknown) => answer,
      () => undefined,
    );
  }, url);
}

/** Whether the page world's XMLHttpRequest is Gmail's own (our send hook wraps `open` in the app). */
const nativeXhr = (page: Page) => page.evaluate(() => XMLHttpRequest.prototype.open.toString().includes('[native code]'));

async function open(l: Launched, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await l.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

describe("Gmail's app: the control, for every account form", () => {
  it.each(['/mail/u/0/', '/mail/u/1/', '/mail/b/ALGkd0x1yN5GQ7c/u/0/'])('%s: control, hook, account answered', async (path) => {
    const l = await started();
    const injections = await countInjections(l);
    const { page, errors } = await open(l, `${ORIGIN}${path}${HASH}`);
    await page.locator('[gh=mtb] follow-through-control').first().waitFor({ timeout: 15_000 });
    expect(await injections()).toBe(1);
    expect(await nativeXhr(page)).toBe(false);
    expect(await whoAmI(l, page)).toEqual({ account: 'test@streak.com' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pages that are not the app: nothing of ours', () => {
  it.each([
    ['the print view', '/mail/u/0/?ik=a1b2c3d4e5&view=pt&search=all&th=18333b13345c3a42'],
    ['a "show original" page', '/mail/u/0/?ik=a1b2c3d4e5&view=om&permmsgid=msg-f%3A1743802434391390786'],
    ['Google Chat on the same host', '/chat/u/0/#chat/home'],
  ])('%s: no control, no controls request, no hook, no answer', async (_, path) => {
    const l = await started();
    const injections = await countInjections(l);
    const { page, errors } = await open(l, `${ORIGIN}${path}`);
    // The user works there too: a press and a key would fetch the controls in the app.
    await page.mouse.click(5, 5);
    await page.keyboard.press('Shift');
    await sleep(1_500);
    expect(await page.locator('follow-through-control').count()).toBe(0);
    expect(await injections()).toBe(0);
    expect(await nativeXhr(page)).toBe(true);
    expect(await whoAmI(l, page)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a thread view inside a frame of a Gmail page: the frame gets nothing', async () => {
    const l = await started();
    const injections = await countInjections(l);
    const { page, errors } = await open(l, `${ORIGIN}/frame-host/`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
      return new Promise((r) => frame.addEventListener('load', r, { once: true }));
    }, `${ORIGIN}/mail/u/0/${HASH}`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.locator('h2.hP').waitFor();
    await sleep(1_500);
    expect(await frame.locator('follow-through-control').count()).toBe(0);
    expect(await frame.evaluate(() => XMLHttpRequest.prototype.open.toString().includes('[native code]'))).toBe(true);
    expect(await injections()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
