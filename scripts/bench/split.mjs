/**
 * The Gmail payload split (issue 13): bytes injected into every Gmail page at load and after the
 * first compose, and the time from a compose appearing to our control being visible, for this
 * build (dist/: bootstrap in the manifest, controls injected on first need) against the last build
 * before the split, built from git in the same run.
 *
 * Baseline: the parent of the commit that added src/content/controls.ts (found with git log; set
 * BENCH_BASELINE_REF to build another ref), exported with `git archive` into
 * node_modules/.cache/follow-through/bench-baseline-<sha>/ and built there with this repo's
 * node_modules (kept between runs: a commit's build never changes).
 *
 * Latency: the built extension in headless Chromium, mail.google.com routed to a Gmail page whose
 * compose window (the real compose-dialog.html fixture) is added on demand, as Gmail adds one.
 * Rounds alternate between the two builds (each in its own browser), so both see the same load.
 * Each round is a fresh page load (the first compose of a page is the one that pays for loading
 * the controls), the bootstrap given 1 s to start; then, in the page, `performance.now()` when
 * the compose is added, again when a `follow-through-control` in it has a rendered button with a
 * layout box (the bootstrap's placeholder counts: same look, same place, a press on it is kept), and
 * again when that is the real control (a MutationObserver plus a frame loop). The compose is opened either by a script with
 * no interaction before it (the worst case: nothing fetched yet) or by clicking a Compose button
 * (mouse down, 80 ms, up; the page opens the compose on click, as Gmail does); and the worker is
 * either running (a recent wake-up) or stopped just before (CDP ServiceWorker.stopAllWorkers: the
 * load request has to wake it, as after 30 s of idleness).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, DIST, FIXTURES, ROOT } from './config.mjs';
import { injectedFiles } from './payload.mjs';

export const SPLIT = {
  warmups: 2,
  rounds: Math.max(5, Number(process.env.BENCH_SPLIT_ROUNDS) || 15),
  settleMs: 1000,
  /** How long the bench's click holds the button (people hold a click ~80–120 ms). */
  pressMs: 80,
  /**
   * A compose window opened at its address (Gmail's pop-out, a compose link, mailto): how long after the page's load
   * event the bench page builds the compose. Real Gmail loads its whole app first and shows the compose a second or
   * more after the address opened; 250 ms is well on the short side of that, so it does not flatter a fetch at load.
   */
  popoutBuildMs: 250,
  popoutUrl: 'https://mail.google.com/mail/u/0/?view=cm&fs=1&to=bob@example.com&su=Quote',
  controlsFile: 'src/content/controls.js',
};

const git = (...args) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();

/** The commit the baseline is built from, and why. */
export function baselineRef() {
  if (process.env.BENCH_BASELINE_REF) return { sha: git('rev-parse', process.env.BENCH_BASELINE_REF), why: `BENCH_BASELINE_REF=${process.env.BENCH_BASELINE_REF}` };
  const added = git('log', '--diff-filter=A', '--format=%H', '--', 'src/content/controls.ts').split('\n').filter(Boolean).at(-1);
  if (!added) throw new Error('no commit adds src/content/controls.ts: set BENCH_BASELINE_REF');
  return { sha: git('rev-parse', `${added}^`), why: `parent of ${added.slice(0, 10)} (the commit that added src/content/controls.ts)` };
}

/** Builds (or reuses) the baseline's dist/ and returns its path. */
export function baselineDist({ sha }, log = () => {}) {
  const dir = join(ROOT, 'node_modules', '.cache', 'follow-through', `bench-baseline-${sha.slice(0, 12)}`);
  const dist = join(dir, 'dist');
  if (existsSync(join(dist, 'manifest.json'))) return dist;
  log(`  building the baseline ${sha.slice(0, 10)} in ${dir} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['-C', ROOT, 'archive', '--format=tar', sha], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${sha} failed: ${archive.stderr}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(join(dist, 'manifest.json'))) throw new Error(`baseline build failed:\n${build.stdout}\n${build.stderr}`);
  return dist;
}

/** Bytes at load (the manifest's content scripts) and after the first compose (plus the controls script, when the build has one). */
export function splitPayload(dist) {
  const atLoad = injectedFiles(dist);
  const sum = (files) => files.reduce((a, f) => ({ min: a.min + f.min, gz: a.gz + f.gz }), { min: 0, gz: 0 });
  const load = sum(atLoad);
  const controls = existsSync(join(dist, SPLIT.controlsFile)) ? injectedFiles(dist, [SPLIT.controlsFile]).find((f) => f.file === SPLIT.controlsFile) : undefined;
  const afterCompose = controls ? { min: load.min + controls.min, gz: load.gz + controls.gz } : load;
  return { files: atLoad, load, controls, afterCompose };
}

function gmailPage() {
  const compose = readFileSync(join(FIXTURES, 'compose-dialog.html'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Inbox (3) - test@gmail.com - Gmail</title>
<script>var GLOBALS = []; GLOBALS[9] = '1a2b3c4d5e'; GLOBALS[10] = 'test@gmail.com';</script></head>
<body><div gh="tm"><div gh="mtb"></div></div><table role="grid"><tr class="zA"><td>Quarterly numbers</td></tr></table>
<template id="compose-template"><div class="AD" data-compose-window>${compose}</div></template>
<div gh="cm" role="button" style="position:fixed;left:10px;top:10px;width:120px;height:40px">Compose</div>
<script>
window.openCompose = () => {
  const win = document.getElementById('compose-template').content.firstElementChild.cloneNode(true);
  win.querySelector('input[name=subjectbox]').value = 'subject_111';
  window.__composeAt = performance.now();
  document.body.append(win);
};
// Gmail opens a compose on the button's click (after the press is released).
document.querySelector('[gh=cm]').addEventListener('click', () => openCompose());
/**
 * Resolves with the times from the compose being added to a visible control in it (the bootstrap's placeholder counts:
 * it looks and sits the same) and to the real control (its cell says data-follow-through=compose), in ms.
 */
window.controlShown = () => new Promise((resolve, reject) => {
  let raf = 0;
  let visibleAt;
  let done = false;
  const shown = (cells) => [...document.querySelectorAll('[data-compose-window] ' + cells + ' follow-through-control')].some((h) => {
    const b = h.shadowRoot && h.shadowRoot.querySelector('button');
    return b && b.getBoundingClientRect().width > 0;
  });
  const check = () => {
    if (done || window.__composeAt === undefined) return;
    if (visibleAt === undefined && shown('[data-follow-through]')) visibleAt = performance.now();
    if (visibleAt !== undefined && shown('[data-follow-through=compose]')) {
      done = true; mo.disconnect(); cancelAnimationFrame(raf);
      resolve({ visible: visibleAt - window.__composeAt, ready: performance.now() - window.__composeAt });
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document.documentElement, { childList: true, subtree: true });
  const tick = () => { check(); if (!done) raf = requestAnimationFrame(tick); };
  tick();
  setTimeout(() => done || reject(new Error('no control within 15 s')), 15000);
});
// A compose window's own page (?view=cm: Gmail's pop-out, a compose link): Gmail builds the compose once its app has
// loaded, without any interaction in the page.
if (new URLSearchParams(location.search).get('view') === 'cm') {
  window.__shown = controlShown();
  addEventListener('load', () => setTimeout(openCompose, ${SPLIT.popoutBuildMs}));
}
</script></body></html>`;
}

/** How the compose opens (with no interaction before it, or by clicking Compose) and the worker's state then. */
export const SCENARIOS = [
  { id: 'scriptRunning', open: 'script', worker: 'running', name: 'compose opened without any interaction before it, worker running' },
  { id: 'scriptStopped', open: 'script', worker: 'stopped', name: 'compose opened without any interaction before it, worker stopped' },
  { id: 'clickRunning', open: 'click', worker: 'running', name: 'Compose clicked (press held 80 ms), worker running' },
  { id: 'clickStopped', open: 'click', worker: 'stopped', name: 'Compose clicked (press held 80 ms), worker stopped' },
  { id: 'addressStopped', open: 'address', worker: 'stopped', name: `compose window opened at its address (pop-out, compose link; built ${SPLIT.popoutBuildMs} ms after load), worker stopped` },
];

const pctl = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];

/** One browser with the build at `dist` loaded, mail.google.com routed to the bench page. */
async function launchBuild(dist) {
  const profile = mkdtempSync(join(tmpdir(), 'ft-bench-split-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  const html = gmailPage();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (url.startsWith('https://mail.google.com/mail/')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith('https://mail.google.com/')) return route.fulfill({ status: 404, body: '' });
    return route.abort('blockedbyclient');
  });
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    version: context.browser()?.version() ?? 'unknown',
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Stops the extension's service worker (CDP, through `page`), as Chrome does after 30 s of idleness. */
async function stopWorker(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** One round: a fresh page, the compose opened as the scenario says; { visible, ready } in ms. */
async function round(context, scenario) {
  const page = await context.newPage();
  try {
    if (scenario.open === 'address') {
      // The window opens at the compose's address with the worker asleep; the page builds the compose itself.
      if (scenario.worker === 'stopped') await stopWorker(context, page);
      await page.goto(SPLIT.popoutUrl, { waitUntil: 'load' });
      return await page.evaluate(() => globalThis.__shown);
    }
    await page.goto('https://mail.google.com/mail/u/0/#inbox', { waitUntil: 'load' });
    await page.waitForTimeout(SPLIT.settleMs);
    if (scenario.worker === 'stopped') await stopWorker(context, page);
    const shown = page.evaluate(() => globalThis.controlShown());
    if (scenario.open === 'click') {
      // A person's click: the press is held for a moment before Gmail's click handler opens the compose.
      await page.mouse.move(60, 30);
      await page.mouse.down();
      await page.waitForTimeout(SPLIT.pressMs);
      await page.mouse.up();
    } else {
      await page.evaluate(() => globalThis.openCompose());
    }
    return await shown;
  } finally {
    await page.close();
  }
}

const stats = (times, key) => {
  const xs = times.map((t) => t[key]);
  return { times: xs, p50: pctl(xs, 0.5), p95: pctl(xs, 0.95) };
};

/**
 * Compose → control for both builds, rounds interleaved (ours, baseline, ours, …) so that both see
 * the same machine: on a shared machine the load drifts over minutes.
 */
async function latencies(dists, log) {
  const browsers = {};
  try {
    for (const [name, dist] of Object.entries(dists)) browsers[name] = await launchBuild(dist);
    const out = Object.fromEntries(Object.entries(browsers).map(([name, b]) => [name, { version: b.version }]));
    for (const scenario of SCENARIOS) {
      const times = Object.fromEntries(Object.keys(browsers).map((name) => [name, []]));
      for (let i = 0; i < SPLIT.warmups + SPLIT.rounds; i++) {
        for (const [name, b] of Object.entries(browsers)) {
          const t = await round(b.context, scenario);
          if (i >= SPLIT.warmups) times[name].push(t);
        }
      }
      for (const name of Object.keys(browsers)) {
        out[name][scenario.id] = { visible: stats(times[name], 'visible'), ready: stats(times[name], 'ready') };
        const { visible: v, ready: r } = out[name][scenario.id];
        log(`    ${name}, ${scenario.name}: visible p50 ${v.p50.toFixed(1)} / p95 ${v.p95.toFixed(1)} ms; real control p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} ms`);
      }
    }
    return out;
  } finally {
    for (const b of Object.values(browsers)) await b.close().catch(() => undefined);
  }
}

export async function splitBench({ log = () => {} } = {}) {
  const load = os.loadavg();
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('No build in dist/: run npm run build first');
  const ref = baselineRef();
  const baseDist = baselineDist(ref, log);
  const ours = splitPayload(DIST);
  const base = splitPayload(baseDist);
  log(`  compose → control, this build and the baseline ${ref.sha.slice(0, 10)}, rounds interleaved (${SPLIT.warmups} + ${SPLIT.rounds} page loads per scenario and build)…`);
  const latency = await latencies({ ours: DIST, baseline: baseDist }, log);
  const oursLatency = latency.ours;
  const baseLatency = latency.baseline;
  return { ref, load, ours: { ...ours, latency: oursLatency }, base: { ...base, latency: baseLatency } };
}

