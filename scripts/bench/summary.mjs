/**
 * Turns the measurements into the rows and headline figures that both the console (print.mjs)
 * and docs/benchmarks.md (report.mjs) show, so the two never disagree.
 */
import { MUTATIONS } from './config.mjs';
import { KB, fmtMs, kb, median, pct, ratio } from './format.mjs';

export const TARGET = { min: 25 * KB, gz: 10 * KB };
// Reference points of other Gmail libraries, as quoted in the issue.
export const REFERENCES = [
  { name: '@inboxsdk/core', min: 2_800 * KB, gz: 660 * KB },
  { name: 'gmail-js + jQuery 3.7.1', min: 168 * KB + 87.5 * KB, gz: null },
];

export function payloadSummary(files) {
  const total = files.reduce((a, f) => ({ min: a.min + f.min, gz: a.gz + f.gz }), { min: 0, gz: 0 });
  const sizeRows = [
    ...files.map((f) => [f.file, f.world, f.min.toLocaleString('en'), f.gz.toLocaleString('en')]),
    ['total injected', '', total.min.toLocaleString('en'), total.gz.toLocaleString('en')],
  ];
  const sizeHead = ['file (dist/)', 'world', 'minified B', 'gzip -9 B'];
  const within = { min: total.min <= TARGET.min, gz: total.gz <= TARGET.gz };
  const targetRows = [
    ['target ≤ 25 KB min / ≤ 10 KB gz', kb(total.min), ratio(total.min, TARGET.min), within.min ? 'within' : 'OVER', kb(total.gz), ratio(total.gz, TARGET.gz), within.gz ? 'within' : 'OVER'],
    ...REFERENCES.map((r) => [
      `${r.name} (${kb(r.min)}${r.gz ? ` / ${kb(r.gz)} gz` : ''})`,
      kb(total.min),
      ratio(total.min, r.min),
      '',
      r.gz ? kb(total.gz) : '',
      r.gz ? ratio(total.gz, r.gz) : 'n/a',
      '',
    ]),
  ];
  const targetHead = ['ours vs', 'ours min', 'ratio', '', 'ours gz', 'ratio', ''];
  return { files, total, within, sizeHead, sizeRows, targetHead, targetRows };
}

export function moduleTable(breakdown) {
  return {
    head: ['module', 'rendered B', 'share', '≈ min B'],
    rows: breakdown.rows.map((r) => [r.name, r.rendered.toLocaleString('en'), pct(r.share), r.approxMin.toLocaleString('en')]),
  };
}

/** Medians over the measured rounds; the counts come from the first measured round (all rounds agree, observer.mjs checks). */
export function observerSummary(obs) {
  const { results, setup, version } = obs;
  const stat = (s, k) => median(results[s].map((r) => r[k]));
  const ours = { cb: stat('ours', 'callbackMs'), init: stat('ours', 'initialScanMs'), burst: stat('ours', 'burstMs') };
  const naive = { cb: stat('naive', 'callbackMs'), init: stat('naive', 'initialScanMs'), burst: stat('naive', 'burstMs') };
  const none = { burst: stat('none', 'burstMs') };
  const ref = obs.reference;
  const oursR = results.ours[0];
  const naiveR = results.naive[0];
  const obsHead = ['strategy', 'in callbacks (median)', 'per callback', 'initial scan', 'burst wall time', 'onFound calls', 'elements found'];
  const foundAll = ref.foundCounts.reduce((a, b) => a + b, 0);
  const obsRows = [
    ['ours: watchAdded (added subtrees)', fmtMs(ours.cb), `${((ours.cb / MUTATIONS) * 1000).toFixed(1)} µs`, fmtMs(ours.init), fmtMs(ours.burst), `${oursR.onFoundCalls} (+${oursR.initialOnFound} initial)`, String(foundAll)],
    ['baseline: naive document rescan', fmtMs(naive.cb), `${((naive.cb / MUTATIONS) * 1000).toFixed(1)} µs`, fmtMs(naive.init), fmtMs(naive.burst), `${naiveR.onFoundCalls} (+${naiveR.initialOnFound} initial)`, String(foundAll)],
    ['control: no observer', '', '', '', fmtMs(none.burst), '', ''],
  ];
  const spread = (s) => {
    const xs = results[s].map((r) => r.callbackMs);
    return `${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))}`;
  };
  return {
    version,
    setup,
    ref,
    obsHead,
    obsRows,
    speedup: naive.cb / ours.cb,
    spread: { ours: spread('ours'), naive: spread('naive') },
  };
}
