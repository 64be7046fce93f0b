/**
 * How long finished reminders (replied, done, cancelled) are kept. Pruning
 * removes what finished before the cutoff; the options page shows, before
 * anything goes, what the next clean-ups will remove, with an export next to
 * it. Waiting reminders are never pruned.
 */
import type { ReminderStatus } from './reminder';

/** The choices the options page offers, in months; 0 keeps history forever. */
export const RETENTION_CHOICES = [3, 6, 12, 24, 36, 0] as const;
export type RetentionMonths = (typeof RETENTION_CHOICES)[number];
export const DEFAULT_RETENTION_MONTHS: RetentionMonths = 12;

/** Statuses that are history: the only ones pruning touches. */
export const FINISHED_STATUSES = ['replied', 'done', 'cancelled'] as const satisfies readonly ReminderStatus[];

const DAY = 86_400_000;
/** How far ahead the options page shows what will be removed (and how long a first clean-up waits after an update). */
export const NOTICE_MS = 30 * DAY;
/** Clean-ups run about daily. */
export const PRUNE_INTERVAL_MS = DAY;

/** The instant before which finished reminders go: `months` calendar months before `now` (UTC); undefined keeps everything. */
export function retentionCutoff(now: number, months: number): number | undefined {
  if (!(months > 0)) return undefined;
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  // The 31st of a shorter month is its last day, not the 1st of the next.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}
