/**
 * The popup opened to its first visible row with 1, 5,000 and 50,000 stored reminders, in the built
 * extension (dist/) on headless Chromium: the real popup page, the real background answering
 * `reminder.list` from the real IndexedDB. The store grows in the same profile (1 → 5,000 → 50,000),
 * so the three figures share one run; each is the baseline of the next. Also what the store takes on
 * disk per reminder (navigator.storage.estimate of the extension's origin).
 *
 * Data: test/unit/storage/history-data.ts, a heavy user's few years (mostly replied and done).
 * Fails on real errors only: no build, no worker, a popup that shows no row.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from './config.mjs';
import { bundleIife } from './bundle.mjs';
import { median } from './format.mjs';

export const POPUP_OPEN = {
  sizes: [1, 5000, 50000],
  warmups: 2,
  runs: Math.max(5, Number(process.env.BENCH_POPUP_OPEN_RUNS) || 9),
  /** The size a 50,000-reminder store must stay under (stated in docs/benchmarks.md). */
  limitBytes: 60e6,
};

// Records, from the start of navigation, when the first reminder row is in the DOM and laid out.
const FIRST_ROW_PROBE = `(() => {
  const seen = () => { const row = document.querySelector('.row[data-id]'); return row && row.getBoundingClientRect().height > 0; };
  const mo = new MutationObserver(() => { if (globalThis.__firstRowAt === undefined && seen()) { globalThis.__firstRowAt = performance.now(); mo.disconnect(); } });
  mo.observe(document, { childList: true, subtree: true });
})();`;

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

export async function popupOpenBench({ log = () => {} } = {}) {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error('No build in dist/: run npm run build first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const load = os.loadavg();
  const seedCode = await bundleIife('test/bench/popup-open-entry.ts', 'FTPopupOpenBench');
  const profile = mkdtempSync(join(tmpdir(), 'ft-bench-popup-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 440, height: 600 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort('blockedbyclient')));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const id = new URL(worker.url()).host;
    const version = context.browser()?.version() ?? 'unknown';
    const popupUrl = `chrome-extension://${id}/src/popup/index.html`;
    await context.addInitScript(FIRST_ROW_PROBE);

    const seeder = await context.newPage();
    await seeder.goto(`chrome-extension://${id}/src/options/index.html`);
    await seeder.evaluate(seedCode);
    // The background creates the database on its first wake-up; wait until it is there.
    await seeder.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'follow-through'), null, { timeout: 15_000 });
    const base = await seeder.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const now = Date.now();
    const total = POPUP_OPEN.sizes.at(-1);

    const stages = [];
    let have = 0;
    for (const size of POPUP_OPEN.sizes) {
      const t0 = performance.now();
      const seeded = await seeder.evaluate(([from, to, n, all]) => globalThis.FTPopupOpenBench.seed(from, to, n, all), [have, size, now, total]);
      if (seeded.count !== size) throw new Error(`store holds ${seeded.count} reminders, meant ${size}`);
      log(`  ${size.toLocaleString('en')} reminders stored (${((performance.now() - t0) / 1000).toFixed(1)} s); opening the popup ${POPUP_OPEN.warmups} + ${POPUP_OPEN.runs} times…`);
      have = size;
      const times = [];
      let headers;
      for (let i = 0; i < POPUP_OPEN.warmups + POPUP_OPEN.runs; i++) {
        const page = await context.newPage();
        await page.goto(popupUrl);
        await page.waitForFunction(() => globalThis.__firstRowAt !== undefined, null, { timeout: 60_000, polling: 50 });
        const at = await page.evaluate(() => globalThis.__firstRowAt);
        const rows = await page.evaluate(() => document.querySelectorAll('.row[data-id]').length);
        if (rows < 1) throw new Error('the popup shows no row');
        // What the section headers say (the history ones exact from the stored counts), from the last open.
        if (i === POPUP_OPEN.warmups + POPUP_OPEN.runs - 1) {
          // The list is virtualised: scroll it through, half a screen at a time, collecting every header.
          headers = await page.evaluate(async () => {
            const out = {};
            const viewport = document.querySelector('.viewport');
            const collect = () => {
              for (const h of document.querySelectorAll('h2.section')) out[h.id.replace(/^h-/, '')] = h.querySelector('.count')?.textContent ?? '';
            };
            collect();
            for (let top = 0; viewport && top <= viewport.scrollHeight; top += Math.max(100, viewport.clientHeight / 2)) {
              viewport.scrollTop = top;
              viewport.dispatchEvent(new Event('scroll'));
              await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
              collect();
            }
            return out;
          });
        }
        await page.close();
        if (i >= POPUP_OPEN.warmups) times.push(at);
      }
      // Replied and done headers are exact, as the store holds them.
      for (const status of ['replied', 'done']) {
        const n = seeded.statuses[status] ?? 0;
        if (n > 0 && headers[status] !== n.toLocaleString('en')) throw new Error(`the ${status} header says ${headers[status]}, the store holds ${n.toLocaleString('en')}`);
      }
      stages.push({ size, times, med: median(times), p90: pct(times, 0.9), usage: seeded.usageAfter - base, jsonChars: seeded.jsonChars, statuses: seeded.statuses, headers });
    }
    await seeder.close();
    return { version, load, stages, now };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
