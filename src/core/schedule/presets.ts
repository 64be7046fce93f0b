/**
 * The one-click due times ("Tomorrow", "Next week", …). They are calendar
 * based: "in 3 days" means three dates later at the user's default time on
 * their wall clock, not 72 hours, so DST changes never move a reminder off
 * 09:00.
 */
import type { SchedulePrefs, Weekday } from '../settings';
import { addLocalDays, zonedParts, zonedToInstant, type LocalDateTime } from '../time/zoned';
import { fitToWorkingHours, hasUsableWorkingHours } from './working-hours';

export const PRESET_IDS = ['tomorrow', 'in-2-days', 'in-3-days', 'in-1-week', 'next-week', 'in-2-weeks'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface DueResolution {
  at: number;
  /** The time was shifted into working hours. */
  moved: boolean;
  /** The user named a clock time, so it is honoured as given. */
  exactTime: boolean;
}

const DAYS_LATER: Record<Exclude<PresetId, 'next-week'>, number> = {
  tomorrow: 1,
  'in-2-days': 2,
  'in-3-days': 3,
  'in-1-week': 7,
  'in-2-weeks': 14,
};

/** Today's date in the user's zone with the clock set to their default time. */
function todayAtDefaultTime(now: number, prefs: SchedulePrefs): LocalDateTime & { weekday: Weekday } {
  const p = zonedParts(now, prefs.timeZone);
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: Math.floor(prefs.defaultTime / 60),
    minute: prefs.defaultTime % 60,
    weekday: p.weekday,
  };
}

/**
 * Days until the first day of next week that the user works (Monday when
 * working hours are off). Weeks start on Monday, so on a Sunday next week
 * begins tomorrow.
 */
function daysUntilNextWeek(today: Weekday, prefs: SchedulePrefs): number {
  const toMonday = (8 - today) % 7 || 7;
  const wh = prefs.workingHours;
  if (!hasUsableWorkingHours(wh)) return toMonday;
  for (let i = 0; i < 7; i++) {
    const weekday = ((1 + i) % 7) as Weekday;
    if (wh.days.includes(weekday)) return toMonday + i;
  }
  return toMonday;
}

/** A calendar date `n` days after today in the user's zone, at their default time, fitted to working hours. */
export function resolveDaysLater(n: number, now: number, prefs: SchedulePrefs): DueResolution {
  const local = addLocalDays(todayAtDefaultTime(now, prefs), n);
  const fitted = fitToWorkingHours(zonedToInstant(local, prefs.timeZone), prefs);
  return { at: fitted.at, moved: fitted.moved, exactTime: false };
}

export function resolvePreset(id: PresetId, now: number, prefs: SchedulePrefs): DueResolution {
  if (id === 'next-week') {
    const today = todayAtDefaultTime(now, prefs);
    return resolveDaysLater(daysUntilNextWeek(today.weekday, prefs), now, prefs);
  }
  return resolveDaysLater(DAYS_LATER[id], now, prefs);
}

/** A date-time the user picked explicitly: kept to the minute, never shifted. */
export function resolveCustom(at: number, now: number): DueResolution {
  if (!Number.isFinite(at)) throw new RangeError(`Custom due time must be a finite timestamp, got ${String(at)}`);
  if (at <= now) {
    throw new RangeError(`Custom due time ${new Date(at).toISOString()} is not in the future (now is ${new Date(now).toISOString()})`);
  }
  return { at, moved: false, exactTime: true };
}
