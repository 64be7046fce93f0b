/**
 * The Gmail payload split in real Chromium: every Gmail page gets the
 * bootstrap only; the controls script is injected by the background into
 * that frame on first need (or on the user's first press), once per page,
 * also after the worker was stopped, and it is never reachable from the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sleep, type Launched } from './harness';
import { domFixture, gmailPage, syncSample } from './gmail-pages';
import { closeAll, control, gmailWith, remindButton } from './gmail-session';
import { liveWorker, workerStopper } from './faults-helpers';

afterEach(closeAll);

const CONTROLS = 'src/content/controls.js';

/** An inbox whose compose windows open on demand (`openCompose()`), as Gmail adds them. */
const inboxWithLazyCompose = () =>
  gmailPage({
    account: 'test@gmail.com',
    body: `<div gh="tm"><div gh="mtb"></div></div><template id="compose-template"><div class="AD" data-compose-window>${domFixture('compose-dialog.html')}</div></template>`,
    setup: `
      window.openCompose = () => {
        const win = document.getElementById('compose-template').content.firstElementChild.cloneNode(true);
        win.querySelector('input[name=subjectbox]').value = 'subject_111';
        document.body.append(win);
        return document.querySelectorAll('[data-compose-window]').length;
      };`,
    syncRequest: syncSample('cvOnSend_request'),
  });

/** Records the worker's scripting.executeScript calls from now on (the worker must stay alive meanwhile). */
async function spyInjections(l: Launched): Promise<() => Promise<{ files: string[]; target: Record<string, unknown> }[]>> {
  const worker = await liveWorker(l);
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __injections?: unknown[] };
    const patched = Boolean(g.__injections);
    g.__injections = [];
    if (patched) return;
    const original = chrome.scripting.executeScript.bind(chrome.scripting);
    chrome.scripting.executeScript = ((options: chrome.scripting.ScriptInjection<unknown[], unknown>) => {
      g.__injections!.push(JSON.parse(JSON.stringify(options)));
      return original(options);
    }) as typeof chrome.scripting.executeScript;
  });
  return () => worker.evaluate(() => (globalThis as unknown as { __injections: { files: string[]; target: Record<string, unknown> }[] }).__injections);
}

type Injection = { files: string[]; target: Record<string, unknown> };
const controlsInjections = async (read: () => Promise<Injection[]>) => (await read()).filter((i) => i.files?.includes(CONTROLS));

async function openCompose(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { openCompose(): number }).openCompose());
}

describe('the Gmail payload split', () => {
  it('a page nobody touches gets no controls; the first compose gets them, injected once into that frame', async () => {
    const { l, page, errors } = await gmailWith(inboxWithLazyCompose());
    const injections = await spyInjections(l);
    await sleep(1_500);
    expect(await controlsInjections(injections)).toEqual([]);
    expect(await page.locator('follow-through-control').count()).toBe(0);

    await openCompose(page);
    await remindButton(page).waitFor();
    await openCompose(page);
    await expect.poll(() => page.locator('follow-through-control').count()).toBe(2);
    const done = await controlsInjections(injections);
    expect(done).toHaveLength(1);
    // Into the asking frame only (Chrome names its document), never all frames.
    expect(done[0]!.target).toMatchObject({ tabId: expect.any(Number) });
    expect(done[0]!.target).not.toHaveProperty('allFrames', true);
    expect(done[0]!.target.documentIds ?? done[0]!.target.frameIds).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('the user\'s first press fetches the controls before any compose; the compose then needs no second injection', async () => {
    const { l, page } = await gmailWith(inboxWithLazyCompose());
    const injections = await spyInjections(l);
    await page.mouse.click(5, 5);
    await expect.poll(async () => (await controlsInjections(injections)).length).toBe(1);
    expect(await page.locator('follow-through-control').count()).toBe(0);
    await openCompose(page);
    await remindButton(page).waitFor();
    await sleep(300);
    expect(await controlsInjections(injections)).toHaveLength(1);
  });

  it('after the worker was stopped, the first compose still gets its control (the request wakes it)', async () => {
    const { page } = await gmailWith(inboxWithLazyCompose());
    await sleep(500);
    const stopper = await workerStopper(page);
    await stopper.stop();
    await stopper.detach();
    await openCompose(page);
    await remindButton(page).waitFor({ timeout: 15_000 });
    await control(page).getByRole('button', { name: 'Remind me', exact: true }).click();
    await expect.poll(() => control(page).getByRole('button', { name: /^Tomorrow/ }).count()).toBe(1);
  });

  it('the controls script is neither declared nor reachable from the page', async () => {
    const { l, page } = await gmailWith(inboxWithLazyCompose());
    const manifest = await (await liveWorker(l)).evaluate(() => chrome.runtime.getManifest());
    expect(JSON.stringify(manifest.content_scripts)).not.toContain('controls');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    const url = `chrome-extension://${l.extensionId}/${CONTROLS}`;
    expect(await page.evaluate((u) => fetch(u).then(() => 'fetched', () => 'refused'), url)).toBe('refused');
  });
});
