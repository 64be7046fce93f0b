/**
 * Wall clock ⇄ instant conversion for any IANA zone, built only on
 * `Intl.DateTimeFormat`. The process time zone is never consulted: the user's
 * zone lives in their settings and the background may run anywhere.
 */
import type { Weekday } from '../settings';

/** A wall-clock reading in some zone. `month` is 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedParts extends LocalDateTime {
  second: number;
  weekday: Weekday;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// Building a DateTimeFormat is far more expensive than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Epoch ms of the given fields read as UTC. `setUTCFullYear` instead of
 * `Date.UTC` so years 0–99 are not mapped to 19xx; out-of-range fields roll
 * over (day 32 → next month), which the calendar arithmetic relies on.
 */
export function utcFromFields(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** Day of the week of a calendar date, independent of any zone. */
export function weekdayOf(year: number, month: number, day: number): Weekday {
  return new Date(utcFromFields(year, month, day)).getUTCDay() as Weekday;
}

export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year ?? NaN;
  const month = values.month ?? NaN;
  const day = values.day ?? NaN;
  // Some engines still print midnight as "24" despite h23.
  const hour = (values.hour ?? NaN) % 24;
  return {
    year,
    month,
    day,
    hour,
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
    weekday: weekdayOf(year, month, day),
  };
}

/** Zone offset in minutes (UTC+1 → 60) in effect at `instant`. */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return (utcFromFields(p.year, p.month, p.day, p.hour, p.minute, p.second) - wholeSecond) / MINUTE;
}

/**
 * The instant at which clocks in `timeZone` show `local`.
 * - Fall-back overlap (the wall time happens twice): the earlier instant.
 * - Spring-forward gap (the wall time never happens): read it with the
 *   offset from before the jump, which lands as far past the jump as the
 *   time was into the gap (Berlin 02:30 → 03:30 CEST, Lord Howe 02:15 → 02:45).
 */
export function zonedToInstant(local: LocalDateTime, timeZone: string): number {
  const wall = utcFromFields(local.year, local.month, local.day, local.hour, local.minute);
  // Offsets are within ±14 h, so a day either side brackets any transition
  // that can affect this wall time.
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const candidates = [before, after, offsetMinutes(wall, timeZone)]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => utcFromZoned(instant, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before * MINUTE;
}

function utcFromZoned(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return utcFromFields(p.year, p.month, p.day, p.hour, p.minute, p.second);
}

/** Same wall time `n` calendar days later (or earlier); month/year/leap rollover included. */
export function addLocalDays(local: LocalDateTime, n: number): LocalDateTime {
  const d = new Date(utcFromFields(local.year, local.month, local.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: local.hour, minute: local.minute };
}

export function isValidTimeZone(timeZone: string): boolean {
  // `undefined` would silently mean "the process zone"; callers may pass unchecked data.
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
