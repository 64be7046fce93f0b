#!/usr/bin/env node
/**
 * Benchmarks for the Gmail content script (the browser part of `npm run bench`;
 * run `npm run build` first, `npm run bench` does). The pieces live in scripts/bench/:
 *
 * 1. Payload (payload.mjs): what the built manifest injects into Gmail, minified and
 *    gzipped, against our targets and other Gmail libraries, plus a per-module
 *    breakdown of the isolated-world bundle.
 * 2. Observer cost in headless Chromium (observer.mjs, observer-page.mjs): watchAdded
 *    with page.ts's watcher list against a naive rescan-the-document observer.
 * 3. Popup checklist in headless Chromium (popup.mjs, popup-report.mjs, test/bench/popup-entry.ts):
 *    first render of 5,000 reminders and scrolling, against a naive <li> list.
 * 4. Storage at scale in headless Chromium (storage.mjs, storage-report.mjs, test/bench/storage-entry.ts):
 *    the real stores on IndexedDB with 50,000 reminders: what is due against a full read and
 *    filter, the popup's list query against the same at 5,000, insert throughput, size.
 * 5. The Gmail payload split (split.mjs, split-report.mjs): bytes at load and after the first compose,
 *    compose → control p50/p95, against the last build before the split built from git in the same run.
 * 5b. The controls' own cost in a Gmail tab (controls-cost.mjs, test/bench/controls-entry.ts): the real
 *    bootstrap + controls against the bootstrap alone and against nothing, on the observer page and burst.
 * 6. One summary table of every figure, these and the vitest benches (summary-table.mjs), at the top
 *    of docs/benchmarks.md. `npm run bench` runs `vitest bench --outputJson <file>` first and passes
 *    `--vitest-json <file>`; run on its own, the script marks the vitest rows as not run.
 *
 * Figures are ratios against baselines run in the same process; nothing here
 * asserts a speed. It fails only on real errors: a missing build, a broken
 * browser, a watcher list that no longer matches page.ts, or the two
 * strategies finding different elements.
 *
 * Prints tables (print.mjs) and writes the section "Gmail content script" of
 * docs/benchmarks.md (report.mjs), then the sections "Popup checklist" (popup-report.mjs),
 * "Storage at scale" (storage-report.mjs) and "Summary" (summary-table.mjs).
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_ROUNDS (measured rounds per
 * strategy, default 9), BENCH_POPUP_RUNS / BENCH_POPUP_SCROLL_RUNS (popup.mjs),
 * BENCH_STORAGE_RUNS / BENCH_STORAGE_ROWS (storage.mjs).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { relative, resolve } from 'node:path';
import { DOCS, ROOT } from './bench/config.mjs';
import { injectedFiles, isolatedBreakdown } from './bench/payload.mjs';
import { observerBench } from './bench/observer.mjs';
import { observerSummary, payloadSummary } from './bench/summary.mjs';
import { printBreakdown, printObserver, printPayload } from './bench/print.mjs';
import { SECTION, writeReport } from './bench/report.mjs';
import { popupBench } from './bench/popup.mjs';
import { POPUP_SECTION, popupSummary, printPopup, writePopupReport } from './bench/popup-report.mjs';
import { storageBench } from './bench/storage.mjs';
import { STORAGE_SECTION, printStorage, storageSummary, writeStorageReport } from './bench/storage-report.mjs';
import { SUMMARY_SECTION, printSummary, summaryRows, writeSummary } from './bench/summary-table.mjs';
import { popupOpenBench } from './bench/popup-open.mjs';
import { POPUP_OPEN_SECTION, popupOpenSummary, printPopupOpen, writePopupOpenReport } from './bench/popup-open-report.mjs';
import { splitBench } from './bench/split.mjs';
import { SPLIT_SECTION, printSplit, splitSummaryRows, writeSplitReport } from './bench/split-report.mjs';
import { controlsCostBench, controlsCostSummary, controlsCostSummaryRows, printControlsCost } from './bench/controls-cost.mjs';

const t0 = performance.now();

/** `--vitest-json <file>`: the report of the `vitest bench` run just before (see package.json "bench"). */
function vitestJsonArg(argv) {
  const i = argv.indexOf('--vitest-json');
  if (i < 0) return undefined;
  const file = argv[i + 1];
  if (!file) throw new Error('--vitest-json needs a file');
  const path = resolve(ROOT, file);
  if (!existsSync(path)) throw new Error(`--vitest-json ${file}: no such file (did vitest bench --outputJson write it?)`);
  return path;
}

async function main() {
  const vitestFile = vitestJsonArg(process.argv.slice(2));
  const load = os.loadavg();
  console.log('\n=== Gmail content script benchmarks ===\n');
  // Each table is printed as soon as it is measured: the observer run takes a while.
  const payload = payloadSummary(injectedFiles());
  printPayload(payload);
  const breakdown = await isolatedBreakdown(payload.files);
  if (breakdown) printBreakdown(breakdown);

  console.log('\nObserver cost in headless Chromium (this takes ~10–60 s)…');
  const observerRaw = await observerBench();
  const observer = observerSummary(observerRaw);
  printObserver(observer);

  console.log('\nThe controls\' own cost in a Gmail tab (bootstrap + controls vs bootstrap alone; this takes ~1–2 min)…');
  const controlsCost = controlsCostSummary(await controlsCostBench());
  printControlsCost(controlsCost);

  writeReport(payload, breakdown, observer);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${SECTION}") in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const t1 = performance.now();
  console.log('\n=== Popup benchmarks ===\n');
  console.log('Popup checklist, first render of 5,000 reminders and scrolling, in headless Chromium (this takes ~20–60 s)…');
  const popup = popupSummary(await popupBench());
  printPopup(popup);
  writePopupReport(popup);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${POPUP_SECTION}") in ${((performance.now() - t1) / 1000).toFixed(1)} s.`);

  const t2 = performance.now();
  console.log('\n=== Storage benchmarks ===\n');
  console.log('Storage at scale, 50,000 reminders in Chromium IndexedDB (this takes ~20–60 s)…');
  const storage = storageSummary(await storageBench({ log: console.log }));
  printStorage(storage);
  writeStorageReport(storage);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${STORAGE_SECTION}") in ${((performance.now() - t2) / 1000).toFixed(1)} s.`);

  const t3 = performance.now();
  console.log('\n=== Popup open at scale ===\n');
  console.log('The built popup opened with 1, 5,000 and 50,000 stored reminders (this takes ~1–2 min)…');
  const popupOpen = popupOpenSummary(await popupOpenBench({ log: console.log }));
  printPopupOpen(popupOpen);
  writePopupOpenReport(popupOpen);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${POPUP_OPEN_SECTION}") in ${((performance.now() - t3) / 1000).toFixed(1)} s.`);

  const t4 = performance.now();
  console.log('\n=== Gmail payload split ===\n');
  console.log('Bytes at load and after the first compose, compose → control in the built extension, against the last build before the split (this takes ~3–6 min; the first run also builds the baseline)…');
  const split = await splitBench({ log: console.log });
  printSplit(split);
  writeSplitReport(split);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${SPLIT_SECTION}") in ${((performance.now() - t4) / 1000).toFixed(1)} s.`);

  const rows = [...summaryRows({ vitestFile, payload, observerRaw, popup, storage, popupOpen }), ...controlsCostSummaryRows(controlsCost), ...splitSummaryRows(split)];
  const chromium = storage.bench.version;
  printSummary(rows, { chromium });
  writeSummary(rows, { chromium, load });
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${SUMMARY_SECTION}"${vitestFile ? `, vitest figures from ${relative(ROOT, vitestFile)}` : ', vitest rows marked not run: no --vitest-json'}).`);
}

main().catch((error) => {
  console.error('\nbench-content failed:', error?.stack ?? error);
  process.exit(1);
});
