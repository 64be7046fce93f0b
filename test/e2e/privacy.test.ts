/**
 * Proof, not promise: every request of a full run (popup, options, a Gmail
 * compose sent, a reply check) goes to our own extension or to
 * https://mail.google.com, and nothing even tried to go elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, removeProfileDir } from './harness';
import { fullFlow, ME, REPLY_THREAD, type FlowRun } from './full-flow';

let run: FlowRun;
beforeAll(async () => {
  run = await fullFlow();
}, 90_000);
afterAll(async () => {
  if (!run) return;
  await run.l.close().catch(() => undefined);
  removeProfileDir(run.l.profileDir);
});

describe('privacy: where requests go during a full run', () => {
  it('every request is to chrome-extension://<our id>/ or https://mail.google.com/, and none was blocked', () => {
    const ours = `chrome-extension://${run.l.extensionId}/`;
    const elsewhere = run.requests.filter((r) => !r.url.startsWith(ours) && !r.url.startsWith('https://mail.google.com/'));
    expect(elsewhere).toEqual([]);
    expect(run.l.blocked).toEqual([]);
  });

  it('the recorder saw the whole run: extension pages, the Gmail page and its send, and the worker\'s reply check', () => {
    const ours = `chrome-extension://${run.l.extensionId}/`;
    const urls = run.requests.map((r) => r.url);
    // (Extension documents are not network requests in Chromium; their scripts are.)
    for (const page of ['src/popup/index.html', 'src/options/index.html']) {
      const entry = /<script[^>]*\ssrc="\/([^"]+)"/.exec(readFileSync(join(DIST, page), 'utf8'))?.[1];
      expect(entry, page).toBeDefined();
      expect(urls).toContain(`${ours}${entry}`);
    }
    expect(urls.some((u) => u.startsWith('https://mail.google.com/mail/u/0/'))).toBe(true);
    expect(run.requests.some((r) => r.method === 'POST' && /^https:\/\/mail\.google\.com\/sync\/u\/0\/i\/s\?/.test(r.url))).toBe(true);
    // The reply check is the service worker's own request; it was seen, and it is the only kind the worker makes.
    const fromWorker = run.requests.filter((r) => r.fromWorker && !r.url.startsWith(ours));
    expect(fromWorker.length).toBeGreaterThan(0);
    for (const r of fromWorker) {
      const url = new URL(r.url);
      expect(r.method).toBe('GET');
      expect(url.origin + url.pathname).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/\d+\/$/);
      expect(url.searchParams.get('view')).toBe('pt');
    }
  });

  it('the reply check asked only for the thread that was due, as its own account', () => {
    expect(run.printViews.length).toBeGreaterThan(0);
    for (const u of run.printViews) {
      const url = new URL(u);
      expect(url.searchParams.get('th')).toBe(REPLY_THREAD);
      expect(url.searchParams.get('authuser')).toBe(ME);
    }
  });
});
