/**
 * The popup benchmark's figures (scripts/bench/popup.mjs): one summary that both the console table
 * and the section "Popup checklist" of docs/benchmarks.md show, so the two never disagree.
 * Only that section of the file is replaced; the rest is kept byte for byte.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { DOCS } from './config.mjs';
import { fmtMs, mdTable, median, ratio, table } from './format.mjs';
import { POPUP } from './popup.mjs';
import { replaceSection } from './report.mjs';

export const POPUP_SECTION = 'Popup checklist';

/** Nearest-rank percentile (p90 of 15 values is the 14th smallest). */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const num = (n) => n.toLocaleString('en');
const range = (xs) => `${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))}`;

export function popupSummary(bench) {
  const { results, setup, version, load } = bench;
  const { first, scroll } = results;
  const col = (s, k, f = median) => f(first[s].map((r) => r[k]));
  const scr = (s, k, f = median) => f(scroll[s].map((r) => r[k]));
  const p90 = (xs) => percentile(xs, 90);
  const ours = first.ours[0];
  const naive = first.naive[0];
  // Every round renders the same DOM (the data and the viewport are fixed); a difference is a bug worth knowing.
  for (const s of ['ours', 'naive']) {
    const counts = new Set(first[s].map((r) => r.nodes));
    if (counts.size !== 1) throw new Error(`${s}: the first render produced different node counts over rounds (${[...counts].join(', ')})`);
  }
  const f = {
    ours: { med: col('ours', 'firstMs'), p90: col('ours', 'firstMs', p90), call: col('ours', 'callMs') },
    naive: { med: col('naive', 'firstMs'), p90: col('naive', 'firstMs', p90), call: col('naive', 'callMs') },
    control: { med: col('control', 'firstMs'), p90: col('control', 'firstMs', p90) },
  };
  const s = {
    ours: { med: scr('ours', 'scrollMs'), worst: scr('ours', 'maxStepMs') },
    naive: { med: scr('naive', 'scrollMs'), worst: scr('naive', 'maxStepMs') },
    control: { med: scr('control', 'scrollMs') },
  };
  // Main-thread CPU time over the scroll steps (CDP Performance.getMetrics, thread ticks), less the bench's checks.
  const mainOf = (strategy) => {
    const k = (key) => median(scroll[strategy].map((r) => r.main[key]));
    const m = { task: k('taskMs'), style: k('styleMs'), layout: k('layoutMs') };
    return { ...m, other: median(scroll[strategy].map((r) => r.main.taskMs - r.main.styleMs - r.main.layoutMs)) };
  };
  const main = { ours: mainOf('ours'), naive: mainOf('naive'), control: mainOf('control') };
  // The wheel scroll (after the jump to the end): WHEEL_STEPS steps of WHEEL_PX back up.
  const whl = (strategy, f) => median(scroll[strategy].map((r) => f(r.wheel)));
  const wheel = Object.fromEntries(
    ['ours', 'naive', 'control'].map((st) => [st, { med: whl(st, (w) => w.scrollMs), worst: whl(st, (w) => w.maxStepMs), task: whl(st, (w) => w.main.taskMs), steps: scroll[st][0].wheel.scrollSteps, px: scroll[st][0].wheel.scrolled }]),
  );
  const steps = POPUP.scrollSteps;
  const head = ['metric', 'ours: renderChecklist', 'baseline: naive `<li>` list', 'baseline / ours'];
  const rows = [
    [`first render → next frame, median of ${first.ours.length}`, fmtMs(f.ours.med), fmtMs(f.naive.med), ratio(f.naive.med, f.ours.med)],
    ['first render → next frame, p90', fmtMs(f.ours.p90), fmtMs(f.naive.p90), ratio(f.naive.p90, f.ours.p90)],
    ['  of which the call itself (sync), median', fmtMs(f.ours.call), fmtMs(f.naive.call), ratio(f.naive.call, f.ours.call)],
    ['DOM nodes after first render', num(ours.nodes), num(naive.nodes), ratio(naive.nodes, ours.nodes)],
    ['  of which elements', num(ours.elements), num(naive.elements), ratio(naive.elements, ours.elements)],
    ['reminder rows in the DOM', `${num(ours.rowsInDom)} of ${num(setup.rows)}`, `${num(naive.rowsInDom)} of ${num(setup.rows)}`, ''],
    [`scroll, ${steps} steps to the end, total, median of ${scroll.ours.length}`, fmtMs(s.ours.med), fmtMs(s.naive.med), ratio(s.naive.med, s.ours.med)],
    ['  per step (total / steps)', fmtMs(s.ours.med / steps), fmtMs(s.naive.med / steps), ratio(s.naive.med, s.ours.med)],
    ['  slowest step, median over rounds', fmtMs(s.ours.worst), fmtMs(s.naive.worst), ratio(s.naive.worst, s.ours.worst)],
    [`scroll, main-thread CPU time over the ${steps} steps, median of ${scroll.ours.length}`, fmtMs(main.ours.task), fmtMs(main.naive.task), ratio(main.naive.task, main.ours.task)],
    ['  of which style recalculation', fmtMs(main.ours.style), fmtMs(main.naive.style), ''],
    ['  of which layout', fmtMs(main.ours.layout), fmtMs(main.naive.layout), ''],
    // Not split further: CDP's ScriptDuration leaves out microtasks, where Preact renders.
    ['  the rest (script, paint, compositing commit, GC)', fmtMs(main.ours.other), fmtMs(main.naive.other), ''],
    [`wheel, ${wheel.ours.steps} steps of ${Math.round(wheel.ours.px / wheel.ours.steps)} px, total, median of ${scroll.ours.length}`, fmtMs(wheel.ours.med), fmtMs(wheel.naive.med), ratio(wheel.naive.med, wheel.ours.med)],
    ['  slowest step, median over rounds', fmtMs(wheel.ours.worst), fmtMs(wheel.naive.worst), ratio(wheel.naive.worst, wheel.ours.worst)],
    [`wheel, main-thread CPU time over the ${wheel.ours.steps} steps, median of ${scroll.ours.length}`, fmtMs(wheel.ours.task), fmtMs(wheel.naive.task), ratio(wheel.naive.task, wheel.ours.task)],
    // Over both scrolls: a list scrolled in steps renders rows ahead of the viewport, a jump only the rows in view.
    ['most DOM nodes while scrolling (jump or wheel)', num(Math.max(...scroll.ours.flatMap((r) => [r.maxNodesWhileScrolling, r.wheel.maxNodesWhileScrolling]))), num(naive.nodes), ''],
  ];
  return {
    version,
    load,
    setup,
    head,
    rows,
    f,
    s,
    main,
    wheel,
    spread: {
      firstOurs: range(first.ours.map((r) => r.firstMs)),
      firstNaive: range(first.naive.map((r) => r.firstMs)),
      scrollOurs: range(scroll.ours.map((r) => r.scrollMs)),
      scrollNaive: range(scroll.naive.map((r) => r.scrollMs)),
      mainOurs: range(scroll.ours.map((r) => r.main.taskMs)),
      mainNaive: range(scroll.naive.map((r) => r.main.taskMs)),
    },
    nodes: { ours: ours.nodes, naive: naive.nodes },
    scrolled: scroll.ours[0].scrolled,
    scrolledNaive: scroll.naive[0].scrolled,
  };
}

export function printPopup(p) {
  const { setup, version } = p;
  console.log(
    `\n${num(setup.rows)} reminders (${Object.entries(setup.counts).map(([k, v]) => `${k} ${v}`).join(', ')}; ${setup.accounts} accounts), ` +
      `popup viewport 440×600, list ${448}px tall; ${POPUP.warmups} warm-up + ${POPUP.runs} measured first renders per strategy, ` +
      `${POPUP.scrollWarmups} + ${POPUP.scrollRuns} scroll rounds; Chromium ${version}, crossOriginIsolated=${setup.crossOriginIsolated}\n`,
  );
  console.log(table(p.head, p.rows));
  console.log(
    `\nControl (renders nothing; the frame machinery alone): first render → next frame ${fmtMs(p.f.control.med)} median, ` +
      `${POPUP.scrollSteps} scroll steps ${fmtMs(p.s.control.med)}, main thread ${fmtMs(p.main.control.task)}; ${p.wheel.control.steps} wheel steps ${fmtMs(p.wheel.control.med)}, main thread ${fmtMs(p.wheel.control.task)}.`,
  );
  console.log(`Range over rounds: first render ours ${p.spread.firstOurs}, naive ${p.spread.firstNaive}; scroll ours ${p.spread.scrollOurs}, naive ${p.spread.scrollNaive}; scroll main thread ours ${p.spread.mainOurs}, naive ${p.spread.mainNaive}.`);
}

export function writePopupReport(p) {
  const { setup, version } = p;
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}, Chromium ${version}, load average ${p.load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min, before the run)`;
  const date = new Date().toISOString().slice(0, 10);
  const md = `
Measured ${date} by \`npm run bench\` (scripts/bench-content.mjs → scripts/bench/popup.mjs) on ${machine}.

\`renderChecklist\` (src/popup/render.tsx: the real checklist — header, search and account filter, the virtualised sectioned list) against a naive baseline that renders every row as a plain \`<li>\` with \`textContent\` (subject · recipients · due time from one \`Intl.DateTimeFormat\`) into a scrolling \`<div>\` of the same size (448 px tall, the popup's list viewport; each \`<li>\` 56 px, the popup's row pitch), in the same page.

Data: ${num(setup.rows)} reminders, seeded, built with \`createReminder\` and grouped by \`groupIntoSections\` as the background answers \`reminder.list\` (${Object.entries(setup.counts).map(([k, v]) => `${k} ${num(v)}`).join(', ')}; replied and done are the most recent ${setup.counts.replied} each, as sent); ${setup.accounts} accounts; subjects with Re:/Fwd:, long ones, empty ones and some in German, Japanese, Arabic and Russian; 1–5 recipients, some without names; some snoozed, failed checks and bounces. Real English words (public/_locales/en/messages.json), locale en, zone UTC.

Method: headless Chromium (playwright-core), page served offline from a routed https URL, cross-origin isolated so \`performance.now()\` has 5 µs resolution (crossOriginIsolated=${setup.crossOriginIsolated}), viewport 440×600 (the popup's width), popup.css loaded. Each round renders into a fresh container (after \`gc()\` and two idle frames), times from the call to the next frame after layout (\`await new Promise(r => requestAnimationFrame(() => setTimeout(r)))\`), counts the nodes in the container, then unmounts. ${POPUP.warmups} warm-up rounds, then ${POPUP.runs} measured per strategy; strategies take turns in rotating order. In the last ${POPUP.scrollWarmups + POPUP.scrollRuns} rounds the list is then also scrolled to its end in ${POPUP.scrollSteps} equal \`scrollTop\` steps, awaiting a frame after each (${POPUP.scrollWarmups} warm-up, ${POPUP.scrollRuns} measured; ours scrolls ${num(p.scrolled)} px, the naive list ${num(p.scrolledNaive)} px; after every step the script checks that the items in our viewport are in the DOM and that every element ours has rendered shows the item at its place — subject, time, recipients and accessible name, as rows are re-filled in place); every step of this jump scroll shows about 100 rows never shown before, as when the scrollbar is dragged. From the end, each list is then scrolled back up like a mouse wheel: ${p.wheel.ours.steps} steps of ${Math.round(p.wheel.ours.px / p.wheel.ours.steps)} px (${num(p.wheel.ours.px)} px, about two rows a step), measured the same way. Chromium runs with \`--disable-frame-rate-limit --disable-gpu-vsync\`: a frame starts as soon as the last one is done instead of on the 60 Hz clock, so each figure is the work, not the number of vsyncs it spanned (on the 60 Hz clock the naive list's 50 steps took exactly as long as the empty control's, one 16.7 ms frame each, and any list doing less than a frame's work would have read the same). The control, which renders nothing, takes ${fmtMs(p.f.control.med)} to the next frame and ${fmtMs(p.s.control.med)} for ${POPUP.scrollSteps} scroll steps. Besides wall time, the scroll rows give the renderer main thread's CPU time over the ${POPUP.scrollSteps} steps (CDP \`Performance.getMetrics\` with thread ticks: every task — script, style, layout, paint, compositing commit, GC — and of it style recalculation and layout; the bench's own checks between steps are timed in the page and taken out). Raster runs on other threads and is not in it. The script fails if either list does not show what it should.

${mdTable(p.head, p.rows)}

**naive / ours: first render to the next frame ${ratio(p.f.naive.med, p.f.ours.med)} (median), DOM nodes ${ratio(p.nodes.naive, p.nodes.ours)}, ${POPUP.scrollSteps} scroll steps ${ratio(p.s.naive.med, p.s.ours.med)} in wall time and ${ratio(p.main.naive.task, p.main.ours.task)} in main-thread CPU time; wheel scroll ${ratio(p.wheel.naive.med, p.wheel.ours.med)} in wall time and ${ratio(p.wheel.naive.task, p.wheel.ours.task)} in main-thread CPU time** (above 1× ours is faster or smaller; when scrolling, each step of ours renders the rows it brings into view, while the naive list only paints rows laid out at the start). Range over rounds: first render ours ${p.spread.firstOurs}, naive ${p.spread.firstNaive}; scroll ours ${p.spread.scrollOurs}, naive ${p.spread.scrollNaive}; scroll main thread ours ${p.spread.mainOurs}, naive ${p.spread.mainNaive}.
`;
  mkdirSync(dirname(DOCS), { recursive: true });
  const before = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  writeFileSync(DOCS, replaceSection(before, POPUP_SECTION, md));
}

