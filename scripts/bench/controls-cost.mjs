/**
 * What a user pays in the Gmail tab once the controls are loaded, in headless Chromium: the real
 * bootstrap with the real controls (test/bench/controls-entry.ts) against the bootstrap alone and
 * against nothing, on the observer bench's Gmail-sized page (a thread open, a compose open, the
 * hidden inbox list) and its burst of Gmail-like mutations (observer-page.mjs).
 *
 * Per round, three phases, each measured as main-thread time from Chromium's own counters
 * (CDP Performance.getMetrics: TaskDuration, ScriptDuration, RecalcStyleDuration) plus every
 * observer and timer callback our scripts got (MutationObserver and setTimeout/setInterval wrapped
 * in the page before they start):
 *  - start: the scripts start on the open thread and compose (the controls render), then settle;
 *  - burst: MUTATIONS Gmail-like mutations, then settle (debounces fire);
 *  - idle: IDLE_MS without a mutation (an idle inbox must cost nothing: no timer keeps running);
 *  - head: Gmail's own <head> traffic as the user moves around (titles, module scripts), then settle.
 * Strategies alternate within the run; the first round of each is warm-up. Fails on real errors
 * only: a page error, the controls not showing, or the bootstrap alone showing them.
 */
import { launchOfflineChromium, MUTATIONS, ROUNDS, SEED } from './config.mjs';
import { pageProgram } from './observer-page.mjs';
import { bundleIife } from './bundle.mjs';
import { fixtureBody } from './observer.mjs';
import { fmtMs, median } from './format.mjs';

const SETTLE_MS = 700;
const IDLE_MS = 1_000;
/** Gmail's own <head> traffic: a title and a script every HEAD_GAP_MS (a user moving between threads). */
const HEAD_CHANGES = 10;
const HEAD_GAP_MS = 200;
const STRATEGIES = ['controls', 'bootstrap', 'none'];
const PHASES = ['start', 'burst', 'idle', 'head'];
const URL = 'https://mail.google.com/mail/u/0/#inbox/15f1123136926bff';

/** Runs in the page after pageProgram: wraps observers and timers, and drives one strategy's phases. */
function controlsProgram() {
  const native = { setTimeout: setTimeout.bind(globalThis), setInterval: setInterval.bind(globalThis), MutationObserver };
  let phase;
  const timed = (kind, fn) =>
    function (...args) {
      const s = phase;
      const t0 = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        if (s) {
          s[`${kind}Ms`] += performance.now() - t0;
          s[`${kind}s`]++;
        }
      }
    };
  globalThis.MutationObserver = class TimedMutationObserver extends native.MutationObserver {
    constructor(callback) {
      super(timed('observer', callback));
    }
  };
  globalThis.setTimeout = (fn, ms, ...rest) => native.setTimeout(typeof fn === 'function' ? timed('timer', fn) : fn, ms, ...rest);
  globalThis.setInterval = (fn, ms, ...rest) => native.setInterval(typeof fn === 'function' ? timed('timer', fn) : fn, ms, ...rest);

  const fresh = () => ({ observerMs: 0, observers: 0, timerMs: 0, timers: 0 });
  let stop = () => {};
  let run;
  globalThis.ctlPrepare = () => {
    globalThis.benchReset();
    run = { requests: {}, phases: {} };
    return document.getElementsByTagName('*').length;
  };
  globalThis.ctlPhase = (name) => {
    phase = run.phases[name] = fresh();
  };
  globalThis.ctlStart = (strategy) => {
    globalThis.ctlPhase('start');
    if (strategy !== 'none') stop = globalThis.FTControls.start(strategy, run);
  };
  globalThis.ctlWait = (ms) => new Promise((r) => native.setTimeout(r, ms));
  globalThis.ctlBurst = (count, seed) => globalThis.benchBurst(count, seed).then(() => undefined);
  // What Gmail does in <head> as the user moves around: a new title (navigation, unread count) and a module script.
  globalThis.ctlHeadTraffic = async (count, gapMs) => {
    for (let i = 0; i < count; i++) {
      document.title = `Inbox (${i}) - me@example.com - Gmail`;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = `{"module":${i}}`;
      document.head.append(script);
      await new Promise((r) => native.setTimeout(r, gapMs));
    }
  };
  // Real controls only: the bootstrap's placeholder buttons (shown while the controls are awaited) sit in placeholder cells.
  globalThis.ctlControls = () =>
    [...document.querySelectorAll('follow-through-control')].filter((h) => h.closest('[data-follow-through]')?.getAttribute('data-follow-through') !== 'pending').length;
  globalThis.ctlStop = () => {
    phase = undefined;
    stop();
    stop = () => {};
    return run;
  };
}


export async function controlsCostBench({ log = () => {} } = {}) {
  const iife = await bundleIife('test/bench/controls-entry.ts', 'FTControls', { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } });
  const thread = fixtureBody('thread-view-en.html');
  const compose = fixtureBody('compose-dialog.html');
  const browser = await launchOfflineChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.route('**/*', (route) =>
      route.request().url().split('#')[0] === URL.split('#')[0]
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inbox (3) - me@example.com - Gmail</title>
<script>${iife.replace(/<\/script/gi, '<\\/script')}</script>
<script>globalThis.FTBench = globalThis.FTControls;</script>
<script>(${pageProgram.toString()})();</script><script>(${controlsProgram.toString()})();</script></head><body></body></html>`,
          })
        : route.abort('blockedbyclient'),
    );
    await page.goto(URL, { waitUntil: 'load' });
    await page.evaluate((p) => globalThis.benchSetup(p), { thread, compose, rows: 120, labels: 40, targetElements: 6000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { task: get('TaskDuration'), script: get('ScriptDuration'), style: get('RecalcStyleDuration') };
    };
    const diff = (a, b) => ({ task: b.task - a.task, script: b.script - a.script, style: b.style - a.style });

    const results = Object.fromEntries(STRATEGIES.map((s) => [s, []]));
    for (let i = 0; i < ROUNDS + 1; i++) {
      const order = i % 2 ? [...STRATEGIES].reverse() : STRATEGIES;
      for (const strategy of order) {
        const elements = await page.evaluate(() => globalThis.ctlPrepare());
        const m0 = await metrics();
        await page.evaluate((s) => globalThis.ctlStart(s), strategy);
        await page.evaluate((ms) => globalThis.ctlWait(ms), SETTLE_MS);
        const m1 = await metrics();
        const shown = await page.evaluate(() => globalThis.ctlControls());
        await page.evaluate(() => globalThis.ctlPhase('burst'));
        await page.evaluate(([n, seed]) => globalThis.ctlBurst(n, seed), [MUTATIONS, SEED]);
        await page.evaluate((ms) => globalThis.ctlWait(ms), SETTLE_MS);
        const m2 = await metrics();
        await page.evaluate(() => globalThis.ctlPhase('idle'));
        await page.evaluate((ms) => globalThis.ctlWait(ms), IDLE_MS);
        const m3 = await metrics();
        await page.evaluate(() => globalThis.ctlPhase('head'));
        await page.evaluate(([n, gap]) => globalThis.ctlHeadTraffic(n, gap), [HEAD_CHANGES, HEAD_GAP_MS]);
        await page.evaluate((ms) => globalThis.ctlWait(ms), SETTLE_MS);
        const m4 = await metrics();
        const run = await page.evaluate(() => globalThis.ctlStop());
        if (errors.length) throw errors[0];
        // The controls really ran (thread control + compose button), and the bootstrap alone drew none of them.
        if (strategy === 'controls' && shown < 2) throw new Error(`controls strategy: ${shown} controls on the page (expected the thread's and the compose's)`);
        if (strategy !== 'controls' && shown !== 0) throw new Error(`${strategy} strategy: ${shown} controls on the page`);
        if (i > 0) {
          results[strategy].push({ elements, shown, requests: run.requests, start: { ...diff(m0, m1), ...run.phases.start }, burst: { ...diff(m1, m2), ...run.phases.burst }, idle: { ...diff(m2, m3), ...run.phases.idle }, head: { ...diff(m3, m4), ...run.phases.head } });
        }
      }
      log(`  round ${i + 1}/${ROUNDS + 1}${i === 0 ? ' (warm-up)' : ''}`);
    }
    return { version: browser.version(), results };
  } finally {
    await browser.close();
  }
}

/** Medians per strategy and phase. */
export function controlsCostSummary(raw) {
  const med = (s, ph, key) => median(raw.results[s].map((r) => r[ph][key]));
  const out = { version: raw.version, rounds: raw.results.controls.length, strategies: {} };
  for (const s of STRATEGIES) {
    out.strategies[s] = {};
    for (const ph of PHASES) {
      out.strategies[s][ph] = Object.fromEntries(['task', 'script', 'style', 'observerMs', 'observers', 'timerMs', 'timers'].map((k) => [k, med(s, ph, k)]));
    }
    out.strategies[s].requests = raw.results[s][0]?.requests ?? {};
  }
  return out;
}

export function printControlsCost(sum) {
  const line = (s, ph) => {
    const x = sum.strategies[s][ph];
    return `  ${s.padEnd(9)} ${ph.padEnd(5)} main thread ${fmtMs(x.task).padStart(9)}  script ${fmtMs(x.script).padStart(9)}  style ${fmtMs(x.style).padStart(8)}  observer ${String(x.observers).padStart(5)} cb ${fmtMs(x.observerMs).padStart(8)}  timers ${String(x.timers).padStart(3)} cb ${fmtMs(x.timerMs).padStart(8)}`;
  };
  console.log(`Gmail tab with the controls loaded (${MUTATIONS} mutations, median of ${sum.rounds} rounds, Chromium ${sum.version}):`);
  for (const ph of PHASES) for (const s of STRATEGIES) console.log(line(s, ph));
}

/** Rows for the summary table: the controls against the bootstrap alone, in the same run. */
export function controlsCostSummaryRows(sum) {
  const c = sum.strategies.controls;
  const b = sum.strategies.bootstrap;
  const n = sum.strategies.none;
  const r = (a, base) => (base > 0 ? `${(a / base).toFixed(2)}×` : '');
  return [
    {
      kind: 'chromium',
      figure: `Gmail tab, thread + compose open, ${MUTATIONS} Gmail mutations: main-thread time with the controls loaded`,
      ours: `${fmtMs(c.burst.task)} (observers ${fmtMs(c.burst.observerMs)}, timers ${fmtMs(c.burst.timerMs)})`,
      baseline: `${fmtMs(b.burst.task)} bootstrap alone; ${fmtMs(n.burst.task)} without the extension`,
      ratio: r(c.burst.task, b.burst.task),
    },
    {
      kind: 'chromium',
      figure: `idle Gmail tab with the controls loaded, ${IDLE_MS / 1000} s: our timer + observer callbacks`,
      ours: `${c.idle.timers + c.idle.observers} callbacks, ${fmtMs(c.idle.task)} main thread`,
      baseline: `${b.idle.timers + b.idle.observers} callbacks, ${fmtMs(b.idle.task)} (bootstrap alone)`,
      ratio: '',
    },
    {
      kind: 'chromium',
      figure: `Gmail's <head> traffic (${HEAD_CHANGES} titles + scripts) with the controls loaded: our script time`,
      ours: `${fmtMs(c.head.script)} (${c.head.timers} theme re-checks)`,
      baseline: `${fmtMs(b.head.script)} bootstrap alone`,
      ratio: r(c.head.script, b.head.script),
    },
  ];
}
