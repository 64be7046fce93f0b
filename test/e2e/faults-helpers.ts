/**
 * Helpers for the fault e2e tests (faults.test.ts): launching an extension
 * from any directory (a snapshot of dist/, an old build), stopping service
 * workers with precise timing, building the "previous release".
 */
import { chromium, type CDPSession, type Page, type Worker } from 'playwright-core';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM, DIST, newProfileDir, OFFLINE_ARGS, routeOffline, type Launched, type MailRouteHandler } from './harness';

const run = promisify(execFile);

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/**
 * Copies a built extension into `to` (replacing what was there). The path
 * decides an unpacked extension's id, so copying each build into the same
 * path keeps the id — and with it the IndexedDB origin — across "updates".
 */
export function installBuild(from: string, to: string, version?: string): void {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`No built extension in ${from}: run npm run build first`);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  if (version) {
    const path = join(to, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { version: string };
    manifest.version = version;
    writeFileSync(path, JSON.stringify(manifest, null, 2));
  }
}

/**
 * What a real update does to the service worker, for an unpacked extension
 * loaded from the command line. A store update (or a reload on
 * chrome://extensions) unregisters the old worker and registers the new
 * one. Relaunching Chromium (156) with --load-extension on changed files
 * and a higher version does not: the profile keeps the installed worker
 * and its cached scripts, so the OLD code would keep running. Removing the
 * profile's service-worker registration store (never IndexedDB, storage or
 * alarms) makes the relaunch register the new build's worker, as an update
 * would. The browser must be closed.
 */
export function dropServiceWorkerRegistrations(profileDir: string): void {
  rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
}

/** A private copy of dist/, so another `npm run build` during the run cannot pull the extension away mid-test. */
export function snapshotDist(): string {
  const dir = join(tempDir('ft-faults-ext-'), 'extension');
  installBuild(DIST, dir);
  return dir;
}

/**
 * Builds the production sources with the database capped at `dbVersion`
 * (test/e2e/faults-old-build.vite.config.ts) into `outDir`: a stand-in for
 * the release before the later migrations.
 */
export async function buildOldExtension(outDir: string, dbVersion: number): Promise<void> {
  await viteBuild(outDir, 'test/e2e/faults-old-build.vite.config.ts', { FT_DB_VERSION_CAP: String(dbVersion) });
}

/** The production build of the current sources (vite.config.ts as is) into `outDir`, leaving dist/ alone. */
export async function buildCurrentExtension(outDir: string): Promise<void> {
  await viteBuild(outDir, 'vite.config.ts');
}

async function viteBuild(outDir: string, config: string, env: Record<string, string> = {}): Promise<void> {
  const root = resolve('.');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, ...env },
    timeout: 150_000,
  });
  if (!existsSync(join(outDir, 'manifest.json'))) throw new Error(`The build (${config}) left no manifest in ${outDir}`);
}

/** Like harness.launch, but loads the extension from `extensionDir`. */
export async function launchFrom(extensionDir: string, opts: { profileDir?: string; mail?: MailRouteHandler } = {}): Promise<Launched> {
  const profileDir = opts.profileDir ?? newProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...OFFLINE_ARGS,
    ],
  });
  const blocked = await routeOffline(context, opts.mail);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host, profileDir, blocked, close: () => context.close() };
}

/** One CDP session kept open, so a stop lands within milliseconds of the call (no session set-up in between). */
export async function workerStopper(page: Page): Promise<{ stop(): Promise<void>; detach(): Promise<void> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return {
    stop: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

/** A live service worker: the newest one that still answers (a stopped one throws on evaluate). */
export async function liveWorker(l: Launched, timeout = 20_000): Promise<Worker> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const w of [...l.context.serviceWorkers()].reverse()) {
      try {
        await w.evaluate(() => 1);
        return w;
      } catch {
        // stopped; try the next
      }
    }
    if (Date.now() > deadline) throw new Error('No live service worker');
    // Wake one: any extension event starts it again.
    const page = l.context.pages().find((p) => p.url().startsWith('chrome-extension://'));
    if (page) await page.evaluate(() => chrome.runtime.sendMessage({ v: 1, type: 'settings.get', payload: {} })).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface AlarmInfo {
  name: string;
  scheduledTime: number;
}

export async function alarmsOf(l: Launched): Promise<AlarmInfo[]> {
  const w = await liveWorker(l);
  return w.evaluate(async () => (await chrome.alarms.getAll()).map((a) => ({ name: a.name, scheduledTime: a.scheduledTime })));
}

export async function notificationsOf(l: Launched): Promise<string[]> {
  const w = await liveWorker(l);
  return w.evaluate(async () => Object.keys(await chrome.notifications.getAll()).sort());
}

/** Names and key paths of the reminders store's indexes, read from an extension page. */
export async function reminderIndexes(page: Page): Promise<{ version: number; indexes: Record<string, string | string[]> }> {
  return page.evaluate(
    () =>
      new Promise<{ version: number; indexes: Record<string, string | string[]> }>((res, rej) => {
        const open = indexedDB.open('follow-through');
        open.onupgradeneeded = () => {
          open.transaction?.abort();
        };
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('reminders').objectStore('reminders');
          const indexes = Object.fromEntries([...store.indexNames].map((n) => [n, store.index(n).keyPath as string | string[]]));
          const version = db.version;
          db.close();
          res({ version, indexes });
        };
      }),
  );
}
