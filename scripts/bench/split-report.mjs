/** Prints and writes the section "Gmail payload split" of docs/benchmarks.md (scripts/bench/split.mjs). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { DOCS } from './config.mjs';
import { fmtMs, kb, mdTable, ratio, table } from './format.mjs';
import { replaceSection } from './report.mjs';
import { SCENARIOS, SPLIT } from './split.mjs';

export const SPLIT_SECTION = 'Gmail payload split';
const TARGET = { min: 25_000, gz: 10_000 };

function byteRows(b) {
  const { ours, base } = b;
  return [
    ['at load (every Gmail page, before any interaction)', kb(ours.load.min), kb(base.load.min), ratio(ours.load.min, base.load.min), kb(ours.load.gz), kb(base.load.gz), ratio(ours.load.gz, base.load.gz)],
    ['after the first compose or thread (or the first press or key)', kb(ours.afterCompose.min), kb(base.afterCompose.min), ratio(ours.afterCompose.min, base.afterCompose.min), kb(ours.afterCompose.gz), kb(base.afterCompose.gz), ratio(ours.afterCompose.gz, base.afterCompose.gz)],
  ];
}
const BYTE_HEAD = ['bytes injected into Gmail', 'ours min', 'baseline min', 'ratio', 'ours gz', 'baseline gz', 'ratio'];

function latencyRows(b) {
  return SCENARIOS.flatMap((s) =>
    ['visible', 'ready'].map((key) => {
      const o = b.ours.latency[s.id][key];
      const l = b.base.latency[s.id][key];
      return [`${s.name} — ${key === 'visible' ? 'control visible' : 'real control'}`, fmtMs(o.p50), fmtMs(l.p50), ratio(o.p50, l.p50), fmtMs(o.p95), fmtMs(l.p95), ratio(o.p95, l.p95)];
    }),
  );
}
const LAT_HEAD = ['compose → control', 'ours p50', 'baseline p50', 'ratio', 'ours p95', 'baseline p95', 'ratio'];

export function printSplit(b) {
  console.log(table(BYTE_HEAD, byteRows(b)));
  console.log('');
  console.log(table(LAT_HEAD, latencyRows(b)));
}

/** Rows for the summary table (summary-table.mjs). */
export function splitSummaryRows(b) {
  const { ours, base } = b;
  const rows = [
    { kind: 'bytes', figure: 'Gmail payload at load (bootstrap + page-world hook), minified', ours: kb(ours.load.min), baseline: `${kb(base.load.min)} (before the split; target ${kb(TARGET.min)})`, ratio: ratio(ours.load.min, base.load.min) },
    { kind: 'bytes', figure: 'Gmail payload at load (bootstrap + page-world hook), gzip -9', ours: kb(ours.load.gz), baseline: `${kb(base.load.gz)} (before the split; target ${kb(TARGET.gz)})`, ratio: ratio(ours.load.gz, base.load.gz) },
    { kind: 'bytes', figure: 'Gmail payload after the first compose (+ controls), gzip -9', ours: kb(ours.afterCompose.gz), baseline: `${kb(base.afterCompose.gz)} (before the split)`, ratio: ratio(ours.afterCompose.gz, base.afterCompose.gz) },
  ];
  for (const s of SCENARIOS) {
    for (const key of ['visible', 'ready']) {
      const o = b.ours.latency[s.id][key];
      const l = b.base.latency[s.id][key];
      const what = key === 'visible' ? 'control visible' : 'real control';
      rows.push({ kind: 'chromium', figure: `compose → ${what} p95 (built extension), ${s.name}`, ours: `${fmtMs(o.p95)} (p50 ${fmtMs(o.p50)})`, baseline: `${fmtMs(l.p95)} (p50 ${fmtMs(l.p50)}; before the split)`, ratio: ratio(o.p95, l.p95) });
    }
  }
  return rows;
}

export function writeSplitReport(b) {
  const cpus = os.cpus();
  const version = b.ours.latency.version;
  const files = b.ours.files.map((f) => `\`${f.file}\` (${f.world}) ${f.min.toLocaleString('en')} B / ${f.gz.toLocaleString('en')} B gz`).join(', ');
  const md = `
Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (scripts/bench/split.mjs) on ${cpus[0]?.model?.trim()}, ${cpus.length} cores, Chromium ${version}, load average ${b.load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min, before the run).

**Baseline**: the last build before the split — commit ${b.ref.sha.slice(0, 10)} (${b.ref.why}), exported with \`git archive\` and built with this checkout's node_modules in node_modules/.cache/follow-through/ during the same run (set \`BENCH_BASELINE_REF\` for another commit). Both builds are measured by the same code in the same process.

**How bytes are counted**: every file the built manifest's \`content_scripts\` inject into every Gmail page — the page-world send hook (\`world: "MAIN"\`, counted: it is parsed in every page too) and the isolated-world script — minified as built and gzipped with node:zlib level 9, KB = 1,000 B. Ours at load: ${files}. After the first compose (or thread view, or the user's first press or key in the page, which fetches them) the background adds \`${SPLIT.controlsFile}\` (${b.ours.controls ? `${b.ours.controls.min.toLocaleString('en')} B / ${b.ours.controls.gz.toLocaleString('en')} B gz` : 'absent'}) to that frame; the baseline injected everything at load.

${mdTable(BYTE_HEAD, byteRows(b))}

Targets at load: ≤ ${kb(TARGET.min)} minified (${b.ours.load.min <= TARGET.min ? 'met' : '**not met**'}: ${ratio(b.ours.load.min, TARGET.min)} of it), ≤ ${kb(TARGET.gz)} gzipped (${b.ours.load.gz <= TARGET.gz ? 'met' : '**not met**'}: ${ratio(b.ours.load.gz, TARGET.gz)} of it).

**Compose → control**: the built extension in headless Chromium, mail.google.com routed to a page whose compose (the real compose-dialog.html) is added on demand. Every round is a new page load (the first compose of a page pays for the controls), the scripts given ${SPLIT.settleMs} ms to start; the time runs, inside the page, from the compose being added to a \`follow-through-control\` in it having a rendered button with a layout box ("control visible": the bootstrap's placeholder counts — same stylesheet, icon, text and place, and a press or the focus on it is handed to the real control) and to the real control being there ("real control": its picker opens on a press). In the baseline both are the same moment. ${SPLIT.warmups} + ${SPLIT.rounds} rounds per scenario and build (the first ${SPLIT.warmups} not counted), alternating between the two builds (each in its own browser) so both see the same machine load. "Worker stopped": the service worker was stopped just before (CDP), as after 30 s of idleness; the controls' request must wake it. "Compose clicked": the mouse is pressed on a Compose button for ${SPLIT.pressMs} ms and released, and the page opens the compose on click as Gmail does; the bootstrap fetches the controls at the press. "Without any interaction": a script adds the compose to the inbox page loaded before — nothing was fetched before (the worst case: nothing told the bootstrap a compose was coming). "Opened at its address": a new page loads at a compose window's address (\`?view=cm\`, as Gmail's pop-out and compose links open) with the worker stopped, and builds the compose ${SPLIT.popoutBuildMs} ms after its load event (real Gmail shows it a second or more after the address opened); nothing is pressed — the bootstrap fetches the controls at load because the address opens a compose.

${mdTable(LAT_HEAD, latencyRows(b))}

Figures on a shared 2-core machine are noisy (load average above); the rounds of the two builds alternate, so the ratios compare the same minutes.
`;
  mkdirSync(dirname(DOCS), { recursive: true });
  const before = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  writeFileSync(DOCS, replaceSection(before, SPLIT_SECTION, md));
}
