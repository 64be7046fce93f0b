// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { load } from '../gmail-dom/dom';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { watchTheme } from '../../../src/content/controller/theme-watch';
import { controls, deliverAccount, fakeDeps, setPageUrl, settle } from './harness';

const DARK = 'rgb(32, 33, 36)';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const themes = () => controls().map((c) => c.getAttribute('data-theme'));

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

async function gmail() {
  setPageUrl();
  load('compose-dialog.html');
  const fake = fakeDeps();
  stop = startGmailIntegration(fake.deps);
  await settle();
  deliverAccount('test@gmail.com');
  expect(controls()).toHaveLength(1);
  return fake;
}

describe('Gmail theme switches are followed without a reload', () => {
  it('a stylesheet swap in <head> turns the control dark, and back to light', async () => {
    await gmail();
    expect(themes()).toEqual(['light']);
    const sheet = document.createElement('style');
    sheet.textContent = `body { background-color: ${DARK}; }`;
    document.head.append(sheet);
    await vi.waitFor(() => expect(themes()).toEqual(['dark']));
    sheet.remove();
    await vi.waitFor(() => expect(themes()).toEqual(['light']));
  });

  it('a class change on <body> (with its rule already loaded) is seen too', async () => {
    await gmail();
    const sheet = document.createElement('style');
    sheet.textContent = `body.theme-dark { background-color: ${DARK}; }`;
    document.head.append(sheet);
    await wait(200);
    expect(themes()).toEqual(['light']);
    document.body.classList.add('theme-dark');
    await vi.waitFor(() => expect(themes()).toEqual(['dark']));
  });

  it('a rewritten style element (same node, new text) counts', async () => {
    await gmail();
    const sheet = document.createElement('style');
    sheet.textContent = 'body { background-color: rgb(255, 255, 255); }';
    document.head.append(sheet);
    await wait(200);
    sheet.textContent = `body { background-color: ${DARK}; }`;
    await vi.waitFor(() => expect(themes()).toEqual(['dark']));
  });

  it('Gmail working in its page body costs no style reads', async () => {
    await gmail();
    const reads = vi.spyOn(window, 'getComputedStyle');
    for (let i = 0; i < 50; i++) document.body.append(Object.assign(document.createElement('span'), { textContent: `row ${i}` }));
    document.querySelector('div.M9')!.setAttribute('style', 'color: red');
    await wait(300);
    expect(reads).not.toHaveBeenCalled();
  });

  it('bursts of head changes collapse into one re-check, and nothing runs after stop', async () => {
    setPageUrl();
    load('compose-dialog.html');
    const host = document.querySelector('div.M9')!.appendChild(document.createElement('follow-through-control'));
    host.setAttribute('data-theme', 'light');
    const reads = vi.spyOn(window, 'getComputedStyle');
    const stopWatch = watchTheme(document, window, () => {});
    for (let i = 0; i < 20; i++) document.head.append(document.createElement('style'));
    await wait(300);
    const perCheck = reads.mock.calls.length;
    expect(perCheck).toBeGreaterThan(0);
    // One check walks from the host up to the first opaque background: at most 25 reads.
    expect(perCheck).toBeLessThanOrEqual(25);
    stopWatch();
    document.head.append(document.createElement('style'));
    await wait(300);
    expect(reads.mock.calls.length).toBe(perCheck);
  });

  it("Gmail's own head traffic — the title on navigation and unread counts, module scripts, the favicon — costs no style reads", async () => {
    setPageUrl();
    load('compose-dialog.html');
    document.querySelector('div.M9')!.appendChild(document.createElement('follow-through-control'));
    const icon = Object.assign(document.createElement('link'), { rel: 'shortcut icon', href: 'https://mail.google.com/favicon.ico' });
    document.head.append(icon);
    const reads = vi.spyOn(window, 'getComputedStyle');
    const stopWatch = watchTheme(document, window, () => {});
    for (let i = 0; i < 10; i++) {
      document.title = `Inbox (${i}) - me@example.com - Gmail`;
      document.head.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: `{"m":${i}}` }));
      icon.href = `https://mail.google.com/favicon_${i}.ico`;
      document.head.append(Object.assign(document.createElement('meta'), { name: 'x', content: String(i) }));
      await wait(20);
    }
    await wait(300);
    expect(reads).not.toHaveBeenCalled();
    // A stylesheet among them still counts.
    document.title = 'Inbox - me@example.com - Gmail';
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet' }));
    await vi.waitFor(() => expect(reads).toHaveBeenCalled());
    stopWatch();
  });

  it('a theme switch by a new stylesheet link, or a rule edited inside a style element, is still followed', async () => {
    await gmail();
    const sheet = document.createElement('style');
    sheet.append(document.createTextNode('body { background-color: rgb(255, 255, 255); }'));
    document.head.append(sheet);
    await wait(200);
    expect(themes()).toEqual(['light']);
    (sheet.firstChild as Text).data = `body { background-color: ${DARK}; }`;
    await vi.waitFor(() => expect(themes()).toEqual(['dark']));
  });
});
