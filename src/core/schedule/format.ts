/**
 * The short echo of a parsed due time ("Thu, Dec 3, 09:00") so the user can
 * check what we understood before confirming. Always shown in the user's
 * zone, which may differ from the browser's.
 */
import { zonedParts } from '../time/zoned';

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

/** The year is left out when it is the current one in the user's zone. */
export function formatDue(at: number, now: number, timeZone: string, locale: string): string {
  const withYear = zonedParts(at, timeZone).year !== zonedParts(now, timeZone).year;
  return formatterFor(locale, timeZone, withYear).format(at);
}
