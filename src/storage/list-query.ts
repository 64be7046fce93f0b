import { REMINDER_KINDS, WAITING_STATUSES, type Reminder, type ReminderKind, type ReminderStatus } from '../core/reminder';
import { HISTORY_SECTIONS, SECTION_IDS, type SectionId, type Sections } from '../core/sections';
import type { ReminderDB } from './open-db';
import { hasCounts, remindersAndCounts } from './reminder-writes';

export interface SectionQuery {
  now: number;
  /** The instant the user's next local day begins (core/sections endOfLocalDay). */
  endOfToday: number;
  /** Rows wanted per section (first page, or more after "Show more"). */
  limits: Record<SectionId, number>;
  /** Only these sections' rows are read. */
  sections?: readonly SectionId[];
  /**
   * `exact` (default): every section's count. `page`: what costs no walk of an index — a section read to
   * its end, and history's counts from the `counts` store (v6) — since Chromium's count() visits every key
   * of a range (about a second per 20,000), so the popup asks for the rest after its first rows are on
   * screen. A list of sections: exactly those counted (and no others).
   */
  counts?: 'exact' | 'page' | readonly SectionId[];
}

export interface SectionPage {
  sections: Partial<Sections>;
  counts: Partial<Record<SectionId, number>>;
  /** A stored count was missing or contradicted by the rows read: the caller should have them recounted (status-counts.ts). */
  recount?: true;
}

type HistoryId = (typeof HISTORY_SECTIONS)[number];
const isHistory = (id: SectionId): id is HistoryId => (HISTORY_SECTIONS as readonly SectionId[]).includes(id);

type Range = [status: ReminderStatus, lower: number, upper: number, lowerOpen?: boolean, upperOpen?: boolean];
/** A range of one kind's reminders in `by-kind-status-due` (the live sections: owed replies apart from the rest). */
type KindRange = [kind: ReminderKind, ...range: Range];

/** Kinds listed by due time in Overdue / Due today / Upcoming; owed replies have their own section. */
const FOLLOW_UP_KINDS = REMINDER_KINDS.filter((k) => k !== 'owed-reply');
const LIVE_STATUSES = ['notified', ...WAITING_STATUSES] as const;

/**
 * The popup's checklist straight from the indexes: each section is a few
 * key ranges of `by-kind-status-due` (waiting ones, soonest first) or
 * `by-status-updated` (history, newest first). Only the rows asked for are
 * read; history's counts come from the `counts` store (checked against the
 * rows read), the others from `count()` over the same ranges. Same grouping as
 * core/sections groupIntoSections (its tests pin the rules; ours pin that both agree).
 */
export function sectionQuery(connection: ReminderDB | Promise<ReminderDB>, keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange) {
  const ready = Promise.resolve(connection);

  function statusRanges(section: Exclude<SectionId, HistoryId>, now: number, endOfToday: number): Range[] {
    switch (section) {
      case 'overdue':
        return [['notified', -Infinity, Infinity], ...WAITING_STATUSES.map((s): Range => [s, -Infinity, now])];
      case 'answer':
        return LIVE_STATUSES.map((s): Range => [s, -Infinity, Infinity]);
      case 'today':
        return WAITING_STATUSES.map((s): Range => [s, now, endOfToday, true, true]);
      case 'upcoming':
        return WAITING_STATUSES.map((s): Range => [s, endOfToday, Infinity]);
    }
  }
  /** A live section's ranges, per kind: "To answer" holds the owed replies, the others every other kind. */
  function rangesOf(section: Exclude<SectionId, HistoryId>, now: number, endOfToday: number): KindRange[] {
    const kinds: readonly ReminderKind[] = section === 'answer' ? ['owed-reply'] : FOLLOW_UP_KINDS;
    return kinds.flatMap((kind) => statusRanges(section, now, endOfToday).map((r): KindRange => [kind, ...r]));
  }
  const toKeyRange = ([status, lower, upper, lowerOpen = false, upperOpen = false]: Range) =>
    keyRange.bound([status, lower], [status, upper], lowerOpen, upperOpen);
  const toKindKeyRange = ([kind, status, lower, upper, lowerOpen = false, upperOpen = false]: KindRange) =>
    keyRange.bound([kind, status, lower], [kind, status, upper], lowerOpen, upperOpen);

  return async function query(q: SectionQuery): Promise<SectionPage> {
    const db = await ready;
    const counted = hasCounts(db);
    const tx = remindersAndCounts(db, 'readonly');
    const reminders = tx.objectStore('reminders');
    const byDue = reminders.index('by-kind-status-due');
    const byUpdated = reminders.index('by-status-updated');
    const wanted = new Set(q.sections ?? SECTION_IDS);
    let recount = false;

    /** A history section's count from the `counts` store (read in this transaction: the same state as its rows). */
    const stored = async (id: HistoryId): Promise<number | undefined> => {
      if (!counted) return undefined;
      const n = await tx.objectStore('counts').get(id);
      if (n === undefined) recount = true;
      return n;
    };

    /** Exact, by walking the index: Chromium's count() visits every key of the ranges. */
    const walk = async (id: SectionId) => {
      if (isHistory(id)) return byUpdated.count(toKeyRange([id, -Infinity, Infinity]));
      let n = 0;
      for (const range of rangesOf(id, q.now, q.endOfToday)) n += await byDue.count(toKindKeyRange(range));
      return n;
    };

    const rows = async (id: SectionId): Promise<Reminder[]> => {
      const limit = Math.max(0, q.limits[id]);
      if (limit === 0) return [];
      if (isHistory(id)) {
        // Newest change first: walk the status's range backwards, stop at the limit.
        const out: Reminder[] = [];
        let cursor = await byUpdated.openCursor(toKeyRange([id, -Infinity, Infinity]), 'prev');
        while (cursor && out.length < limit) {
          out.push(cursor.value);
          cursor = out.length < limit ? await cursor.continue() : null;
        }
        return out;
      }
      // Soonest first across statuses: the first `limit` of each range, merged.
      const ranges = rangesOf(id, q.now, q.endOfToday);
      const parts = await Promise.all(ranges.map((r) => byDue.getAll(toKindKeyRange(r), limit)));
      // Ties in id order, as groupIntoSections over store.all() has them.
      const merged = parts.flat().sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      merged.length = Math.min(merged.length, limit);
      return merged;
    };

    const counts: Partial<Record<SectionId, number>> = {};
    const sections: Partial<Sections> = {};
    for (const id of SECTION_IDS) {
      const read = wanted.has(id) ? await rows(id) : undefined;
      if (read) sections[id] = read;
      const counting = q.counts === 'page' ? 'page' : Array.isArray(q.counts) ? (q.counts.includes(id) ? 'exact' : 'none') : 'exact';
      if (counting === 'none') continue;
      // Fewer rows than asked for: that is the whole section.
      const whole = read && read.length < Math.max(0, q.limits[id]) ? read.length : undefined;
      // History's count is stored (one key read), so its header is exact at once, even with `page`.
      let n = isHistory(id) ? await stored(id) : undefined;
      if (n !== undefined && read && ((whole !== undefined && n !== whole) || n < read.length)) {
        // The rows contradict the stored count: trust the rows, and have the counts rebuilt.
        recount = true;
        n = undefined;
      }
      n ??= whole ?? (counting === 'exact' ? await walk(id) : undefined);
      if (n !== undefined) counts[id] = n;
    }
    await tx.done;
    return { sections, counts, ...(recount ? { recount: true } : {}) };
  };
}

export type SectionQueryFn = ReturnType<typeof sectionQuery>;
