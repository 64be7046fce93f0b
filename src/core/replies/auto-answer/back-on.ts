/**
 * Where a reminder goes when an automatic answer says when the person is
 * back: the first working slot on or after the first day back (working
 * hours from the settings; without usable ones, the default time of day
 * that day). Never earlier than the reminder already was.
 */
import { fitToWorkingHours, hasUsableWorkingHours } from '../../schedule/working-hours';
import type { SchedulePrefs } from '../../settings';
import { zonedToInstant } from '../../time/zoned';

export function firstSlotOn(isoDay: string, prefs: SchedulePrefs): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (hasUsableWorkingHours(prefs.workingHours)) {
    return fitToWorkingHours(zonedToInstant({ year, month, day, hour: 0, minute: 0 }, prefs.timeZone), prefs).at;
  }
  return zonedToInstant({ year, month, day, hour: Math.floor(prefs.defaultTime / 60), minute: prefs.defaultTime % 60 }, prefs.timeZone);
}

/** The reminder's new due time after a return on `isoDay`, or undefined when it stays (already later, or no date). */
export function dueAfterReturn(dueAt: number, isoDay: string | undefined, prefs: SchedulePrefs): number | undefined {
  if (!isoDay) return undefined;
  const slot = firstSlotOn(isoDay, prefs);
  return slot !== undefined && Number.isFinite(slot) && slot > dueAt ? slot : undefined;
}
