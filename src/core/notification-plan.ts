import { CHECK_GRACE_MS } from './replies/outcome';
import type { Reminder } from './reminder';
import type { NotificationPrefs } from './settings';

/** How many reminders due together still get a notification each (with their own Open and Snooze), unless the user set it. */
export const DEFAULT_SEPARATE_UP_TO = 3;
/** The choices the options page offers for that limit. */
export const SEPARATE_UP_TO_CHOICES = [1, 2, 3, 4, 5] as const;

/**
 * Fired this long after its due time, a reminder was missed while the browser
 * was closed or the computer asleep: a normal firing waits at most the
 * reply-check grace for its look (and a wake-up for the alarm).
 */
export const MISSED_MS = 2 * CHECK_GRACE_MS;

export type AnnouncementPlan =
  /** A notification each, with Open thread and Snooze. */
  | { kind: 'separate'; reminders: readonly Reminder[] }
  /**
   * One notification naming them that opens the checklist: `catch-up` for
   * reminders missed while the browser was closed, `summary` for more than
   * the limit due at the same time.
   */
  | { kind: 'catch-up' | 'summary'; reminders: readonly Reminder[] };

export const separateUpTo = (prefs: NotificationPrefs) => prefs.separateUpTo ?? DEFAULT_SEPARATE_UP_TO;

/**
 * How the reminders one run just fired are shown (`sessionStart`: when this
 * browser session began). Up to the limit, each its
 * own; more, or several missed while away, one that names them all. With the
 * digest turned off, always one each.
 */
export function planAnnouncements(fired: readonly Reminder[], now: number, prefs: NotificationPrefs, sessionStart = -Infinity): AnnouncementPlan {
  if (!prefs.startupDigest || fired.length <= 1) return { kind: 'separate', reminders: fired };
  // Due before this browser session began (the browser was closed then), or long before now (asleep).
  const missed = fired.filter((r) => r.dueAt < sessionStart || r.dueAt <= now - MISSED_MS);
  if (missed.length >= 2) return { kind: 'catch-up', reminders: fired };
  if (fired.length > separateUpTo(prefs)) return { kind: 'summary', reminders: fired };
  return { kind: 'separate', reminders: fired };
}
