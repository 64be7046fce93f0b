/**
 * An extension loaded — or loaded again — while a Gmail tab stays open.
 * Chromium only lets a test do that over CDP: launched with
 * --enable-unsafe-extension-debugging (and Playwright's default
 * --disable-extensions dropped), `Extensions.loadUnpacked` on a browser
 * session loads a folder; the same folder again is an update (same id,
 * same IndexedDB), as Chrome's background update would do it.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, newProfileDir, type Launched, type MailRouteHandler } from './harness';

export interface Reloadable {
  context: BrowserContext;
  profileDir: string;
  blocked: string[];
  /** The extension as loaded so far; undefined until the first load. */
  current?: Launched;
  /** Loads `extensionDir` over CDP (install, or update when it is loaded already); resolves once its new worker answers. */
  load(): Promise<Launched>;
  /** Removes the extension over CDP (the tab keeps its orphaned script). */
  uninstall(): Promise<void>;
  close(): Promise<void>;
}

export async function launchReloadable(extensionDir: string, opts: { loadAtStart: boolean; mail: MailRouteHandler }): Promise<Reloadable> {
  const profileDir = newProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(opts.loadAtStart ? [`--load-extension=${extensionDir}`] : []),
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
  const blocked: string[] = [];
  await context.route('**/*', async (route, request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (url.startsWith('https://mail.google.com/')) return opts.mail(route, request);
    blocked.push(url);
    return route.abort('blockedbyclient');
  });

  const launched = (worker: Worker): Launched => ({
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    profileDir,
    blocked,
    close: () => context.close(),
  });

  const r: Reloadable = {
    context,
    profileDir,
    blocked,
    async load() {
      const before = new Set(context.serviceWorkers());
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        await cdp.send('Extensions.loadUnpacked', { path: extensionDir });
      } finally {
        await cdp.detach().catch(() => undefined);
      }
      const worker = await newWorker(context, before);
      r.current = launched(worker);
      return r.current;
    },
    async uninstall() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        await cdp.send('Extensions.uninstall', { id: r.current!.extensionId });
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    close: () => context.close(),
  };
  if (opts.loadAtStart) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    r.current = launched(worker);
  }
  return r;
}

/** The worker the (re)load started: one not in `before` that answers. */
async function newWorker(context: BrowserContext, before: Set<Worker>): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const w of [...context.serviceWorkers()].reverse()) {
      if (before.has(w)) continue;
      try {
        await w.evaluate(() => chrome.runtime.id);
        return w;
      } catch {
        // starting or already stopped
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The reloaded extension started no service worker');
}
