import { REMINDER_KINDS, WAITING_STATUSES, type Reminder, type ReminderKind, type ReminderStatus } from '../core/reminder';
import { SECTION_IDS, type SectionId, type Sections } from '../core/sections';
import type { ReminderDB } from './open-db';

export interface SectionQuery {
  now: number;
  /** The instant the user's next local day begins (core/sections endOfLocalDay). */
  endOfToday: number;
  /** Rows wanted per section (first page, or more after "Show more"). */
  limits: Record<SectionId, number>;
  /** Only these sections' rows are read. */
  sections?: readonly SectionId[];
  /**
   * `exact` (default): every section's count. `page`: only what the rows read already tell (a section read
   * to its end) — Chromium's count() walks every key of a range, which costs about a second per 20,000
   * history rows, so the popup asks for exact counts after its first rows are on screen. A list of
   * sections: exactly those counted (and no others).
   */
  counts?: 'exact' | 'page' | readonly SectionId[];
}

export interface SectionPage {
  sections: Partial<Sections>;
  counts: Partial<Record<SectionId, number>>;
}

type Range = [status: ReminderStatus, lower: number, upper: number, lowerOpen?: boolean, upperOpen?: boolean];
/** A range of one kind's reminders in `by-kind-status-due` (the live sections: owed replies apart from the rest). */
type KindRange = [kind: ReminderKind, ...range: Range];

/** Kinds listed by due time in Overdue / Due today / Upcoming; owed replies have their own section. */
const FOLLOW_UP_KINDS = REMINDER_KINDS.filter((k) => k !== 'owed-reply');
const LIVE_STATUSES = ['notified', ...WAITING_STATUSES] as const;

/**
 * The popup's checklist straight from the indexes: each section is a few
 * key ranges of `by-status-due` (waiting ones, soonest first) or
 * `by-status-updated` (history, newest first). Only the rows asked for are
 * read; counts come from `count()` over the same ranges. Same grouping as
 * core/sections groupIntoSections (its tests pin the rules; ours pin that both agree).
 */
export function sectionQuery(connection: ReminderDB | Promise<ReminderDB>, keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange) {
  // Awaited where used, not wrapped now: a connection opened on first use (background/on-first-use.ts) stays unopened until then.
  const ready = connection;

  function statusRanges(section: Exclude<SectionId, 'replied' | 'done'>, now: number, endOfToday: number): Range[] {
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
  function rangesOf(section: Exclude<SectionId, 'replied' | 'done'>, now: number, endOfToday: number): KindRange[] {
    const kinds: readonly ReminderKind[] = section === 'answer' ? ['owed-reply'] : FOLLOW_UP_KINDS;
    return kinds.flatMap((kind) => statusRanges(section, now, endOfToday).map((r): KindRange => [kind, ...r]));
  }
  const toKeyRange = ([status, lower, upper, lowerOpen = false, upperOpen = false]: Range) =>
    keyRange.bound([status, lower], [status, upper], lowerOpen, upperOpen);
  const toKindKeyRange = ([kind, status, lower, upper, lowerOpen = false, upperOpen = false]: KindRange) =>
    keyRange.bound([kind, status, lower], [kind, status, upper], lowerOpen, upperOpen);

  return async function query(q: SectionQuery): Promise<SectionPage> {
    const db = await ready;
    const tx = db.transaction('reminders');
    const byDue = tx.store.index('by-kind-status-due');
    const byUpdated = tx.store.index('by-status-updated');
    const wanted = new Set(q.sections ?? SECTION_IDS);

    const count = async (id: SectionId) => {
      if (id === 'replied' || id === 'done') return byUpdated.count(toKeyRange([id, -Infinity, Infinity]));
      let n = 0;
      for (const range of rangesOf(id, q.now, q.endOfToday)) n += await byDue.count(toKindKeyRange(range));
      return n;
    };

    const rows = async (id: SectionId): Promise<Reminder[]> => {
      const limit = Math.max(0, q.limits[id]);
      if (limit === 0) return [];
      if (id === 'replied' || id === 'done') {
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
      if (q.counts === 'page') {
        if (!wanted.has(id)) continue;
        const read = await rows(id);
        sections[id] = read;
        // Fewer rows than asked for: that is the whole section.
        if (read.length < Math.max(0, q.limits[id])) counts[id] = read.length;
        continue;
      }
      if (Array.isArray(q.counts) && !q.counts.includes(id)) {
        if (wanted.has(id)) sections[id] = await rows(id);
        continue;
      }
      const n = await count(id);
      counts[id] = n;
      if (wanted.has(id)) sections[id] = n === 0 ? [] : await rows(id);
    }
    await tx.done;
    return { sections, counts };
  };
}

export type SectionQueryFn = ReturnType<typeof sectionQuery>;
