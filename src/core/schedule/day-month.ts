/**
 * The German numeric day-month date without a year — "24.12.", "am 3.1.",
 * "24.12. 10 Uhr" — which chrono-de does not read (it knows "24.12.2026" and
 * "24. Dezember" only). Added to a clone of chrono-de's casual parser, so
 * chrono's own refiners still merge it with a following time ("um 10 Uhr").
 * The year is left implied: the caller picks the next such date.
 */
import type { Chrono, ParsingContext } from 'chrono-node';

/**
 * day "." month "." — the closing dot is what makes it a date ("24.12" is a
 * decimal to chrono, which drops such results), and no digit may follow it
 * ("24.12.2026" is chrono's own full date).
 */
const DAY_MONTH = /(?<![\p{N}.:/])(3[01]|[12]\d|0?[1-9])\.\s?(1[0-2]|0?[1-9])\.(?!\d)/u;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function extract(context: ParsingContext, match: RegExpMatchArray) {
  const day = Number(match[1]);
  const month = Number(match[2]);
  if (day > DAYS_IN_MONTH[month - 1]!) return null;
  const components = context.createParsingComponents({ day, month });
  let year = context.reference.instant.getFullYear();
  // "29.2." exists only in leap years: the next one.
  while (day === 29 && month === 2 && !isLeap(year)) year++;
  components.imply('year', year);
  return components;
}

/** `base` with the day-month parser added (the clone leaves chrono's shared instance alone). */
export function withDayMonth(base: Chrono): Chrono {
  const chrono = base.clone();
  chrono.parsers.push({ pattern: () => DAY_MONTH, extract });
  return chrono;
}
