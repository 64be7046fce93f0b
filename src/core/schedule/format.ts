/**
 * The short echo of a parsed due time ("Thu, Dec 3, 09:00") so the user can
 * check what we understood before confirming. Always shown in the user's
 * zone, which may differ from the browser's.
 */
import { zonedParts, zonedToInstant } from '../time/zoned';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      // A 24-hour clock reads unambiguously in both supported languages.
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

// The year `now` falls in, as an interval of instants in the zone last asked about: a comparison is far cheaper
// than the two formatToParts calls per formatted time it replaces, and `now` moves to another year rarely.
let year = { timeZone: '', start: 0, end: 0 };

function yearAround(now: number, timeZone: string): { start: number; end: number } {
  if (year.timeZone !== timeZone || !(now >= year.start && now < year.end)) {
    const y = zonedParts(now, timeZone).year;
    const start = zonedToInstant({ year: y, month: 1, day: 1, hour: 0, minute: 0 }, timeZone);
    const end = zonedToInstant({ year: y + 1, month: 1, day: 1, hour: 0, minute: 0 }, timeZone);
    year = { timeZone, start, end };
  }
  return year;
}

/** The year is left out when it is the current one in the user's zone. */
export function formatDue(at: number, now: number, timeZone: string, locale: string): string {
  const { start, end } = yearAround(now, timeZone);
  const withYear = !(at >= start && at < end);
  return formatterFor(locale, timeZone, withYear).format(at);
}
