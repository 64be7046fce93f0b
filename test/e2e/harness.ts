/**
 * Real-browser harness: Debian's Chromium, headless, with the built
 * extension loaded. Every request is answered locally (Gmail fixtures) or
 * refused and recorded, so nothing leaves the machine.
 */
import { afterEach } from 'vitest';
import { chromium, type BrowserContext, type Page, type Request, type Route, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Reminder } from '../../src/core/reminder';
import type { Reply } from '../../src/core/protocol/messages';
import type { RequestInput, RequestType } from '../../src/core/protocol/schemas';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(process.env.EXTENSION_DIST ?? 'dist');

export type MailRouteHandler = (route: Route, request: Request) => Promise<void> | void;

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  /** Requests that tried to leave the machine (refused). */
  blocked: string[];
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'ft-profile-'));
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Chromium flags every e2e launch shares: quiet, and any host we do not route resolves nowhere. */
export const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Answers Gmail with `mail`, lets the extension's own pages through, refuses (and records) everything else. */
export async function routeOffline(context: BrowserContext, mail?: MailRouteHandler): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', async (route, request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (url.startsWith('https://mail.google.com/') && mail) return mail(route, request);
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}

export async function launch(opts: { profileDir?: string; mail?: MailRouteHandler; lang?: string } = {}): Promise<Launched> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No built extension in ${DIST}: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const profileDir = opts.profileDir ?? newProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    // The browser UI language decides the extension's locale (chrome.i18n); on Linux it follows LANGUAGE.
    ...(opts.lang ? { locale: opts.lang, env: { ...process.env, LANGUAGE: opts.lang } } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ...OFFLINE_ARGS,
    ],
  });
  const blocked = await routeOffline(context, opts.mail);

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    blocked,
    close: () => context.close(),
  };
}

/**
 * Registers, for the calling test file, that every browser handed to the returned function is closed (and its
 * profile removed) after the test that launched it; answers the browser, so `track(await launch(…))` reads naturally.
 */
export function closedAfterEach(): (l: Launched) => Launched {
  let open: Launched[] = [];
  afterEach(async () => {
    await Promise.all(open.map((l) => l.close().catch(() => undefined)));
    open.forEach((l) => removeProfileDir(l.profileDir));
    open = [];
  });
  return (l) => {
    open.push(l);
    return l;
  };
}

/** The current service worker (a new one after the old was stopped). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  const live = context.serviceWorkers();
  return live[live.length - 1] ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

export async function openExtensionPage(l: Launched, path = 'src/popup/index.html'): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/${path}`);
  return page;
}

/** Sends a protocol message from an extension page, as the popup does. */
export async function send<K extends RequestType>(page: Page, type: K, payload: RequestInput<K>): Promise<Reply<K>> {
  return page.evaluate(messageInPage, [type, payload] as const) as Promise<Reply<K>>;
}

/** In an extension page (Chromium or Firefox): one protocol message to the background. */
export function messageInPage([type, payload]: readonly [string, unknown]): Promise<unknown> {
  return chrome.runtime.sendMessage({ v: 1, type, payload });
}

export async function sendOk<K extends RequestType>(page: Page, type: K, payload: RequestInput<K>) {
  const reply = await send(page, type, payload);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

/** Reads the reminders straight from the extension's IndexedDB (an extension page shares its origin). */
export async function readReminders(page: Page): Promise<Reminder[]> {
  return page.evaluate(remindersInPage);
}

/** In an extension page (Chromium or Firefox): every stored reminder, read straight from IndexedDB. */
export function remindersInPage(): Promise<Reminder[]> {
  return new Promise<Reminder[]>((resolvePromise, reject) => {
    const open = indexedDB.open('follow-through');
    let missing = false;
    // Never create the database from the test: that would skip the extension's migrations.
    open.onupgradeneeded = () => {
      missing = true;
      open.transaction?.abort();
    };
    open.onerror = () => (missing ? resolvePromise([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('reminders').objectStore('reminders').getAll();
      req.onsuccess = () => {
        db.close();
        resolvePromise(req.result as Reminder[]);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

export async function notificationIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).sort());
}

export async function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Kills every service worker like Chrome does when idle; the next event starts a fresh one. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Polls until `check` returns a truthy value; fails with the last value seen. */
export async function waitFor<T>(check: () => Promise<T>, { timeout = 15_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`Timed out waiting for ${what}; last value ${JSON.stringify(last)} ${lastError ?? ''}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core in the page as it is now; answers the violations of impact `serious` or `critical`. */
export async function axeViolations(page: Page, impacts: readonly string[] = ['serious', 'critical']): Promise<AxeViolation[]> {
  // Extension pages forbid inline scripts (CSP script-src 'self'), so addScriptTag cannot inject axe; an evaluation over CDP is not subject to CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE_SOURCE, 'utf8')}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact !== null && impacts.includes(v.impact));
}

/** A readable failure message listing each violation and the elements it was found on. */
export function formatViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = violations.flatMap((v) => [
    `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
  ]);
  return `${where}: ${violations.length} serious/critical axe violation(s)\n${lines.join('\n')}`;
}
