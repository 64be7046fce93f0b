import type { Reminder } from './reminder';
import { addLocalDays, zonedParts, zonedToInstant } from './time/zoned';

/** The popup's checklist sections, in display order. `answer`: replies the user owes (waiting owed-reply reminders). */
export const SECTION_IDS = ['overdue', 'answer', 'today', 'upcoming', 'replied', 'done'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export type Sections = Record<SectionId, Reminder[]>;

/** How many resolved reminders the "recent" sections keep. */
export const RECENT_LIMIT = 50;

/** Sections whose rows wait for a due time (soonest first); the others are history (newest change first). */
export const LIVE_SECTIONS = ['overdue', 'answer', 'today', 'upcoming'] as const satisfies readonly SectionId[];
export const HISTORY_SECTIONS = ['replied', 'done'] as const satisfies readonly SectionId[];

/** Rows the popup asks for per section at first (and per "Show more"): a screenful many times over, never the whole store. */
export const SECTION_PAGE: Record<SectionId, number> = { overdue: 200, answer: 200, today: 200, upcoming: 200, replied: RECENT_LIMIT, done: RECENT_LIMIT };

function sectionWithin(r: Reminder, now: number, endOfToday: number): SectionId | undefined {
  // What the user owes has its own list, due or not; once answered it is resolved like any other.
  if (r.kind === 'owed-reply' && (r.status === 'notified' || r.status === 'pending' || r.status === 'snoozed')) return 'answer';
  switch (r.status) {
    case 'notified':
      return 'overdue';
    case 'pending':
    case 'snoozed':
      if (r.dueAt <= now) return 'overdue';
      return r.dueAt < endOfToday ? 'today' : 'upcoming';
    case 'replied':
      return 'replied';
    case 'done':
      return 'done';
    case 'cancelled':
      return undefined;
  }
}

/**
 * Groups reminders into sections: waiting ones by due time (soonest first),
 * resolved ones by last change (newest first, capped).
 */
export function groupIntoSections(reminders: readonly Reminder[], now: number, timeZone: string, recentLimit = RECENT_LIMIT): Sections {
  const sections: Sections = { overdue: [], answer: [], today: [], upcoming: [], replied: [], done: [] };
  // One zone lookup for the whole list: thousands of rows must stay cheap.
  const endOfToday = endOfLocalDay(now, timeZone);
  for (const r of reminders) {
    const id = sectionWithin(r, now, endOfToday);
    if (id) sections[id].push(r);
  }
  for (const id of ['overdue', 'answer', 'today', 'upcoming'] as const) sections[id].sort((a, b) => a.dueAt - b.dueAt);
  for (const id of ['replied', 'done'] as const) {
    sections[id].sort((a, b) => b.updatedAt - a.updatedAt);
    sections[id].length = Math.min(sections[id].length, recentLimit);
  }
  return sections;
}

/** The instant the user's next local day begins (DST-safe: midnight by the wall clock). */
export function endOfLocalDay(now: number, timeZone: string): number {
  const today = zonedParts(now, timeZone);
  return zonedToInstant(addLocalDays({ ...today, hour: 0, minute: 0 }, 1), timeZone);
}
