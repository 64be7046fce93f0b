/**
 * Popup first render and scrolling in headless Chromium: renderChecklist (src/popup/render.tsx,
 * the real checklist with its virtualised list) against a naive list of the same 5,000 rows as
 * plain <li> elements, in the same page, rounds alternating (test/bench/popup-entry.ts).
 *
 * Fails on real errors only: a missing or broken browser, an error in the page, a translation key
 * the English locale lacks, or either strategy not showing what it should (checked in the page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from './config.mjs';
import { bundleIife } from './bundle.mjs';

// Knobs. Env: BENCH_POPUP_RUNS (measured first-render rounds per strategy, default 15, at least 5),
// BENCH_POPUP_SCROLL_RUNS (measured scroll rounds per strategy, default 5, at least 3, at most the first-render rounds).
const RUNS = Math.max(5, Number(process.env.BENCH_POPUP_RUNS) || 15);
export const POPUP = {
  rows: 5000,
  warmups: 3,
  runs: RUNS,
  scrollSteps: 50,
  // A scroll round is 150 frames per strategy; 5 of them: medians that hold on a loaded machine.
  scrollWarmups: 1,
  scrollRuns: Math.min(RUNS, Math.max(3, Number(process.env.BENCH_POPUP_SCROLL_RUNS) || 5)),
  seed: 0xf0110,
  // A Wednesday, 10:00 UTC: today's section has most of a day left.
  now: Date.UTC(2026, 2, 11, 10, 0),
  timeZone: 'UTC',
};

const ENTRY = 'test/bench/popup-entry.ts';

// The extension's own JSX settings (tsconfig.json: react-jsx with preact).
const bundlePopupEntry = () => bundleIife(ENTRY, 'FTPopupBench', { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } });

export async function popupBench() {
  // Other work on the machine shows up in every figure here: recorded with them.
  const load = os.loadavg();
  const iife = await bundlePopupEntry();
  const css = readFileSync(join(ROOT, 'src/popup/popup.css'), 'utf8');
  const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8'));

  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--js-flags=--expose-gc',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--disable-background-networking',
      // Frames as soon as the work is done instead of on the 60 Hz clock: a figure that waits for the
      // next vsync counts frames, not work (at 60 Hz the naive list's scroll steps took exactly as long as
      // the empty control's, 16.7 ms each, so any list at or under a frame's work looked the same).
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
  });
  try {
    const version = browser.version();
    // The popup's size (popup.css: body 440px wide; Chrome caps popups at 800×600) and the user's zone.
    const context = await browser.newContext({ viewport: { width: 440, height: 600 }, deviceScaleFactor: 1, timezoneId: POPUP.timeZone, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    const URL = 'https://follow-through.bench/popup.html';
    await page.route('**/*', (route) => {
      if (route.request().url() === URL) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          // Cross-origin isolated: performance.now() at 5 µs instead of 100 µs resolution.
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
          body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>Follow-Through (bench)</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
<script>${iife.replace(/<\/script/gi, '<\\/script')}</script></head><body></body></html>`,
        });
      }
      return route.abort('blockedbyclient');
    });
    await page.goto(URL, { waitUntil: 'load' });
    const setup = await page.evaluate(
      (input) => globalThis.FTPopupBench.setup(input),
      { rows: POPUP.rows, seed: POPUP.seed, now: POPUP.now, timeZone: POPUP.timeZone, messages, scrollSteps: POPUP.scrollSteps },
    );
    if (setup.rows !== POPUP.rows) throw new Error(`bench data has ${setup.rows} rows, meant ${POPUP.rows}`);

    // Strategies take turns in a rotating order, so drift (heat, other load) hits all alike.
    const ORDERS = [
      ['ours', 'naive', 'control'],
      ['naive', 'control', 'ours'],
      ['control', 'ours', 'naive'],
    ];
    // The renderer main thread's CPU time (CDP Performance.getMetrics, thread ticks: every task, and of it
    // style recalculation and layout) over the scroll steps alone, less the bench's own checks between steps.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeMetrics: 'threadTicks' });
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const call = async (fn, arg) => {
      const res = await page.evaluate(([f, a]) => globalThis.FTPopupBench[f](a), [fn, arg]);
      if (pageErrors.length) throw pageErrors[0];
      return res;
    };
    const round = async (strategy, scroll) => {
      const first = await call('mount', strategy);
      if (!scroll) {
        await call('unmountMounted');
        return first;
      }
      // Two scrolls, each measured on its own: the jump to the end, then the wheel back up from there.
      const measured = async (mode) => {
        const m0 = await metrics();
        const sc = await call('scrollMounted', mode);
        const m1 = await metrics();
        const ms = (k) => (m1[k] - m0[k]) * 1000;
        return { ...sc, main: { taskMs: ms('TaskDuration') - sc.checkMs, styleMs: ms('RecalcStyleDuration'), layoutMs: ms('LayoutDuration') } };
      };
      const sc = await measured('jump');
      const wheel = await measured('wheel');
      await call('unmountMounted');
      return { ...first, ...sc, wheel };
    };
    // One sequence of rounds; the last scrollWarmups + scrollRuns of them also scroll after the first
    // render (measured before, so it does not change the first-render figure). The control, whose scroll
    // is only the frame clock, scrolls in the last round alone.
    const total = POPUP.warmups + POPUP.runs;
    const scrollFrom = total - POPUP.scrollWarmups - POPUP.scrollRuns;
    const first = { ours: [], naive: [], control: [] };
    const scroll = { ours: [], naive: [], control: [] };
    for (let i = 0; i < total; i++) {
      for (const s of ORDERS[i % ORDERS.length]) {
        const scrolls = s === 'control' ? i === total - 1 : i >= scrollFrom;
        const res = await round(s, scrolls);
        if (i >= POPUP.warmups) first[s].push(res);
        if (scrolls && (s === 'control' || i >= scrollFrom + POPUP.scrollWarmups)) scroll[s].push(res);
      }
    }
    const results = { first, scroll };
    await context.close();
    return { version, load, setup, results };
  } finally {
    await browser.close();
  }
}
