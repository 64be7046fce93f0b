/** Prints and writes the section "Popup open at scale" of docs/benchmarks.md (scripts/bench/popup-open.mjs). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { DOCS } from './config.mjs';
import { fmtMs, mdTable, ratio, table } from './format.mjs';
import { replaceSection } from './report.mjs';
import { POPUP_OPEN } from './popup-open.mjs';

export const POPUP_OPEN_SECTION = 'Popup open at scale';

const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const n = (x) => x.toLocaleString('en');

export function popupOpenSummary(bench) {
  const at = Object.fromEntries(bench.stages.map((s) => [s.size, s]));
  const large = at[50000];
  return { bench, at, large, perReminder: large.usage / large.size, under: large.usage < POPUP_OPEN.limitBytes };
}

function rows(p) {
  return p.bench.stages.map((s) => [n(s.size), fmtMs(s.med), fmtMs(s.p90), ratio(s.med, p.at[1].med), mb(s.usage), `${Math.round(s.usage / s.size).toLocaleString('en')} B`]);
}
const HEAD = ['stored reminders', 'first row, median', 'p90', 'vs 1 reminder', 'store on disk', 'per reminder'];

export function printPopupOpen(p) {
  console.log(table(HEAD, rows(p)));
  console.log(`\n50,000 / 1: ${ratio(p.at[50000].med, p.at[1].med)} (goal ≤ 2×); 50,000 / 5,000: ${ratio(p.at[50000].med, p.at[5000].med)} (goal ≤ 1.5×); store ${mb(p.large.usage)} (${p.under ? 'under' : 'OVER'} ${mb(POPUP_OPEN.limitBytes)}).`);
}

export function writePopupOpenReport(p) {
  const { bench } = p;
  const cpus = os.cpus();
  const statuses = Object.entries(p.large.statuses).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  const md = `
Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (scripts/bench/popup-open.mjs) on ${cpus[0]?.model?.trim()}, ${cpus.length} cores, Chromium ${bench.version}, load average ${bench.load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min, before the run).

The built extension (dist/) in headless Chromium with a fresh profile: the real popup page (\`src/popup/index.html\` opened in a tab, 440×600), the real background answering \`reminder.list\` from the real IndexedDB. The store grows in the same profile, 1 → 5,000 → 50,000 reminders (test/unit/storage/history-data.ts: a heavy user's few years, at 50,000: ${statuses}), written into the extension's own database from one of its pages. At each size the popup is opened ${POPUP_OPEN.warmups} + ${POPUP_OPEN.runs} times (the first ${POPUP_OPEN.warmups} not counted), each time in a new page; the figure is the time from the start of navigation to the first reminder row in the DOM with a layout box (a MutationObserver installed before the page's own scripts). The worker is already running (as after any recent wake-up).

How: \`reminder.list\` reads each section's first page through the indexes (\`by-status-due\` for waiting reminders, \`by-status-updated\`, new in database v3, for history newest first) with the counts those rows tell (\`counts: 'page'\`) and the history sections' exact counts from the per-status counts store (database v6; one key read each, kept in the same transaction as every reminder write); the popup then asks for the exact counts of waiting sections longer than a page. (Counting history with Chromium's \`count()\` would walk every key of the range: ~0.9 s for 17,559 done reminders.) The headers at 50,000, read from the popup: ${Object.entries(p.large.headers ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}; the bench fails if replied or done differs from the store.

${mdTable(HEAD, rows(p))}

**50,000 / 1 reminder: ${ratio(p.at[50000].med, p.at[1].med)} (goal ≤ 2×); 50,000 / 5,000: ${ratio(p.at[50000].med, p.at[5000].med)} (goal ≤ 1.5×).** Before (the issue, same machine): ~200 ms at 1, ~450 ms at 5,000, ~2,900 ms at 50,000, because every open read and sorted every reminder (the "baseline (the old popup list)" rows of "Storage at scale" measure that old query beside today's).

Size: \`navigator.storage.estimate()\` of the extension's origin, growth since before the first reminder: at 50,000 reminders ${mb(p.large.usage)}, ${Math.round(p.perReminder).toLocaleString('en')} B per reminder (JSON ${Math.round(p.large.jsonChars / (p.large.size - p.at[5000].size))} chars per reminder) — **${p.under ? 'under' : 'over'} the stated limit of ${mb(POPUP_OPEN.limitBytes)} for 50,000**. Growth is bounded by the retention setting (default 12 months of finished reminders).
`;
  mkdirSync(dirname(DOCS), { recursive: true });
  const before = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  writeFileSync(DOCS, replaceSection(before, POPUP_OPEN_SECTION, md));
}
