/**
 * The storage benchmark's figures (scripts/bench/storage.mjs): one summary that both the console
 * tables and the section "Storage at scale" of docs/benchmarks.md show, so the two never disagree.
 * Only that section of the file is replaced; the rest is kept byte for byte.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { DOCS } from './config.mjs';
import { fmtMs, mdTable, median, table } from './format.mjs';
import { replaceSection } from './report.mjs';
import { STORAGE } from './storage.mjs';

export const STORAGE_SECTION = 'Storage at scale';

/** ours / baseline with two significant digits below 1 (0.0039×, not 0.004×). */
export const ratio = (a, b) => (b > 0 ? `${a / b >= 1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}×` : 'n/a');
const num = (n) => Math.round(n).toLocaleString('en');
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const range = (xs) => `${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))}`;
const perSec = (rows, ms) => `${num((rows / ms) * 1000)} /s`;

export function storageSummary(bench) {
  const { results, large, small, v4, writes, writesV4 } = bench;
  const ms = (k, f = 'ms') => median(results[k].map((r) => r[f]));
  const spread = (k) => range(results[k].map((r) => r.ms));
  const n = (k) => results[k][0].found;
  const L = num(large.rows);
  const S = num(small.rows);
  const m = {
    fireDue: ms('large:fireDue'),
    getAll: ms('large:getAllFilter'),
    checks: ms('large:checksDue'),
    next: ms('large:nextDueAt'),
    // reminder.list as the popup asks it today (list-query.ts): the first request, then the live counts.
    list: ms('large:list'),
    listFirst: ms('large:list', 'readMs'),
    smallList: ms('small:list'),
    smallListFirst: ms('small:list', 'readMs'),
    // The old query, kept as the baseline: every reminder read and grouped.
    listAll: ms('large:listAll'),
    listRead: ms('large:listAll', 'readMs'),
    listGroup: ms('large:listAll', 'groupMs'),
    smallListAll: ms('small:listAll'),
    smallListRead: ms('small:listAll', 'readMs'),
    smallListGroup: ms('small:listAll', 'groupMs'),
    smallFireDue: ms('small:fireDue'),
  };
  const size = { large: large.after.usage - large.before.usage, small: small.after.usage - small.before.usage, v4: v4.after.usage - v4.before.usage };
  const V = bench.opened.dbs.large.version;

  const readHead = [`query on ${L} reminders, median of ${STORAGE.runs}`, 'answers', 'time', 'range', 'vs all() + filter'];
  const readRows = [
    ['what is due: store.fireDue(now) read, declining every reminder', `${num(n('large:fireDue'))} due`, fmtMs(m.fireDue), spread('large:fireDue'), ratio(m.fireDue, m.getAll)],
    ['baseline: store.all() + filter (waiting, dueAt ≤ now)', `${num(n('large:getAllFilter'))} due`, fmtMs(m.getAll), spread('large:getAllFilter'), '1×'],
    ['checks.due(now): reminders that want a look', `${num(n('large:checksDue'))}`, fmtMs(m.checks), spread('large:checksDue'), ratio(m.checks, m.getAll)],
    ['store.nextDueAt(): the alarm time', '1', fmtMs(m.next), spread('large:nextDueAt'), ratio(m.next, m.getAll)],
    ['popup list: reminder.list (list-query: first pages through the indexes, stored history counts, live counts)', `${num(n('large:list'))} counted`, fmtMs(m.list), spread('large:list'), ratio(m.list, m.getAll)],
    ['baseline (the old popup list): store.all() + groupIntoSections', `${num(n('large:listAll'))} rows`, fmtMs(m.listAll), spread('large:listAll'), ratio(m.listAll, m.getAll)],
  ];
  const scaleHead = ['query', `${S} reminders`, `${L} reminders`, `${L} / ${S}`];
  const scaleRows = [
    ['popup list: reminder.list as the popup asks it (list-query.ts)', fmtMs(m.smallList), fmtMs(m.list), ratio(m.list, m.smallList)],
    ['  of which the first request (rows + history counts)', fmtMs(m.smallListFirst), fmtMs(m.listFirst), ratio(m.listFirst, m.smallListFirst)],
    ['baseline (the old popup list): store.all() + groupIntoSections', fmtMs(m.smallListAll), fmtMs(m.listAll), ratio(m.listAll, m.smallListAll)],
    ['  of which store.all()', fmtMs(m.smallListRead), fmtMs(m.listRead), ratio(m.listRead, m.smallListRead)],
    ['  of which groupIntoSections', fmtMs(m.smallListGroup), fmtMs(m.listGroup), ratio(m.listGroup, m.smallListGroup)],
    [`what is due: store.fireDue read (${num(n('small:fireDue'))} vs ${num(n('large:fireDue'))} due)`, fmtMs(m.smallFireDue), fmtMs(m.fireDue), ratio(m.fireDue, m.smallFireDue)],
  ];
  const writeHead = ['write', 'reminders', 'time', 'throughput', 'time vs schema v4'];
  const writeRows = [
    [`seeding: IndexedDB add, ${num(STORAGE.batch)} per readwrite transaction, not awaited one by one (v${V}: 4 indexes)`, L, fmtMs(large.insertMs), perSec(large.rows, large.insertMs), ratio(large.insertMs, v4.insertMs)],
    [`  baseline: the same ${L} at schema v4 (6 indexes), seeded before`, L, fmtMs(v4.insertMs), perSec(v4.rows, v4.insertMs), '1×'],
    [`  the same for the ${S} store (v${V})`, S, fmtMs(small.insertMs), perSec(small.rows, small.insertMs), ''],
    [`counts rebuilt from the index after seeding (statusCounts.recount: what the daily check costs), ${L}`, L, fmtMs(large.recountMs), '', ''],
    [`bulkStore.putAll (backup import: one transaction, a read + put + counts each), into the ${L}`, num(writes.importRows), fmtMs(writes.importMs), perSec(writes.importRows, writes.importMs), ratio(writes.importMs, writesV4.importMs)],
    [`  baseline: the same at schema v4 (no counts, 6 indexes)`, num(writesV4.importRows), fmtMs(writesV4.importMs), perSec(writesV4.importRows, writesV4.importMs), '1×'],
    [`reminderStore.create (every "remind me": one transaction each, same-thread lookup, counts), into the ${L}`, num(writes.createRows), fmtMs(writes.createMs), `${perSec(writes.createRows, writes.createMs)} (${fmtMs(writes.createMs / writes.createRows)} each)`, ratio(writes.createMs, writesV4.createMs)],
    [`  baseline: the same at schema v4`, num(writesV4.createRows), fmtMs(writesV4.createMs), `${perSec(writesV4.createRows, writesV4.createMs)} (${fmtMs(writesV4.createMs / writesV4.createRows)} each)`, '1×'],
    ...(bench.migrated
      ? [[`migration v${bench.migrated.from} → v${bench.migrated.to} of that v4 store (every record unchanged by digest, counts equal to the index)`, num(bench.migrated.rows), fmtMs(bench.migrated.ms), perSec(bench.migrated.rows, bench.migrated.ms), '']]
      : []),
  ];
  const sizeHead = ['store', 'usage added while seeding', 'per reminder', 'its JSON per reminder', 'vs schema v4'];
  const sizeRows = [
    [`${L} reminders (v${V})`, mb(size.large), `${num(size.large / large.rows)} B`, `${num(large.jsonChars / large.rows)} chars`, ratio(size.large, size.v4)],
    [`baseline: the same ${L} at schema v4`, mb(size.v4), `${num(size.v4 / v4.rows)} B`, `${num(v4.jsonChars / v4.rows)} chars`, '1×'],
    [`${S} reminders (v${V})`, mb(size.small), `${num(size.small / small.rows)} B`, `${num(small.jsonChars / small.rows)} chars`, ''],
  ];
  return {
    bench,
    m,
    sizeHead,
    sizeRows,
    size,
    readHead,
    readRows,
    scaleHead,
    scaleRows,
    writeHead,
    writeRows,
    bytesPerReminder: size.large / large.rows,
    bytesPerReminderV4: size.v4 / v4.rows,
    jsonPerReminder: large.jsonChars / large.rows,
  };
}

export function printStorage(s) {
  const { bench } = s;
  console.log(
    `\n${num(bench.large.rows)} and ${num(bench.small.rows)} reminders in fresh databases (schema v${bench.opened.dbs.large.version}; the ${num(bench.large.rows)} also at v4) of one page, Chromium ${bench.version}, ` +
      `crossOriginIsolated=${bench.opened.crossOriginIsolated}; ${STORAGE.warmups} warm-up + ${STORAGE.runs} measured rounds\n`,
  );
  console.log(table(s.readHead, s.readRows));
  console.log('');
  console.log(table(s.scaleHead, s.scaleRows));
  console.log('');
  console.log(table(s.writeHead, s.writeRows));
  console.log('');
  console.log(table(s.sizeHead, s.sizeRows));
}

export function writeStorageReport(s) {
  const { bench, m } = s;
  const { large } = bench;
  const c = large.expected.counts;
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}, Chromium ${bench.version}, load average ${bench.load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min, before the run)`;
  const date = new Date().toISOString().slice(0, 10);
  const md = `
Measured ${date} by \`npm run bench\` (scripts/bench-content.mjs → scripts/bench/storage.mjs) on ${machine}.

The extension's own storage code — \`openReminderDb\` (src/storage/open-db.ts, which migrates to the current schema, v${bench.opened.dbs.large.version} with the indexes ${bench.opened.dbs.large.indexes.map((i) => `\`${i}\``).join(', ')}), \`reminderStore\`, \`checkStore\`, \`bulkStore\` — on real Chromium IndexedDB, bundled from test/bench/storage-entry.ts.

Data: ${num(large.rows)} reminders, seeded, built with \`createReminder\`: ${Object.entries(c).map(([k, v]) => `${k} ${num(v)}`).join(', ')}; 3 accounts (60 / 30 / 10 %); 1–5 recipients, subjects as in the popup bench, Gmail thread and Message-IDs, UUID-like keys (inserted in random key order), transition history and reply-check results as the states have them. Waiting reminders are due over the next year, most within weeks; ${num(large.expected.due)} of them have just come due (what a wake-up finds; the reconciler fires the rest as they come due); notified, replied, done and cancelled ones lie in the past year. JSON ${num(s.jsonPerReminder)} characters per reminder. The ${num(bench.small.rows)}-reminder store is the same mix from another seed.

Method: headless Chromium (playwright-core) with a fresh persistent profile in a temp dir, so IndexedDB is on disk as for the extension (Playwright's default contexts keep it in memory); the page is served offline from a routed https URL and is cross-origin isolated (crossOriginIsolated=${bench.opened.crossOriginIsolated}). All stores are fresh databases (new names every run), in one page (the v4 copy in a second page of another origin, see below). Every query runs once per round, after \`gc()\`, in a rotating order; ${STORAGE.warmups} warm-up round, then ${STORAGE.runs} measured; medians. "What is due" is \`store.fireDue(now, …)\` with an \`isReady\` that declines every reminder: the reconciler's own readwrite transaction and \`by-status-due\` read, with no write; the baseline reads every reminder (\`store.all()\`) and filters in JS. The popup list query is what \`reminder.list\` does for the popup today (src/storage/list-query.ts): each section's first page through the indexes with \`counts: 'page'\` (history's counts from the per-status counts store), then the second request the popup makes for the live sections longer than a page; its baseline is the old query, \`groupIntoSections(await store.all(), now, zone)\`. The same ${num(large.rows)} reminders are also seeded into a database at schema v4 (the two indexes v5 dropped, no counts store), in a second page of another origin (so \`navigator.storage.estimate()\`, which is per origin, measures it alone): the baseline of the size and write rows, written by the same storage code (without counts there); the store writes alternate v4 / today / today / v4 and are summed. Every query is checked against the seeded data (due counts, \`nextDueAt\`, section sizes and counts; the stored counts after the recount and after the writes), and the per-status counts are checked unchanged after the measured rounds; the script fails otherwise. The writes run last.

${mdTable(s.readHead, s.readRows)}

${mdTable(s.scaleHead, s.scaleRows)}

${mdTable(s.writeHead, s.writeRows)}

Size is what \`navigator.storage.estimate()\` reports the origin gained while each store was seeded (the small one first): the browser's files on disk as they stand, before any compaction, so the small store's share of fixed overhead is larger.

${mdTable(s.sizeHead, s.sizeRows)}

**At ${num(large.rows)} reminders: what is due ${fmtMs(m.fireDue)} through the index against ${fmtMs(m.getAll)} for a full read and filter (${ratio(m.fireDue, m.getAll)}); the popup list query ${fmtMs(m.list)}, ${ratio(m.list, m.smallList)} its time at ${num(bench.small.rows)}; its first request (what the first paint waits for) ${fmtMs(m.listFirst)}, ${ratio(m.listFirst, m.smallListFirst)}** (linear would be ${ratio(large.rows, bench.small.rows)}; the old full read: ${fmtMs(m.listAll)}, ${ratio(m.listAll, m.smallListAll)}). After the first paint the popup counts the live sections longer than a page with \`count()\`, which walks their keys (${num(large.expected.totals.upcoming)} upcoming in this mix). The store takes ${mb(s.size.large)} (${num(s.bytesPerReminder)} B per reminder, ${ratio(s.size.large, s.size.v4)} of the same store at schema v4) by \`navigator.storage.estimate()\`.
`;
  mkdirSync(dirname(DOCS), { recursive: true });
  const before = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  writeFileSync(DOCS, replaceSection(before, STORAGE_SECTION, md));
}
