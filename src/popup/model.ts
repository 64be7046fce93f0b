/** Pure list logic: which rows show, in what order, under which heading. */
import type { Reminder } from '../core/reminder';
import { SECTION_IDS, type SectionId } from '../core/sections';
import type { ListData } from './types';

export type Item =
  /** `atLeast`: the section has more than `count` rows, how many is still being counted. */
  | { kind: 'header'; section: SectionId; count: number; atLeast?: boolean }
  | { kind: 'row'; section: SectionId; reminder: Reminder }
  /** The section has rows the background did not send yet ("Show more"); `remaining` unknown while counting. */
  | { kind: 'more'; section: SectionId; remaining?: number };

export interface Filter {
  /** Free text matched against subject, recipients and account. */
  query: string;
  /** Only this account; '' for all. */
  account: string;
}

const haystacks = new WeakMap<Reminder, string>();

/** Lower-cased subject, recipient names and addresses, and account: built once per reminder object. */
function haystack(r: Reminder): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    const who = r.thread.recipients.map((a) => `${a.name ?? ''} ${a.email}`).join(' ');
    h = `${r.thread.subject}\n${who}\n${r.account}`.toLocaleLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

/** Every word of the query must appear somewhere (order free). */
export function matches(r: Reminder, filter: Filter): boolean {
  if (filter.account && r.account !== filter.account) return false;
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const h = haystack(r);
  return words.every((w) => h.includes(w));
}

export const isFiltering = (f: Filter) => f.query.trim() !== '' || f.account !== '';

/** Headings and rows in display order; empty sections are left out. Unfiltered headings show the background's counts. */
export function buildItems(list: ListData, filter: Filter): Item[] {
  const items: Item[] = [];
  const filtering = isFiltering(filter);
  for (const section of SECTION_IDS) {
    const all = list.sections[section] ?? [];
    const rows = filtering ? all.filter((r) => matches(r, filter)) : all;
    const count = list.counts[section];
    // No count yet means the background sent a full page and is still counting the rest.
    const remaining = count === undefined ? (all.length > 0 ? undefined : 0) : Math.max(0, count - all.length);
    if (rows.length === 0 && remaining === 0) continue;
    if (filtering) items.push({ kind: 'header', section, count: rows.length });
    else if (count === undefined) items.push({ kind: 'header', section, count: rows.length, atLeast: true });
    else items.push({ kind: 'header', section, count: Math.max(count, rows.length) });
    for (const reminder of rows) items.push({ kind: 'row', section, reminder });
    // Unread rows stay reachable (also while searching: the search covers the rows loaded so far).
    if (remaining !== 0) items.push({ kind: 'more', section, ...(remaining !== undefined ? { remaining } : {}) });
  }
  return items;
}

/** The accounts that have reminders in the list, sorted. */
export function accountsOf(list: ListData): string[] {
  const seen = new Set<string>();
  for (const section of SECTION_IDS) for (const r of list.sections[section] ?? []) seen.add(r.account);
  return [...seen].sort();
}

/** Every reminder the list has (counted, or at least loaded). */
export const totalOf = (list: ListData) => SECTION_IDS.reduce((n, id) => n + Math.max(list.counts[id] ?? 0, list.sections[id]?.length ?? 0), 0);

/** The next row index from `from` in direction `step` (±1), skipping headings; `from` itself when there is none. */
export function stepRow(items: readonly Item[], from: number, step: number): number {
  for (let i = from + step; i >= 0 && i < items.length; i += step) if (items[i]!.kind === 'row') return i;
  return from;
}

/** The nearest row to `index` (itself, then downwards, then upwards); -1 when there are no rows. */
export function nearestRow(items: readonly Item[], index: number): number {
  const i = Math.max(0, Math.min(index, items.length - 1));
  if (items[i]?.kind === 'row') return i;
  const down = stepRow(items, i, 1);
  if (down !== i) return down;
  const up = stepRow(items, i, -1);
  return up !== i ? up : -1;
}

/** The id of the row a keyboard user lands on when row `id` goes away (the next, else the previous). */
export function neighbourId(items: readonly Item[], id: string): string | undefined {
  const i = items.findIndex((it) => it.kind === 'row' && it.reminder.id === id);
  if (i < 0) return undefined;
  const next = stepRow(items, i, 1);
  const to = next !== i ? next : stepRow(items, i, -1);
  const item = items[to];
  return to !== i && item?.kind === 'row' ? item.reminder.id : undefined;
}
