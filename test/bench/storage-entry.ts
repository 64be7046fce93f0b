/**
 * Entry bundled (vite lib mode, IIFE, global FTStorageBench) by scripts/bench/storage.mjs and
 * loaded into headless Chromium on a routed https page: the extension's real storage code
 * (openReminderDb, reminderStore, checkStore, bulkStore) on real Chromium IndexedDB, with a
 * store of 50,000 reminders and one of 5,000 in the same page. Not part of the extension.
 *
 * The node side calls `open` once, `insert` per database, `run(task)` per measured round, then
 * `writeSample`. Every read task checks what it found against the data it was
 * seeded with, so a store that answers wrongly fails the bench instead of looking fast.
 * Nothing measured writes: "what is due" goes through store.fireDue with an `isReady` that
 * declines every reminder (the same readwrite transaction and index read, no put).
 */
import { createReminder, isWaiting, type Address, type Reminder, type ReminderStatus } from '../../src/core/reminder';
import { groupIntoSections, LIVE_SECTIONS, RECENT_LIMIT, SECTION_IDS, SECTION_PAGE, type SectionId } from '../../src/core/sections';
import { checkNeeded } from '../../src/core/replies/outcome';
import { openReminderDb, type ReminderDB } from '../../src/storage/open-db';
import { reminderStore, type ReminderStore } from '../../src/storage/reminder-store';
import { checkStore, type CheckStore } from '../../src/storage/check-store';
import { bulkStore } from '../../src/storage/bulk-store';
import { sectionQuery, type SectionQueryFn } from '../../src/storage/list-query';
import { COUNTED_STATUSES, hasCounts } from '../../src/storage/reminder-writes';
import { statusCounts, type StatusCounts } from '../../src/storage/status-counts';
import { seeded } from '../unit/seeded';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

// ---------------------------------------------------------------------------------------------
// Data: a seeded, realistic store. Waiting reminders are due over the next year; a few have just
// come due (what a wake-up finds: the reconciler fires the rest as they come due); notified,
// replied, done and cancelled ones lie in the past year.

const FIRST = ['Alice', 'Bob', 'Anna', 'Chen', 'Dana', 'Eve', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'María', 'Noor', 'Olek', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Ute', 'Vik', 'Wen', 'Yara', 'Zoë'];
const LAST = ['Example', 'Müller', 'Wei', 'Scully', 'Adams', 'Haddad', 'Hopper', 'Tanaka', 'García', 'Okafor', 'Lindqvist', 'Nowak', 'Patel', "O'Brien", 'Schmidt', 'Rossi', 'Dubois', 'Kowalski', 'Nguyen', 'Silva'];
const DOMAINS = ['example.com', 'acme.example', 'clientco.example', 'uni.example.edu', 'gmail.com', 'partner.example.org', 'shop.example'];
const TOPICS = [
  'Invoice', 'Contract renewal', 'Project kickoff', 'Quarterly report', 'Meeting notes', 'Proposal', 'Budget approval', 'Job application',
  'Interview schedule', 'Design review', 'Bug report', 'Feature request', 'Partnership', 'Press inquiry', 'Order confirmation', 'Refund request',
  'Conference talk', 'Offer letter', 'Lease agreement', 'Tax documents', 'Travel plans', 'Onboarding', 'Security audit', 'Sponsorship',
];
const QUALIFIERS = ['for March', 'Q3', 'draft v2', '— please review', 'follow-up', 'next steps', 'signed copy', 'final', 'updated', 'questions', 'urgent', ''];
const FOREIGN = ['Angebot für Müller GmbH', '会議の議事録について', 'عرض السعر للمشروع', 'Предложение о сотрудничестве', 'Résumé de la réunion', 'Solicitud de presupuesto'];
const PREFIXES = ['', '', '', 'Re: ', 'Re: ', 'Fwd: ', 'RE: '];
export const ACCOUNTS = ['me@example.com', 'me@work.example', 'orders@shop.example'];

/** Share of each status (the rest of 1 is pending); `justDue` is the share of waiting reminders that have just come due. */
export const MIX = { snoozed: 0.07, notified: 0.03, replied: 0.08, done: 0.04, cancelled: 0.01, justDue: 0.001 };

export interface DataSpec {
  rows: number;
  seed: number;
  /** The instant every query is made at. */
  now: number;
  /** Distinguishes the ids of two stores built with different seeds. */
  tag: string;
}

export function makeReminders(spec: DataSpec): Reminder[] {
  const rnd = seeded(spec.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const { now } = spec;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const person = (): Address => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@${pick(DOMAINS)}`;
    return rnd() < 0.8 ? { email, name: `${first} ${last}` } : { email };
  };
  const subject = (): string => {
    const r = rnd();
    if (r < 0.01) return '';
    if (r < 0.06) return pick(FOREIGN);
    const q = pick(QUALIFIERS);
    const base = `${pick(PREFIXES)}${pick(TOPICS)}${q ? ` ${q}` : ''}`;
    return rnd() < 0.1 ? `${base}: ${pick(TOPICS).toLowerCase()} and ${pick(TOPICS).toLowerCase()} for the ${pick(LAST)} account (#${1000 + Math.floor(rnd() * 9000)})` : base;
  };
  const statusOf = (): ReminderStatus => {
    let x = rnd();
    for (const s of ['snoozed', 'notified', 'replied', 'done', 'cancelled'] as const) {
      if (x < MIX[s]) return s;
      x -= MIX[s];
    }
    return 'pending';
  };

  const out: Reminder[] = [];
  for (let n = 0; n < spec.rows; n++) {
    const status = statusOf();
    const recipients = Array.from({ length: 1 + Math.floor(rnd() ** 2 * 5) }, person);
    const account = rnd() < 0.6 ? ACCOUNTS[0]! : rnd() < 0.75 ? ACCOUNTS[1]! : ACCOUNTS[2]!;
    // Waiting: over the next year, most in the next weeks; a few just came due. Others: the past year.
    let dueAt: number;
    let changedAt: number;
    if (status === 'pending' || status === 'snoozed') {
      dueAt = rnd() < MIX.justDue ? now - Math.floor(rnd() * 10 * MINUTE) : now + MINUTE + Math.floor(rnd() ** 2 * YEAR);
      changedAt = now - Math.floor(rnd() * 30 * DAY);
    } else {
      changedAt = now - Math.floor(rnd() * YEAR);
      dueAt = status === 'replied' || status === 'cancelled' ? changedAt + Math.floor(rnd() * 7 * DAY) : changedAt - Math.floor(rnd() * 3 * DAY);
      if (status === 'notified') changedAt = dueAt = now - Math.floor(rnd() * 60 * DAY);
    }
    const sentAt = Math.min(changedAt, dueAt) - Math.floor((1 + rnd() * 13) * DAY);
    const threadId = (0x18e0000000000000n + BigInt(Math.floor(rnd() * 2 ** 40))).toString(16);
    const r = createReminder(
      {
        // A UUID-like id, as the content script makes them: keys arrive in random order.
        id: `${hex(8)}-${hex(4)}-4${hex(3)}-${spec.tag}${hex(3)}-${hex(12)}`,
        account,
        thread: {
          provider: 'gmail',
          threadId,
          ...(rnd() < 0.5 ? { permThreadId: `thread-f:${BigInt(`0x${threadId}`).toString(10)}` } : {}),
          messageId: `<CA+${hex(24)}@mail.gmail.com>`,
          subject: subject(),
          recipients,
        },
        sentAt,
        dueAt,
      },
      sentAt,
    );
    r.status = status;
    r.updatedAt = Math.max(sentAt, changedAt);
    const at = r.updatedAt;
    const lookAt = Math.min(now, dueAt) - Math.floor(rnd() * 10 * MINUTE);
    switch (status) {
      case 'pending':
        r.rev = 1;
        if (rnd() < 0.1) r.check = { at: lookAt, source: 'print-view', outcome: 'no-reply', failures: 0 };
        break;
      case 'snoozed':
        r.rev = 4;
        r.history.push({ from: 'pending', to: 'notified', at: at - HOUR, cause: 'alarm' }, { from: 'notified', to: 'snoozed', at, cause: 'user' });
        r.check = { at: at - HOUR, source: 'print-view', outcome: 'no-reply', failures: 0 };
        break;
      case 'notified':
        r.rev = 3;
        r.announcedAt = at;
        r.history.push({ from: 'pending', to: 'notified', at, cause: 'alarm' });
        r.check =
          rnd() < 0.2
            ? { at, source: 'print-view', outcome: 'failed', failure: pick(['network', 'signed-out', 'no-access'] as const), failures: 1 + Math.floor(rnd() * 4), retryAt: now - HOUR + Math.floor(rnd() * 2 * HOUR) }
            : { at, source: 'print-view', outcome: 'no-reply', failures: 0 };
        break;
      case 'replied': {
        r.rev = 3;
        const by = recipients[0]!;
        const notes = [
          { from: { email: account }, at: sentAt, reason: 'own' as const },
          ...(rnd() < 0.2 ? [{ from: by, at: at - HOUR, reason: 'auto-reply' as const, detail: 'subject:Out of Office' }] : []),
          { id: `${by.email}|${Math.floor(at / MINUTE)}`, from: by, at, reason: 'reply' as const },
        ];
        r.resolution = { kind: 'reply', by, at, messageId: `${by.email}|${Math.floor(at / MINUTE)}`, source: rnd() < 0.5 ? 'print-view' : 'gmail-tab', notes };
        r.check = { at, source: r.resolution.source!, outcome: 'replied', by, failures: 0 };
        r.history.push({ from: 'pending', to: 'replied', at, cause: 'reply' });
        break;
      }
      case 'done':
        r.rev = 4;
        r.history.push({ from: 'pending', to: 'notified', at: dueAt, cause: 'alarm' }, { from: 'notified', to: 'done', at, cause: 'user' });
        r.check = { at: dueAt, source: 'print-view', outcome: 'no-reply', failures: 0 };
        break;
      case 'cancelled':
        r.rev = 2;
        r.history.push({ from: 'pending', to: 'cancelled', at, cause: 'user' });
        break;
    }
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What each query must answer, computed from the seeded data without the store.

interface Expected {
  rows: number;
  counts: Record<ReminderStatus, number>;
  /** Waiting reminders with dueAt ≤ now: what fireDue moves. */
  due: number;
  /** What checks.due(now) answers. */
  checksDue: number;
  nextDueAt: number | undefined;
  /** Rows per section in the old full list (history capped at RECENT_LIMIT). */
  sections: Record<SectionId, number>;
  /** Every section's full size (what the popup's headers count). */
  totals: Record<SectionId, number>;
}

function expectedOf(reminders: readonly Reminder[], now: number): Expected {
  const counts: Record<ReminderStatus, number> = { pending: 0, notified: 0, snoozed: 0, replied: 0, done: 0, cancelled: 0 };
  let due = 0;
  let checksDue = 0;
  let nextDueAt: number | undefined;
  let dueToday = 0;
  for (const r of reminders) {
    counts[r.status]++;
    if (isWaiting(r.status)) {
      if (r.dueAt <= now) due++;
      if (nextDueAt === undefined || r.dueAt < nextDueAt) nextDueAt = r.dueAt;
    }
    if (checkNeeded(r, now)) checksDue++;
    if (isWaiting(r.status) && r.dueAt > now && r.dueAt < endOfUtcDay(now)) dueToday++;
  }
  const waiting = counts.pending + counts.snoozed;
  return {
    rows: reminders.length,
    counts,
    due,
    checksDue,
    nextDueAt,
    sections: {
      overdue: counts.notified + due,
      // The benchmark's reminders are all "if no reply": nobody owes an answer.
      answer: 0,
      today: dueToday,
      upcoming: waiting - due - dueToday,
      replied: Math.min(RECENT_LIMIT, counts.replied),
      done: Math.min(RECENT_LIMIT, counts.done),
    },
    totals: {
      overdue: counts.notified + due,
      answer: 0,
      today: dueToday,
      upcoming: waiting - due - dueToday,
      replied: counts.replied,
      done: counts.done,
    },
  };
}

// The page groups in UTC (the context's zone is UTC, see storage.mjs), so the expected split needs no zone code.
const TIME_ZONE = 'UTC';
const endOfUtcDay = (t: number) => Math.floor(t / DAY) * DAY + DAY;

// ---------------------------------------------------------------------------------------------
// Page state and the calls the node side makes.

interface Db {
  name: string;
  db: ReminderDB;
  store: ReminderStore;
  checks: CheckStore;
  list: SectionQueryFn;
  counts: StatusCounts;
  expected?: Expected;
}

const dbs = new Map<string, Db>();
let NOW = 0;

function fail(message: string): never {
  throw new Error(message);
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

async function estimate() {
  const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB ?? null, quota: e.quota ?? 0 };
}

/**
 * Opens (and migrates) one fresh database per key: to the current schema, or to `versions[key]` (the v4
 * baseline: six indexes, no counts store; the same storage code writes it without counts).
 */
async function open(input: { now: number; names: Record<string, string>; versions?: Record<string, number> }) {
  NOW = input.now;
  const out: Record<string, { version: number; indexes: string[]; stores: string[] }> = {};
  for (const [key, name] of Object.entries(input.names)) {
    const version = input.versions?.[key];
    const db = await openReminderDb(indexedDB, { name, ...(version ? { version } : {}) });
    if ((await db.count('reminders')) !== 0) fail(`${name} is not a fresh database`);
    dbs.set(key, { name, db, store: reminderStore(db), checks: checkStore(db), list: sectionQuery(db), counts: statusCounts(db) });
    out[key] = { version: db.version, indexes: [...db.transaction('reminders').store.indexNames], stores: [...db.objectStoreNames] };
  }
  return { dbs: out, crossOriginIsolated: globalThis.crossOriginIsolated, before: await estimate(), userAgent: navigator.userAgent };
}

const get = (key: string) => dbs.get(key) ?? fail(`no database ${key}`);

/**
 * Seeds one database: `batch` puts per readwrite transaction, issued without waiting for each
 * (the fastest IndexedDB takes them; the store's own write paths are timed by `writeSample`).
 */
async function insert(input: { key: string; rows: number; seed: number; batch: number; tag: string }) {
  const d = get(input.key);
  const t0 = performance.now();
  const reminders = makeReminders({ rows: input.rows, seed: input.seed, now: NOW, tag: input.tag });
  const genMs = performance.now() - t0;
  d.expected = expectedOf(reminders, NOW);
  const before = await estimate();
  const batchMs: number[] = [];
  const t1 = performance.now();
  for (let i = 0; i < reminders.length; i += input.batch) {
    const b0 = performance.now();
    const tx = d.db.transaction('reminders', 'readwrite');
    await Promise.all([...reminders.slice(i, i + input.batch).map((r) => tx.store.add(r)), tx.done]);
    batchMs.push(performance.now() - b0);
  }
  const insertMs = performance.now() - t1;
  const count = await d.db.count('reminders');
  if (count !== input.rows) fail(`${input.key}: ${count} reminders stored, meant ${input.rows}`);
  // Raw adds bypass the counts: the recount (what the background runs daily) builds them, timed.
  const t2 = performance.now();
  const fixed = await d.counts.recount();
  const recountMs = performance.now() - t2;
  if (hasCounts(d.db)) {
    for (const s of COUNTED_STATUSES) {
      if ((await d.db.get('counts', s)) !== d.expected.counts[s]) fail(`${input.key}: count of ${s} not rebuilt`);
    }
  }
  const after = await estimate();
  const json = reminders.reduce((n, r) => n + JSON.stringify(r).length, 0);
  return { rows: count, genMs, insertMs, batchMs, before, after, jsonChars: json, expected: d.expected, recountMs, recounted: fixed.length };
}

type Task = 'fireDue' | 'getAllFilter' | 'checksDue' | 'nextDueAt' | 'list' | 'listAll';

/** One measured read on one database; checked against the seeded data. */
async function run(input: { key: string; task: Task }) {
  const d = get(input.key);
  const exp = d.expected ?? fail(`${input.key} was not seeded`);
  const now = NOW;
  gc();
  // Let the collector and any pending IndexedDB work settle.
  await new Promise((r) => setTimeout(r, 0));
  let found = 0;
  let splitMs: number | undefined;
  const t0 = performance.now();
  switch (input.task) {
    case 'fireDue': {
      // The reconciler's read, through the real method: every due waiting reminder is offered to isReady, none is moved.
      const fired = await d.store.fireDue(now, 'bench', () => {
        found++;
        return false;
      });
      if (fired.length) fail('fireDue moved reminders during a read-only run');
      break;
    }
    case 'getAllFilter': {
      const all = await d.store.all();
      found = all.filter((r) => isWaiting(r.status) && r.dueAt <= now).length;
      break;
    }
    case 'checksDue':
      found = (await d.checks.due(now)).length;
      break;
    case 'nextDueAt': {
      const next = await d.store.nextDueAt();
      found = next === undefined ? 0 : 1;
      if (next !== exp.nextDueAt) fail(`${input.key}: nextDueAt ${next}, expected ${exp.nextDueAt}`);
      break;
    }
    case 'list': {
      // What reminder.list does for the popup today (list-query.ts): each section's first page through the
      // indexes, with counts: 'page' (history's from the counts store), then the popup's second request
      // counting the live sections that were longer than a page.
      const query = { now, endOfToday: endOfUtcDay(now), limits: SECTION_PAGE };
      const first = await d.list({ ...query, counts: 'page' });
      splitMs = performance.now() - t0;
      const uncounted = LIVE_SECTIONS.filter((id) => first.counts[id] === undefined);
      const second = uncounted.length ? await d.list({ ...query, sections: [], counts: uncounted }) : { counts: {} };
      const counts = { ...second.counts, ...first.counts };
      if (first.recount) fail(`${input.key}: the stored counts disagree with the rows`);
      for (const id of SECTION_IDS) {
        const rows = first.sections[id]?.length ?? -1;
        if (rows !== Math.min(SECTION_PAGE[id], exp.totals[id])) fail(`${input.key}: section ${id} has ${rows} rows, expected ${Math.min(SECTION_PAGE[id], exp.totals[id])}`);
        if (counts[id] !== exp.totals[id]) fail(`${input.key}: section ${id} counted ${counts[id]}, expected ${exp.totals[id]}`);
      }
      found = SECTION_IDS.reduce((n, id) => n + counts[id]!, 0);
      break;
    }
    case 'listAll': {
      // The popup's list before the indexes (the baseline): every reminder, grouped into the sections.
      const all = await d.store.all();
      splitMs = performance.now() - t0;
      const sections = groupIntoSections(all, now, TIME_ZONE);
      for (const id of SECTION_IDS) {
        if (sections[id].length !== exp.sections[id]) fail(`${input.key}: section ${id} has ${sections[id].length}, expected ${exp.sections[id]}`);
      }
      found = SECTION_IDS.reduce((n, id) => n + sections[id].length, 0);
      break;
    }
  }
  const ms = performance.now() - t0;
  const want = {
    fireDue: exp.due,
    getAllFilter: exp.due,
    checksDue: exp.checksDue,
    nextDueAt: exp.nextDueAt === undefined ? 0 : 1,
    list: SECTION_IDS.reduce((n, id) => n + exp.totals[id], 0),
    listAll: SECTION_IDS.reduce((n, id) => n + exp.sections[id], 0),
  }[input.task];
  if (found !== want) fail(`${input.key} ${input.task}: found ${found}, expected ${want}`);
  return { ms, found, ...(splitMs === undefined ? {} : { readMs: splitMs, groupMs: ms - splitMs }) };
}

/**
 * The store's own write paths into a seeded store, after the reads (they write): bulkStore.putAll
 * (backup import: one transaction, a key lookup and a put per reminder) and reminderStore.create
 * (every "remind me": one transaction each, with the same-thread lookup).
 */
async function writeSample(input: { key: string; importRows: number; createRows: number; seed: number }) {
  const d = get(input.key);
  const fresh = makeReminders({ rows: input.importRows + input.createRows, seed: input.seed, now: NOW, tag: 'c' });
  const before = await d.db.count('reminders');
  const t0 = performance.now();
  const res = await bulkStore(d.db).putAll(fresh.slice(0, input.importRows));
  const importMs = performance.now() - t0;
  if (res.imported !== input.importRows || res.replaced.length) fail(`putAll: ${res.imported} imported, ${res.replaced.length} replaced`);
  const created = fresh
    .slice(input.importRows)
    .map((r) => createReminder({ id: r.id, account: r.account, thread: r.thread, sentAt: NOW - HOUR, dueAt: NOW + DAY + (r.dueAt % DAY) }, NOW - HOUR));
  const t1 = performance.now();
  for (const r of created) {
    const out = await d.store.create(r, NOW);
    if (out.outcome !== 'created') fail(`create ${r.id}: ${out.outcome}, expected created`);
  }
  const createMs = performance.now() - t1;
  const after = await d.db.count('reminders');
  if (after !== before + fresh.length) fail(`writes: ${after - before} stored, meant ${fresh.length}`);
  // The write paths kept the stored counts right (Chromium, not only fake-indexeddb).
  if (hasCounts(d.db)) {
    for (const s of COUNTED_STATUSES) {
      const n = await d.store.countByStatus(s);
      if ((await d.db.get('counts', s)) !== n) fail(`${input.key}: stored count of ${s} is not ${n} after the writes`);
    }
  }
  return { importMs, importRows: input.importRows, createMs, createRows: input.createRows };
}

/** FNV-1a over every record's JSON in key order, and how many there are: "every reminder unchanged" in one number. */
async function digest(db: ReminderDB) {
  let h = 0x811c9dc5;
  const all = await db.getAll('reminders');
  for (const r of all) {
    const s = JSON.stringify(r);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  }
  return { rows: all.length, hash: h };
}

/**
 * Upgrades one (v4) database to the current schema in Chromium, timed: the real migrations (v5 drops two
 * indexes, v6 counts finished reminders) on a store as large as a heavy user's. Fails unless every record
 * is byte for byte what it was and the counts equal the index's.
 */
async function migrate(input: { key: string }) {
  const d = get(input.key);
  const before = await digest(d.db);
  const from = d.db.version;
  d.db.close();
  const t0 = performance.now();
  const db = await openReminderDb(indexedDB, { name: d.name });
  const ms = performance.now() - t0;
  const after = await digest(db);
  if (after.rows !== before.rows || after.hash !== before.hash) fail(`${input.key}: the migration changed the records (${before.rows} → ${after.rows})`);
  const store = reminderStore(db);
  const counts: Record<string, number> = {};
  for (const s of COUNTED_STATUSES) {
    counts[s] = await store.countByStatus(s);
    if ((await db.get('counts', s)) !== counts[s]) fail(`${input.key}: the migration counted ${s} wrong`);
  }
  dbs.set(input.key, { ...d, db, store, checks: checkStore(db), list: sectionQuery(db), counts: statusCounts(db) });
  return { ms, from, to: db.version, rows: after.rows, indexes: [...db.transaction('reminders').store.indexNames], counts };
}

/** Counts that must not change across the measured (read-only) runs. */
async function census(input: { key: string }) {
  const d = get(input.key);
  const counts: Partial<Record<ReminderStatus, number>> = {};
  for (const s of ['pending', 'snoozed', 'notified', 'replied', 'done', 'cancelled'] as const) counts[s] = await d.store.countByStatus(s);
  return counts;
}

export { open, insert, run, writeSample, census, estimate, migrate };
