/**
 * The date line of a print-view message, as Gmail writes it in the UI
 * language, read as wall clock:
 *   English  "Tue, Jun 3, 2025 at 10:12 AM", "Jun 3, 2025, 10:12 AM",
 *            "Tue, 3 Jun 2025 at 22:12" (24-hour locales)
 *   German   "Di., 3. Juni 2025 um 10:12", "3. Juni 2025, 10:12 Uhr"
 * Every token must be understood (weekday, month name, day, 4-digit year,
 * one time, am/pm, a connector word); anything else — a numeric date, an
 * unknown language, "Yesterday", a weekday that does not match the date —
 * gives undefined. Never a guess.
 */
import type { LocalDateTime } from '../../time/zoned';
import { utcFromFields, weekdayOf } from '../../time/zoned';

const MONTHS = new Map<string, number>();
const WEEKDAYS = new Map<string, number>();

function table(target: Map<string, number>, rows: readonly (readonly string[])[], base: number): void {
  rows.forEach((names, i) => {
    for (const n of names) target.set(n, i + base);
  });
}

table(
  MONTHS,
  [
    ['jan', 'january', 'januar', 'jän', 'jänner'],
    ['feb', 'february', 'februar'],
    ['mar', 'march', 'märz', 'mär', 'mrz'],
    ['apr', 'april'],
    ['may', 'mai'],
    ['jun', 'june', 'juni'],
    ['jul', 'july', 'juli'],
    ['aug', 'august'],
    ['sep', 'sept', 'september'],
    ['oct', 'october', 'okt', 'oktober'],
    ['nov', 'november'],
    ['dec', 'december', 'dez', 'dezember'],
  ],
  1,
);
table(
  WEEKDAYS,
  [
    ['sun', 'sunday', 'so', 'sonntag'],
    ['mon', 'monday', 'mo', 'montag'],
    ['tue', 'tues', 'tuesday', 'di', 'dienstag'],
    ['wed', 'wednesday', 'mi', 'mittwoch'],
    ['thu', 'thur', 'thurs', 'thursday', 'do', 'donnerstag'],
    ['fri', 'friday', 'fr', 'freitag'],
    ['sat', 'saturday', 'sa', 'samstag', 'sonnabend'],
  ],
  0,
);

/** Words that join the parts and mean nothing else. */
const CONNECTORS = new Set(['at', 'um', 'uhr']);
const MAX_DATE_TEXT = 200;

/** Wall-clock fields of a print-view date, or undefined when not certain. */
export function parsePrintDate(raw: string): LocalDateTime | undefined {
  if (raw.length > MAX_DATE_TEXT) return undefined;
  const text = raw
    // LRM/RLM, bidi embeddings and isolates that some locales put around parts.
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .replace(/\s+/g, ' ')
    // A relative hint Gmail may append: "(2 days ago)", "(vor 2 Tagen)".
    .replace(/\s*\([^()]*\)\s*$/, '')
    .trim()
    .toLowerCase();
  if (!text) return undefined;

  const tokens = text.match(/\d{1,2}:\d{2}(?::\d{2})?|\d+|[\p{L}]+(?:\.[\p{L}]+)*\.?|\S/gu) ?? [];
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let hour: number | undefined;
  let minute: number | undefined;
  let weekday: number | undefined;
  let meridiem: 'am' | 'pm' | undefined;
  let previous = '';

  for (const token of tokens) {
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(token);
    if (time) {
      if (hour !== undefined) return undefined;
      hour = Number(time[1]);
      minute = Number(time[2]);
      if (time[3] !== undefined && Number(time[3]) > 59) return undefined;
    } else if (/^\d+$/.test(token)) {
      if (token.length === 4) {
        if (year !== undefined) return undefined;
        year = Number(token);
      } else if (token.length <= 2) {
        if (day !== undefined) return undefined;
        day = Number(token);
      } else return undefined;
    } else if (token === ',' || token === '.') {
      // separators ("3." in German, commas in English)
    } else if (/^\p{L}/u.test(token)) {
      const word = token.replace(/\./g, '');
      if (word === 'am' || word === 'pm') {
        // Only right after the time: "10:12 AM", "10:12 a.m.".
        if (meridiem !== undefined || hour === undefined || !/^\d{1,2}:\d{2}/.test(previous)) return undefined;
        meridiem = word;
      } else if (MONTHS.has(word)) {
        if (month !== undefined) return undefined;
        month = MONTHS.get(word);
      } else if (WEEKDAYS.has(word)) {
        if (weekday !== undefined) return undefined;
        weekday = WEEKDAYS.get(word);
      } else if (!CONNECTORS.has(word)) return undefined;
    } else return undefined;
    previous = token;
  }

  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    return undefined;
  }
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || day < 1 || year < 1970 || year > 9999) return undefined;
  // The day must exist in that month (no Feb 30 rolling into March).
  const check = new Date(utcFromFields(year, month, day));
  if (check.getUTCMonth() + 1 !== month || check.getUTCDate() !== day) return undefined;
  if (weekday !== undefined && weekdayOf(year, month, day) !== weekday) return undefined;
  return { year, month, day, hour, minute };
}
