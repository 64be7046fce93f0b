/**
 * One table of every benchmark the project has: the section "Summary" at the top of
 * docs/benchmarks.md (after the title), one row per figure, each against the baseline it is
 * measured with in the same process. Ratio = ours / baseline throughout (time or bytes: below 1×
 * ours is faster or smaller; for the 50,000 / 5,000 rows it is the scaling, 10× being linear).
 *
 * The vitest benches (test/bench/*.bench.ts) come from `vitest bench --outputJson <file>`, which
 * `npm run bench` writes and hands to scripts/bench-content.mjs as `--vitest-json <file>`; the
 * browser figures come from the summaries of the other bench modules. Only this section of the
 * file is replaced; the rest is kept byte for byte.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import os from 'node:os';
import { DOCS, MUTATIONS } from './config.mjs';
import { fmtMs, kb, mdTable, median, table } from './format.mjs';
import { ratio } from './storage-report.mjs';
import { replaceSection } from './report.mjs';

export const SUMMARY_SECTION = 'Summary';

const BASELINE = /^baseline:\s*/i;
const short = (s, n = 70) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
const perOp = (ms) => (ms >= 1 ? fmtMs(ms) : `${(ms * 1000).toFixed(ms >= 0.1 ? 0 : ms >= 0.01 ? 1 : 2)} µs`);

/**
 * Rows from a vitest bench JSON report (vitest 4.1: files[].groups[].benchmarks[], times in ms per
 * iteration). In every group the bench named "baseline: …" is the baseline of the others; a group
 * without exactly one gets rows without a ratio. A bench without samples throws.
 */
export function vitestRows(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(report?.files)) throw new Error(`${file} is not a vitest bench report (no files[])`);
  const rows = [];
  for (const f of report.files) {
    const stem = basename(f.filepath ?? '').replace(/\.bench\.[cm]?[jt]sx?$/, '');
    for (const g of f.groups ?? []) {
      const group = String(g.fullName ?? '').split(' > ').slice(1).join(' > ');
      const benches = g.benchmarks ?? [];
      const baselines = benches.filter((b) => BASELINE.test(b.name));
      // Every group should have exactly one (the project's rule); one without is shown, not guessed at.
      const base = baselines.length === 1 ? baselines[0] : undefined;
      const time = (b) => {
        const t = b.median ?? b.mean;
        if (!Number.isFinite(t) || !(b.sampleCount > 0)) throw new Error(`${f.filepath} > ${group} > ${b.name}: no samples in the vitest report`);
        return t;
      };
      for (const b of benches) {
        if (b === base) continue;
        rows.push({
          kind: 'node',
          figure: `${stem}: ${group} — ${short(b.name, 100)}`,
          ours: `${perOp(time(b))} median`,
          baseline: base ? `${perOp(time(base))} (${short(base.name.replace(BASELINE, ''), 70)})` : `${baselines.length} benches named "baseline: …" in the group`,
          ratio: base ? ratio(time(b), time(base)) : '',
        });
      }
    }
  }
  return rows;
}

/**
 * Every row of the table. `vitestFile` may be undefined (the script run on its own, not through
 * `npm run bench`): the vitest rows then say so instead of showing old figures.
 */
export function summaryRows({ vitestFile, payload, observerRaw, popup, storage, popupOpen }) {
  const rows = [];
  if (vitestFile) rows.push(...vitestRows(vitestFile));
  else rows.push({ kind: 'node', figure: 'schedule, print-view (vitest benches)', ours: 'not run', baseline: 'not run', ratio: '', note: 'run `npm run bench`' });

  const { total } = payload;
  const target = { min: 25_000, gz: 10_000 };
  rows.push(
    { kind: 'bytes', figure: 'content payload injected into Gmail, minified', ours: kb(total.min), baseline: `${kb(target.min)} (target)`, ratio: ratio(total.min, target.min) },
    { kind: 'bytes', figure: 'content payload injected into Gmail, gzip -9', ours: kb(total.gz), baseline: `${kb(target.gz)} (target)`, ratio: ratio(total.gz, target.gz) },
  );

  const cb = (s) => median(observerRaw.results[s].map((r) => r.callbackMs));
  rows.push({
    kind: 'chromium',
    figure: `observer cost: time in callbacks over ${MUTATIONS.toLocaleString('en')} Gmail-like mutations, watchAdded`,
    ours: fmtMs(cb('ours')),
    baseline: `${fmtMs(cb('naive'))} (naive document rescan)`,
    ratio: ratio(cb('ours'), cb('naive')),
  });

  rows.push(
    {
      kind: 'chromium',
      figure: `popup first render of ${popup.setup.rows.toLocaleString('en')} reminders → next frame, renderChecklist`,
      ours: fmtMs(popup.f.ours.med),
      baseline: `${fmtMs(popup.f.naive.med)} (naive \`<li>\` list)`,
      ratio: ratio(popup.f.ours.med, popup.f.naive.med),
    },
    {
      kind: 'chromium',
      figure: 'popup scroll to the end in 50 steps, renderChecklist (wall time, frames unthrottled)',
      ours: fmtMs(popup.s.ours.med),
      baseline: `${fmtMs(popup.s.naive.med)} (naive \`<li>\` list)`,
      ratio: ratio(popup.s.ours.med, popup.s.naive.med),
    },
    {
      kind: 'chromium',
      figure: 'popup scroll to the end in 50 steps, renderChecklist (main-thread CPU time)',
      ours: fmtMs(popup.main.ours.task),
      baseline: `${fmtMs(popup.main.naive.task)} (naive \`<li>\` list)`,
      ratio: ratio(popup.main.ours.task, popup.main.naive.task),
    },
    {
      kind: 'chromium',
      figure: `popup wheel scroll, ${popup.wheel.ours.steps} steps of ${Math.round(popup.wheel.ours.px / popup.wheel.ours.steps)} px, renderChecklist (main-thread CPU time)`,
      ours: fmtMs(popup.wheel.ours.task),
      baseline: `${fmtMs(popup.wheel.naive.task)} (naive \`<li>\` list)`,
      ratio: ratio(popup.wheel.ours.task, popup.wheel.naive.task),
    },
  );

  const { m, bench } = storage;
  const L = bench.large.rows.toLocaleString('en');
  const S = bench.small.rows.toLocaleString('en');
  rows.push(
    {
      kind: 'chromium',
      figure: `storage, what is due at ${L} reminders: store.fireDue read (IndexedDB index)`,
      ours: fmtMs(m.fireDue),
      baseline: `${fmtMs(m.getAll)} (store.all() + filter)`,
      ratio: ratio(m.fireDue, m.getAll),
    },
    {
      kind: 'chromium',
      figure: `storage, popup list query (reminder.list: list-query first pages + counts) at ${L} reminders`,
      ours: fmtMs(m.list),
      baseline: `${fmtMs(m.smallList)} (the same at ${S})`,
      ratio: ratio(m.list, m.smallList),
    },
    {
      kind: 'chromium',
      figure: `storage, popup list first request (first pages + history counts: the first paint) at ${L} reminders`,
      ours: fmtMs(m.listFirst),
      baseline: `${fmtMs(m.smallListFirst)} (the same at ${S})`,
      ratio: ratio(m.listFirst, m.smallListFirst),
    },
    {
      kind: 'chromium',
      figure: `storage, popup list query at ${L} reminders: reminder.list today`,
      ours: fmtMs(m.list),
      baseline: `${fmtMs(m.listAll)} (old store.all() + groupIntoSections)`,
      ratio: ratio(m.list, m.listAll),
    },
  );
  if (storage.bytesPerReminderV4) {
    rows.push(
      { kind: 'chromium', figure: `storage, bytes per reminder at ${L} (schema v${bench.opened.dbs.large.version})`, ours: `${Math.round(storage.bytesPerReminder).toLocaleString('en')} B`, baseline: `${Math.round(storage.bytesPerReminderV4).toLocaleString('en')} B (schema v4)`, ratio: ratio(storage.bytesPerReminder, storage.bytesPerReminderV4) },
      { kind: 'chromium', figure: `storage, reminderStore.create into ${L} (with counts)`, ours: fmtMs(bench.writes.createMs / bench.writes.createRows), baseline: `${fmtMs(bench.writesV4.createMs / bench.writesV4.createRows)} (schema v4)`, ratio: ratio(bench.writes.createMs, bench.writesV4.createMs) },
    );
  }
  if (popupOpen) {
    const { at, large } = popupOpen;
    rows.push(
      { kind: 'chromium', figure: 'popup opened to its first row (built extension), 50,000 stored reminders', ours: fmtMs(at[50000].med), baseline: `${fmtMs(at[1].med)} (1 stored reminder; goal ≤ 2×)`, ratio: ratio(at[50000].med, at[1].med) },
      { kind: 'chromium', figure: 'popup opened to its first row (built extension), 50,000 stored reminders', ours: fmtMs(at[50000].med), baseline: `${fmtMs(at[5000].med)} (5,000 stored; goal ≤ 1.5×)`, ratio: ratio(at[50000].med, at[5000].med) },
      { kind: 'chromium', figure: `store on disk at 50,000 reminders (${Math.round(popupOpen.perReminder).toLocaleString('en')} B per reminder)`, ours: `${(large.usage / 1e6).toFixed(1)} MB`, baseline: '60.0 MB (stated limit)', ratio: ratio(large.usage, 60e6) },
    );
  }
  return rows;
}

function machines({ chromium }) {
  const cpus = os.cpus();
  const cpu = `${cpus[0]?.model?.trim() ?? 'unknown CPU'} ×${cpus.length}`;
  return {
    node: `${cpu}, Node ${process.version}`,
    chromium: `${cpu}, Chromium ${chromium}`,
    bytes: 'any (bytes of dist/)',
  };
}

const HEAD = ['figure', 'ours', 'baseline', 'ratio', 'machine'];

function cells(rows, machine) {
  return rows.map((r) => [r.figure, r.ours, r.baseline, r.ratio, r.note ?? machine[r.kind]]);
}

export function printSummary(rows, { chromium }) {
  console.log('\n=== Summary (ratio = ours / baseline) ===\n');
  console.log(table(HEAD, cells(rows, machines({ chromium }))));
}

/** `doc` with the section "Summary" replaced, or inserted before the first "## " section (after the title and its intro). */
export function placeSummary(doc, body) {
  const lines = doc.split('\n');
  const has = lines.some((l) => /^#{1,6}\s/.test(l) && l.replace(/^#+\s*/, '').trim() === SUMMARY_SECTION);
  const first = lines.findIndex((l) => /^##\s/.test(l));
  if (has || first < 0 || !doc.trim()) return replaceSection(doc, SUMMARY_SECTION, body);
  const section = `## ${SUMMARY_SECTION}\n\n${body.trim()}\n`;
  return [...lines.slice(0, first), ...section.split('\n'), ...lines.slice(first)].join('\n');
}

export function writeSummary(rows, { chromium, load }) {
  const machine = machines({ chromium });
  const date = new Date().toISOString().slice(0, 10);
  const md = `
Measured ${date} by \`npm run bench\`, load average ${load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min, before the browser benches). One row per figure, each against the baseline run with it in the same process; **ratio = ours / baseline**, so below 1× ours is faster or smaller (for the row against the same query at 5,000 it is how the query scales: 10× would be linear; the popup-open rows compare 50,000 stored reminders with 1 and with 5,000). The sections below give the method and the spread of each.

${mdTable(HEAD, cells(rows, machine))}
`;
  mkdirSync(dirname(DOCS), { recursive: true });
  const before = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  writeFileSync(DOCS, placeSummary(before, md));
}
