/**
 * What the user meant by a due time, kept until the mail leaves.
 *
 * Relative intents ("in 2 hours", "in 3 Tagen", the presets) count from the
 * moment of sending: typed at 10:00 and sent at 11:00, "in 2 hours" is due
 * at 13:00. Absolute intents (a picked date-time, "Dec 24 10am",
 * "am 24.12. um 10 Uhr") mean that instant, and are refused once it has
 * passed. The compose stores the intent, never an instant computed while the
 * user was still typing.
 */
import type { SchedulePrefs } from '../settings';
import { zonedToInstant } from '../time/zoned';
import { resolveCustom, resolveDaysLater, resolvePreset, type DueResolution, type PresetId } from './presets';

/** Counted from the send: a preset, whole calendar days at the default time, or an elapsed duration. */
export type RelativeDue = { preset: PresetId } | { days: number } | { after: number };
/** An instant, or a wall-clock time in the user's zone (`YYYY-MM-DDTHH:mm`). */
export type AbsoluteDue = { at: number } | { local: string };
export type DueIntent = RelativeDue | AbsoluteDue;

/** What a relative intent may say (the protocol refuses the rest; longer spans are stored as instants). */
export const MIN_AFTER_MS = 1_000;
export const MAX_AFTER_MS = 10 * 366 * 86_400_000;
export const MAX_DAYS = 3660;

/** Longest plausible gap between pressing Send and the request that stores its reminder (undo delay 30 s, slow network). */
export const MAX_SEND_DELAY_MS = 5 * 60_000;

export function isRelativeDue(due: DueIntent): due is RelativeDue {
  return 'preset' in due || 'days' in due || 'after' in due;
}

/** `2026-12-03T09:00` read as a wall clock in `timeZone` (not the process zone). */
export function localToInstant(local: string, timeZone: string): number {
  const [date = '', time = ''] = local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  if (new Date(Date.UTC(year!, month! - 1, day!)).getUTCDate() !== day) throw new RangeError(`No such date: ${date}`);
  return zonedToInstant({ year: year!, month: month!, day: day!, hour: hour!, minute: minute! }, timeZone);
}

export interface DueMoments {
  now: number;
  /** Relative intents count from here (default `now`). */
  countFrom?: number;
  /** An absolute intent must lie after this (default `now`). */
  notBefore?: number;
}

/** One rule for turning an intent into an instant. Throws RangeError for an absolute time that is not after `notBefore`. */
export function resolveIntent(due: DueIntent, moments: DueMoments, prefs: SchedulePrefs): DueResolution {
  const from = moments.countFrom ?? moments.now;
  if ('preset' in due) return resolvePreset(due.preset, from, prefs);
  if ('days' in due) return resolveDaysLater(due.days, from, prefs);
  if ('after' in due) return { at: from + due.after, moved: false, exactTime: true };
  const at = 'local' in due ? localToInstant(due.local, prefs.timeZone) : due.at;
  return resolveCustom(at, moments.notBefore ?? moments.now);
}

/**
 * The moments for a reminder stored when a mail is sent. `sentAt` is when the
 * mail left or, for Gmail's "Schedule send", when it will leave: relative
 * times count from it (never from the past: a reminder added to an old
 * thread counts from now). An absolute time must lie after the scheduled
 * send, or after the moment the user pressed Send (`pressedAt`, trusted only
 * within MAX_SEND_DELAY_MS): a time valid at Send is not refused because
 * Gmail's undo delay made the request arrive later.
 */
export function sendMoments(now: number, sentAt: number, pressedAt?: number): DueMoments {
  const countFrom = Math.max(now, sentAt);
  if (sentAt > now) return { now, countFrom, notBefore: sentAt };
  const pressed = pressedAt !== undefined && pressedAt <= now && now - pressedAt <= MAX_SEND_DELAY_MS ? pressedAt : now;
  return { now, countFrom, notBefore: pressed };
}
