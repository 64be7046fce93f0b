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
 *
 * Figures are ratios against baselines run in the same process; nothing here
 * asserts a speed. It fails only on real errors: a missing build, a broken
 * browser, a watcher list that no longer matches page.ts, or the two
 * strategies finding different elements.
 *
 * Prints tables (print.mjs) and writes the section "Gmail content script" of
 * docs/benchmarks.md (report.mjs), then the section "Popup checklist" (popup-report.mjs).
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_ROUNDS (measured rounds per
 * strategy, default 9), BENCH_POPUP_RUNS / BENCH_POPUP_SCROLL_RUNS (popup.mjs).
 */
import { relative } from 'node:path';
import { DOCS, ROOT } from './bench/config.mjs';
import { injectedFiles, isolatedBreakdown } from './bench/payload.mjs';
import { observerBench } from './bench/observer.mjs';
import { observerSummary, payloadSummary } from './bench/summary.mjs';
import { printBreakdown, printObserver, printPayload } from './bench/print.mjs';
import { SECTION, writeReport } from './bench/report.mjs';
import { popupBench } from './bench/popup.mjs';
import { POPUP_SECTION, popupSummary, printPopup, writePopupReport } from './bench/popup-report.mjs';

const t0 = performance.now();

async function main() {
  console.log('\n=== Gmail content script benchmarks ===\n');
  // Each table is printed as soon as it is measured: the observer run takes a while.
  const payload = payloadSummary(injectedFiles());
  printPayload(payload);
  const breakdown = await isolatedBreakdown(payload.files);
  if (breakdown) printBreakdown(breakdown);

  console.log('\nObserver cost in headless Chromium (this takes ~10–60 s)…');
  const observer = observerSummary(await observerBench());
  printObserver(observer);

  writeReport(payload, breakdown, observer);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${SECTION}") in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const t1 = performance.now();
  console.log('\n=== Popup benchmarks ===\n');
  console.log('Popup checklist, first render of 5,000 reminders and scrolling, in headless Chromium (this takes ~20–60 s)…');
  const popup = popupSummary(await popupBench());
  printPopup(popup);
  writePopupReport(popup);
  console.log(`\nWrote ${relative(ROOT, DOCS)} (section "${POPUP_SECTION}") in ${((performance.now() - t1) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  console.error('\nbench-content failed:', error?.stack ?? error);
  process.exit(1);
});
