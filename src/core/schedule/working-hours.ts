/**
 * Keeps day-based reminders out of nights and weekends. Everything is done on
 * the user's wall clock and only converted to an instant at the end, so a
 * slot start stays "09:00" on both sides of a DST change.
 */
import type { SchedulePrefs, WorkingHours } from '../settings';
import { addLocalDays, zonedParts, zonedToInstant } from '../time/zoned';

export interface FitResult {
  at: number;
  /** True when the instant had to be moved into working hours. */
  moved: boolean;
}

/**
 * Working hours that can actually be honoured. No days, or an empty/inverted
 * window, would leave nowhere to move to, so such settings count as disabled
 * rather than looping or producing a time outside the window.
 */
export function hasUsableWorkingHours(wh: WorkingHours): boolean {
  return wh.enabled && wh.days.length > 0 && wh.start < wh.end && wh.start >= 0 && wh.end <= 24 * 60;
}

export function fitToWorkingHours(instant: number, prefs: SchedulePrefs): FitResult {
  const wh = prefs.workingHours;
  if (!hasUsableWorkingHours(wh)) return { at: instant, moved: false };

  const local = zonedParts(instant, prefs.timeZone);
  const minuteOfDay = local.hour * 60 + local.minute;
  const isWorkingDay = wh.days.includes(local.weekday);
  if (isWorkingDay && minuteOfDay >= wh.start && minuteOfDay < wh.end) return { at: instant, moved: false };

  const startHour = Math.floor(wh.start / 60);
  const startMinute = wh.start % 60;
  const today = { year: local.year, month: local.month, day: local.day, hour: startHour, minute: startMinute };
  if (isWorkingDay && minuteOfDay < wh.start) {
    return { at: zonedToInstant(today, prefs.timeZone), moved: true };
  }
  // `days` is non-empty, so some weekday within the next seven days matches.
  for (let n = 1; n <= 7; n++) {
    if (wh.days.includes(((local.weekday + n) % 7) as (typeof wh.days)[number])) {
      return { at: zonedToInstant(addLocalDays(today, n), prefs.timeZone), moved: true };
    }
  }
  return { at: instant, moved: false }; // unreachable with a non-empty `days`
}
