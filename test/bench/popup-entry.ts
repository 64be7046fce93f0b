/**
 * Entry bundled (vite lib mode, IIFE, global FTPopupBench) by scripts/bench/popup.mjs and
 * loaded into headless Chromium: the popup checklist (renderChecklist, src/popup/render.tsx)
 * against a naive, non-virtualised list of the same rows, on the same 5,000 reminders.
 * Not part of the extension.
 *
 * The node side calls `setup` once, then `run('ours' | 'naive')` per round; every round
 * renders into a fresh container, waits for the next frame after layout, scrolls through
 * the list in fixed steps, then unmounts. Figures are wall times from performance.now().
 */
import { createReminder, type Address, type Reminder, type ReminderStatus } from '../../src/core/reminder';
import { groupIntoSections, SECTION_IDS, type SectionId } from '../../src/core/sections';
import { ROW_HEIGHT } from '../../src/popup/virtual';
import { renderChecklist } from '../../src/popup/render';
import type { Env, ListData, Translate } from '../../src/popup/types';
import { buildItems, type Item } from '../../src/popup/model';
import { rowText } from '../../src/popup/format';

/** `control` renders nothing (an empty scroller of the same height): the frame-wait floor of the method. */
export type Strategy = 'ours' | 'naive' | 'control';

/** The shape of public/_locales/<lang>/messages.json. */
export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `browser.i18n.getMessage` over a messages.json; throws on a key the locale lacks (a real error: the popup asks for it). */
export function makeTranslator(messages: Messages): Translate {
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`No message ${key}`);
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) =>
      (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, d: string) => subs[Number(d) - 1] ?? ''),
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Data: a seeded, realistic store of reminders, grouped the way the background answers reminder.list.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
const ACCOUNTS = ['me@example.com', 'me@work.example', 'orders@shop.example'];

/** 5,000 is the size the popup must stay fast at; the resolved sections hold the most recent 50 each, as sent. */
export const SECTION_SHARE: Record<SectionId, number> = { overdue: 0.08, answer: 0, today: 0.05, upcoming: 0.85, replied: 0.01, done: 0.01 };

export interface DataSpec {
  rows: number;
  seed: number;
  /** The instant the list is computed at. */
  now: number;
  timeZone: string;
}

/** A `reminder.list` answer with exactly `spec.rows` rows over the five sections (counts as the background computes them). */
export function makeList(spec: DataSpec): ListData {
  const rnd = mulberry32(spec.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const { now, rows } = spec;
  const counts: Record<SectionId, number> = { overdue: 0, answer: 0, today: 0, upcoming: 0, replied: 0, done: 0 };
  let left = rows;
  for (const id of SECTION_IDS) {
    counts[id] = id === 'upcoming' ? 0 : Math.round(rows * SECTION_SHARE[id]);
    left -= counts[id];
  }
  counts.upcoming = left;

  const endOfToday = Math.floor(now / DAY) * DAY + DAY; // UTC day: spec.timeZone is UTC
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

  const all: Reminder[] = [];
  let serial = 0;
  const make = (section: SectionId): Reminder => {
    const n = serial++;
    const recipients = Array.from({ length: 1 + Math.floor(rnd() ** 2 * 5) }, person);
    let dueAt: number;
    if (section === 'overdue') dueAt = now - Math.floor(rnd() * 30 * DAY) - MINUTE;
    else if (section === 'today') dueAt = now + MINUTE + Math.floor(rnd() * (endOfToday - now - 2 * MINUTE));
    else if (section === 'upcoming') dueAt = endOfToday + Math.floor(rnd() * 90 * DAY);
    else dueAt = now - Math.floor(rnd() * 20 * DAY);
    const sentAt = Math.min(dueAt, now) - Math.floor((1 + rnd() * 10) * DAY);
    const threadId = (0x18e0000000000000n + BigInt(n) * 7919n).toString(16);
    const r = createReminder(
      {
        id: `bench-${n}`,
        account: rnd() < 0.6 ? ACCOUNTS[0]! : rnd() < 0.75 ? ACCOUNTS[1]! : ACCOUNTS[2]!,
        thread: { provider: 'gmail', threadId, messageId: `<bench${n}@mail.gmail.com>`, subject: subject(), recipients },
        sentAt,
        dueAt,
      },
      sentAt,
    );
    let status: ReminderStatus = 'pending';
    if (section === 'overdue') status = rnd() < 0.7 ? 'notified' : 'pending';
    else if (section !== 'replied' && section !== 'done') status = rnd() < 0.1 ? 'snoozed' : 'pending';
    else status = section;
    r.status = status;
    r.updatedAt = section === 'replied' || section === 'done' ? now - Math.floor(rnd() * 14 * DAY) : Math.max(sentAt, now - Math.floor(rnd() * 3 * DAY));
    if (status === 'replied') {
      const by = recipients[0]!;
      r.resolution = { kind: 'reply', by, at: r.updatedAt, source: rnd() < 0.5 ? 'print-view' : 'gmail-tab' };
    } else if (status !== 'done') {
      const c = rnd();
      const at = now - Math.floor(rnd() * 6 * HOUR);
      if (c < 0.6) r.check = { at, source: 'print-view', outcome: 'no-reply', failures: 0 };
      else if (c < 0.66) r.check = { at, source: 'print-view', outcome: 'failed', failure: pick(['network', 'signed-out', 'no-access'] as const), failures: 1, retryAt: now + HOUR };
      else if (c < 0.67) r.check = { at, source: 'print-view', outcome: 'bounced', by: { email: `mailer-daemon@${pick(DOMAINS)}` }, failures: 0 };
    }
    r.history.push({ from: 'pending', to: status, at: r.updatedAt, cause: 'bench' });
    return r;
  };
  for (const id of SECTION_IDS) for (let i = 0; i < counts[id]; i++) all.push(make(id));
  // Stored in creation order, not section order: grouping sorts them as the background does.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const sections = groupIntoSections(all, now, spec.timeZone);
  const got = Object.fromEntries(SECTION_IDS.map((id) => [id, sections[id].length])) as Record<SectionId, number>;
  for (const id of SECTION_IDS) {
    if (got[id] !== counts[id]) throw new Error(`bench data: section ${id} has ${got[id]} reminders, meant ${counts[id]}`);
  }
  return { sections, counts: got, now };
}

// ---------------------------------------------------------------------------------------------
// The baseline: every row as a plain <li> with textContent, in a scrolling container of the popup's list height.

/** Height of the popup's list viewport, and of the baseline's container (MAX_VIEWPORT in src/popup/virtual.ts). */
export const VIEWPORT = 448;

export const NAIVE_CSS = `
.naive, .control { height: ${VIEWPORT}px; width: 100%; overflow-y: auto; }
.naive ul { margin: 0; padding: 0; list-style: none; }
.naive li { height: ${ROW_HEIGHT}px; padding: 4px 16px; overflow: hidden; border-bottom: 1px solid #dadce0; }
`;

export function renderNaive(container: Element, list: ListData): () => void {
  const doc = container.ownerDocument;
  const due = new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });
  const scroller = doc.createElement('div');
  scroller.className = 'naive';
  const ul = doc.createElement('ul');
  for (const id of SECTION_IDS) {
    for (const r of list.sections[id] ?? []) {
      const li = doc.createElement('li');
      li.dataset.id = r.id;
      li.textContent = `${r.thread.subject} · ${r.thread.recipients.map((a) => a.name ?? a.email).join(', ')} · ${due.format(r.dueAt)}`;
      ul.append(li);
    }
  }
  scroller.append(ul);
  container.append(scroller);
  return () => container.replaceChildren();
}

/** The control: a scroller as tall as the naive list, with nothing in it. */
function renderControl(container: Element, rows: number): () => void {
  const scroller = container.ownerDocument.createElement('div');
  scroller.className = 'control';
  const spacer = container.ownerDocument.createElement('div');
  spacer.style.height = `${rows * ROW_HEIGHT}px`;
  scroller.append(spacer);
  container.append(scroller);
  return () => container.replaceChildren();
}

// ---------------------------------------------------------------------------------------------
// In the page: set up once, then one round per call.

export interface SetupInput extends DataSpec {
  messages: Messages;
  scrollSteps: number;
}

export interface RoundResult {
  strategy: Strategy;
  /** From the call to the next frame after layout. */
  firstMs: number;
  /** The synchronous part: the call itself. */
  callMs: number;
  /** Nodes (elements + text + comments) and elements inside the container after the first frame. */
  nodes: number;
  elements: number;
  /** Reminder rows in the DOM after the first frame. */
  rowsInDom: number;
  /** Sum over the scroll steps, each from setting scrollTop to the next frame after layout (0 when not scrolled). */
  scrollMs: number;
  /** Slowest scroll step. */
  maxStepMs: number;
  scrollSteps: number;
  /** Distance scrolled, px. */
  scrolled: number;
  /** Most nodes seen after any scroll step. */
  maxNodesWhileScrolling: number;
}

let list: ListData | undefined;
let t: Translate | undefined;
let steps = 50;
let rowTotal = 0;
/** The items the checklist shows, unfiltered (what checkScrolled compares the DOM with). */
let shownItems: Item[] | undefined;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

function countNodes(root: Node): { nodes: number; elements: number } {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let nodes = 0;
  let elements = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    if (n.nodeType === Node.ELEMENT_NODE) elements++;
  }
  return { nodes, elements };
}

export function setup(input: SetupInput) {
  const t0 = performance.now();
  list = makeList(input);
  t = makeTranslator(input.messages);
  steps = input.scrollSteps;
  rowTotal = SECTION_IDS.reduce((n, id) => n + (list!.sections[id]?.length ?? 0), 0);
  shownItems = buildItems(list, { query: '', account: '' });
  const style = document.createElement('style');
  style.textContent = NAIVE_CSS;
  document.head.append(style);
  const accounts = new Set(SECTION_IDS.flatMap((id) => (list!.sections[id] ?? []).map((r) => r.account)));
  return {
    rows: rowTotal,
    counts: list.counts,
    accounts: accounts.size,
    dataMs: performance.now() - t0,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    devicePixelRatio,
    viewport: { width: innerWidth, height: innerHeight },
  };
}

/** What must be on screen after the first frame: fails the run when a strategy shows the wrong thing. */
function checkFirst(strategy: Strategy, container: Element, data: ListData): number {
  if (strategy === 'control') return 0;
  const first = SECTION_IDS.flatMap((id) => data.sections[id] ?? [])[0]!;
  if (strategy === 'naive') {
    const lis = container.querySelectorAll('li');
    if (lis.length !== rowTotal) throw new Error(`naive: ${lis.length} <li> for ${rowTotal} rows`);
    if (!lis[0]!.textContent!.startsWith(first.thread.subject)) throw new Error('naive: first row is not the first reminder');
    return lis.length;
  }
  const spacer = container.querySelector<HTMLElement>('.viewport > .spacer');
  if (!spacer) throw new Error('ours: no list rendered (is the checklist showing an error or the empty state?)');
  const items = rowTotal + SECTION_IDS.filter((id) => (data.sections[id]?.length ?? 0) > 0).length;
  if (spacer.offsetHeight !== items * ROW_HEIGHT) throw new Error(`ours: the list is ${spacer.offsetHeight}px tall, expected ${items} items × ${ROW_HEIGHT}px`);
  const row = container.querySelector<HTMLElement>(`[data-id="${first.id}"]`);
  if (!row) throw new Error('ours: the first reminder is not rendered');
  if (row.querySelector('.subject')?.textContent !== (first.thread.subject || t!('noSubject'))) throw new Error('ours: the first row does not show its subject');
  return container.querySelectorAll('[data-id]').length;
}

/**
 * After a scroll step: every item in the viewport is in the DOM (no blank window), and every rendered element
 * shows the item at its position (rows are re-filled in place while scrolling: none may show stale text).
 */
function checkScrolled(strategy: Strategy, scroller: HTMLElement) {
  if (strategy !== 'ours') return;
  const top = scroller.scrollTop;
  const spacer = scroller.firstElementChild as HTMLElement;
  const items = shownItems!;
  const env: Env = { t: t!, locale: 'en', timeZone: 'UTC', now: list!.now };
  const at = new Map<number, HTMLElement>();
  for (const c of spacer.children) {
    const el = c as HTMLElement;
    const i = Math.round(parseFloat(el.style.top) / ROW_HEIGHT);
    at.set(i, el);
    const item = items[i];
    const fail = (what: string) => new Error(`ours: the element at item ${i} (scrollTop ${top}) ${what}`);
    if (!item) throw fail('lies past the end of the list');
    if (item.kind === 'header') {
      if (el.tagName !== 'H2' || !el.textContent!.startsWith(t!(`section_${item.section}`))) throw fail(`is not the heading of ${item.section}`);
      continue;
    }
    if (item.kind !== 'row') continue;
    const r = item.reminder;
    if (el.dataset.id !== r.id || el.dataset.index !== String(i)) throw fail(`is ${el.dataset.id} at index ${el.dataset.index}, not ${r.id}`);
    const text = rowText(r, item.section, env);
    const shown = [el.querySelector('.subject')?.textContent, el.querySelector('.when')?.textContent, el.querySelector('.who')?.textContent, el.getAttribute('aria-label')];
    const want = [text.subject, text.when, text.recipients, text.label];
    if (shown.some((s, k) => s !== want[k])) throw fail(`shows ${JSON.stringify(shown)}, not ${JSON.stringify(want)}`);
  }
  const first = Math.floor(top / ROW_HEIGHT);
  const last = Math.floor((top + scroller.clientHeight - 1) / ROW_HEIGHT);
  for (let i = first; i <= last; i++) if (!at.has(i)) throw new Error(`ours: item ${i} is in the viewport at scrollTop ${top} but not rendered`);
}

interface Mounted {
  strategy: Strategy;
  container: HTMLElement;
  scroller: HTMLElement;
  unmount: () => void;
  nodes: number;
}
let mounted: Mounted | undefined;

export type FirstResult = Pick<RoundResult, 'strategy' | 'firstMs' | 'callMs' | 'nodes' | 'elements' | 'rowsInDom'>;
export type ScrollResult = Pick<RoundResult, 'scrollMs' | 'maxStepMs' | 'scrollSteps' | 'scrolled' | 'maxNodesWhileScrolling'> & {
  /** Time spent in the bench's own checks between steps (not the list's work): subtracted from the CDP main-thread figures. */
  checkMs: number;
};

/** A fresh container, the first render to the next frame; the list stays mounted for `scrollMounted` and `unmountMounted`. */
export async function mount(strategy: Strategy): Promise<FirstResult> {
  if (!list || !t) throw new Error('setup() first');
  if (mounted) throw new Error('unmountMounted() first');
  const data = list;
  const container = document.createElement('div');
  container.className = 'bench-root';
  document.body.append(container);
  (globalThis as { gc?: () => void }).gc?.();
  await frame();
  await frame();

  const t0 = performance.now();
  const unmount =
    strategy === 'ours'
      ? renderChecklist(container, data, { t, locale: 'en', timeZone: 'UTC' })
      : strategy === 'naive'
        ? renderNaive(container, data)
        : renderControl(container, rowTotal);
  const t1 = performance.now();
  await frame();
  const t2 = performance.now();

  const { nodes, elements } = countNodes(container);
  const rowsInDom = checkFirst(strategy, container, data);

  const scroller = container.querySelector<HTMLElement>(strategy === 'ours' ? '.viewport' : `.${strategy}`);
  if (!scroller) throw new Error(`${strategy}: no scrolling container`);
  if (Math.abs(scroller.clientHeight - VIEWPORT) > 1) throw new Error(`${strategy}: list viewport is ${scroller.clientHeight}px, expected ${VIEWPORT}px`);
  if (scroller.scrollHeight - scroller.clientHeight <= 0) throw new Error(`${strategy}: the list does not scroll`);
  mounted = { strategy, container, scroller, unmount, nodes };
  // Let the first render's after-work (effects, idle GC) settle so it is not counted as scrolling.
  await frame();
  await frame();
  return { strategy, firstMs: t2 - t0, callMs: t1 - t0, nodes, elements, rowsInDom };
}

/** A mouse wheel's notch in Chromium (100 px per notch at 100 % zoom would be gentler; 120 px is the usual delta). */
export const WHEEL_PX = 120;
export const WHEEL_STEPS = 100;

/**
 * `jump`: scrolls the mounted list from the top to its end in `steps` equal scrollTop steps (about 100 rows each:
 * every step shows rows never shown, as when the scrollbar is dragged). `wheel`: from where it is, WHEEL_STEPS
 * steps of WHEEL_PX up (a couple of rows each, as a mouse wheel scrolls). Each step is timed to the next frame after layout.
 */
export async function scrollMounted(mode: 'jump' | 'wheel' = 'jump'): Promise<ScrollResult> {
  if (!mounted) throw new Error('mount() first');
  const { strategy, container, scroller } = mounted;
  const max = scroller.scrollHeight - scroller.clientHeight;
  const from = scroller.scrollTop;
  const n = mode === 'jump' ? steps : WHEEL_STEPS;
  if (mode === 'wheel' && from < n * WHEEL_PX) throw new Error(`${strategy}: wheel scroll needs ${n * WHEEL_PX}px above, has ${from}`);
  let scrollMs = 0;
  let maxStepMs = 0;
  let checkMs = 0;
  let maxNodes = mounted.nodes;
  for (let i = 1; i <= n; i++) {
    const s = performance.now();
    scroller.scrollTop = mode === 'jump' ? Math.round((max * i) / n) : from - i * WHEEL_PX;
    await frame();
    const e = performance.now();
    const ms = e - s;
    scrollMs += ms;
    maxStepMs = Math.max(maxStepMs, ms);
    checkScrolled(strategy, scroller);
    if (strategy === 'ours') maxNodes = Math.max(maxNodes, countNodes(container).nodes);
    checkMs += performance.now() - e;
  }
  const want = mode === 'jump' ? max : from - n * WHEEL_PX;
  if (Math.abs(scroller.scrollTop - want) > 1) throw new Error(`${strategy}: ${mode} scroll ended at scrollTop ${scroller.scrollTop}, not ${want}`);
  return { scrollMs, maxStepMs, scrollSteps: n, scrolled: Math.abs(scroller.scrollTop - from), maxNodesWhileScrolling: maxNodes, checkMs };
}

export function unmountMounted(): void {
  if (!mounted) return;
  mounted.unmount();
  mounted.container.remove();
  mounted = undefined;
}

/** One round: mount, then (when `scroll`) the scroll steps; then unmount. */
export async function run(strategy: Strategy, scroll: boolean): Promise<RoundResult> {
  const first = await mount(strategy);
  const none = { scrollMs: 0, maxStepMs: 0, scrollSteps: 0, scrolled: 0, maxNodesWhileScrolling: first.nodes, checkMs: 0 };
  const sc = scroll ? await scrollMounted() : none;
  unmountMounted();
  return { ...first, ...sc };
}
