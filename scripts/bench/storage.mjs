/**
 * Storage at scale in headless Chromium: the extension's real storage code (src/storage:
 * openReminderDb, reminderStore, checkStore, bulkStore) on real Chromium IndexedDB, bundled from
 * test/bench/storage-entry.ts. A persistent profile in a temp dir, so IndexedDB is on disk as in
 * the extension (Playwright's default contexts are off the record, their IndexedDB in memory).
 *
 * One page holds three fresh databases: 50,000 reminders and 5,000 (the same mix) at today's schema,
 * and the same 50,000 at schema v4 (two more indexes, no counts: the baseline of size and writes).
 * Measured, with rounds taking turns in a rotating order: "what is due" (store.fireDue's read)
 * against a full getAll + filter; checks.due and nextDueAt; the popup's list as reminder.list reads
 * it (list-query.ts: first pages through the indexes, counts) and the old full read (store.all +
 * groupIntoSections) as its baseline, each at 50,000 against 5,000. Also write throughput
 * (bulkStore.putAll, reminderStore.create) at v4 and today, and each database's size
 * (navigator.storage.estimate).
 *
 * Fails on real errors only: a missing or broken browser, an error in the page, or any query
 * answering other than the seeded data says (checked in the page).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './config.mjs';
import { bundleIife } from './bundle.mjs';

// Knobs. Env: BENCH_STORAGE_RUNS (measured rounds per query, default 3, at least 3: a round reads
// the 50,000 in full twice, seconds each, and seeding takes ~20 s; 3 keep this part near half a minute),
// BENCH_STORAGE_ROWS (the large store, default 50,000; the small one is a tenth).
const ROWS = Math.max(1000, Number(process.env.BENCH_STORAGE_ROWS) || 50_000);
export const STORAGE = {
  rows: ROWS,
  smallRows: Math.round(ROWS / 10),
  batch: 1000,
  warmups: 1,
  runs: Math.max(3, Number(process.env.BENCH_STORAGE_RUNS) || 3),
  importRows: 1000,
  createRows: 200,
  seed: 0x5709e,
  // A Wednesday, 10:00 UTC.
  now: Date.UTC(2026, 2, 11, 10, 0),
};

const ENTRY = 'test/bench/storage-entry.ts';
const ORIGIN = 'https://follow-through.bench';
const URL = `${ORIGIN}/storage.html`;
// The v4 baseline lives in its own origin: navigator.storage.estimate() is per origin, so each store's size is its own.
const URL_V4 = 'https://v4.follow-through.bench/storage.html';

const bundleStorageEntry = () => bundleIife(ENTRY, 'FTStorageBench');

export async function storageBench({ log = () => {} } = {}) {
  const load = os.loadavg();
  const iife = await bundleStorageEntry();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'ft-bench-storage-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      timezoneId: 'UTC',
      locale: 'en-US',
      args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', '--host-resolver-rules=MAP * ~NOTFOUND', '--disable-background-networking'],
    });
    await context.route('**/*', (route) => {
      if (route.request().url() === URL || route.request().url() === URL_V4) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          // Cross-origin isolated: performance.now() at 5 µs instead of 100 µs resolution.
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
          body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Follow-Through storage (bench)</title>
<script>${iife.replace(/<\/script/gi, '<\\/script')}</script></head><body></body></html>`,
        });
      }
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageV4 = await context.newPage();
    const pageErrors = [];
    for (const p of [page, pageV4]) p.on('pageerror', (e) => pageErrors.push(e));
    await page.goto(URL, { waitUntil: 'load' });
    await pageV4.goto(URL_V4, { waitUntil: 'load' });
    const callOn = (p) => async (fn, arg) => {
      const res = await p.evaluate(([f, a]) => globalThis.FTStorageBench[f](a), [fn, arg]);
      if (pageErrors.length) throw pageErrors[0];
      return res;
    };
    const call = callOn(page);
    const callV4 = callOn(pageV4);

    // A fresh name per run as well as a fresh profile: nothing left over can be measured.
    const stamp = `${Date.now().toString(36)}-${process.pid}`;
    // `v4`: the same 50,000 in a database at schema v4 (the two unread indexes still there, no counts store), the
    // baseline of the size and write figures; the same storage code writes it (without counts, as it must there).
    const opened = await call('open', { now: STORAGE.now, names: { large: `follow-through-bench-${stamp}-large`, small: `follow-through-bench-${stamp}-small` } });
    const openedV4 = await callV4('open', { now: STORAGE.now, names: { v4: `follow-through-bench-${stamp}-v4` }, versions: { v4: 4 } });
    opened.dbs.v4 = openedV4.dbs.v4;
    // A persistent context has no Browser object to ask, and the user agent is reduced (156.0.0.0): ask over CDP.
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    await cdp.detach();
    const version = product.replace(/^.*\//, '');

    // The small store first: the large one's size is then the usage it adds.
    log(`  seeding ${STORAGE.smallRows.toLocaleString('en')} reminders…`);
    const small = await call('insert', { key: 'small', rows: STORAGE.smallRows, seed: STORAGE.seed + 1, batch: STORAGE.batch, tag: '9' });
    log(`  seeding ${STORAGE.rows.toLocaleString('en')} reminders at schema v4 (the baseline)…`);
    const v4 = await callV4('insert', { key: 'v4', rows: STORAGE.rows, seed: STORAGE.seed, batch: STORAGE.batch, tag: '8' });
    log(`  seeding the same ${STORAGE.rows.toLocaleString('en')} reminders at schema v${opened.dbs.large.version}…`);
    const large = await call('insert', { key: 'large', rows: STORAGE.rows, seed: STORAGE.seed, batch: STORAGE.batch, tag: '8' });
    const census = await call('census', { key: 'large' });

    // Pairs of [database, query]; every round runs each once, in a rotating order.
    const TASKS = [
      ['large', 'fireDue'],
      ['large', 'getAllFilter'],
      ['large', 'checksDue'],
      ['large', 'nextDueAt'],
      ['large', 'list'],
      ['small', 'list'],
      ['large', 'listAll'],
      ['small', 'listAll'],
      ['small', 'fireDue'],
    ];
    const results = Object.fromEntries(TASKS.map(([k, t]) => [`${k}:${t}`, []]));
    const total = STORAGE.warmups + STORAGE.runs;
    log(`  ${total} rounds of ${TASKS.length} queries…`);
    for (let i = 0; i < total; i++) {
      for (let j = 0; j < TASKS.length; j++) {
        const [key, task] = TASKS[(i + j) % TASKS.length];
        const res = await call('run', { key, task });
        if (i >= STORAGE.warmups) results[`${key}:${task}`].push(res);
      }
    }
    const censusAfter = await call('census', { key: 'large' });
    if (JSON.stringify(censusAfter) !== JSON.stringify(census)) {
      throw new Error(`the measured reads changed the store: ${JSON.stringify(census)} before, ${JSON.stringify(censusAfter)} after`);
    }
    log('  writing through bulkStore.putAll and reminderStore.create, at v4 and today, twice in turn…');
    // Alternating v4 / today / today / v4, so neither always writes first; each pair's times are summed.
    const sample = (key, seed) => (key === 'v4' ? callV4 : call)('writeSample', { key, importRows: STORAGE.importRows, createRows: STORAGE.createRows, seed });
    const rounds = [];
    for (const [i, order] of [['v4', 'large'], ['large', 'v4']].entries()) {
      const out = {};
      for (const key of order) out[key] = await sample(key, STORAGE.seed + 2 + i);
      rounds.push(out);
    }
    const sum = (key) => ({
      importMs: rounds.reduce((n, r) => n + r[key].importMs, 0),
      importRows: rounds.reduce((n, r) => n + r[key].importRows, 0),
      createMs: rounds.reduce((n, r) => n + r[key].createMs, 0),
      createRows: rounds.reduce((n, r) => n + r[key].createRows, 0),
    });
    const writes = sum('large');
    const writesV4 = sum('v4');
    log('  migrating the v4 store to today\'s schema…');
    const migrated = await callV4('migrate', { key: 'v4' });
    const afterAll = await call('estimate');
    await pageV4.close();
    await page.close();
    await context.close();
    context = undefined;
    return { version, load, opened, small, large, v4, census, results, writes, writesV4, migrated, afterAll };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}
