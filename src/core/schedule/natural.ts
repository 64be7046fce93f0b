/**
 * Free-text due input ("next Monday 9am", "übermorgen") via chrono-node.
 *
 * chrono does all its calendar work with the process's local `Date` methods.
 * To make results depend on the user's zone instead of wherever the code
 * runs, it gets a stand-in reference whose *local fields* equal the user's
 * wall clock; we read back only the parsed fields and convert them with
 * `zonedToInstant`. chrono's own `timezone` reference option would not help:
 * it applies one fixed offset, which is wrong across a DST change.
 */
import { de, en, type ParsedComponents, type ParsedResult } from 'chrono-node';
import type { SchedulePrefs } from '../settings';
import { addLocalDays, utcFromFields, zonedParts, zonedToInstant, type LocalDateTime } from '../time/zoned';
import { withDayMonth } from './day-month';
import { MAX_AFTER_MS, MAX_DAYS, MIN_AFTER_MS, type DueIntent } from './intent';
import { resolvePreset, type DueResolution } from './presets';
import { fitToWorkingHours } from './working-hours';

export type DueLang = 'en' | 'de';

export type ParseDueResult =
  | (DueResolution & {
      ok: true;
      matched: string;
      lang: DueLang;
      /** What to store: relative readings ("in 2 hours", "in 3 Tagen") count from the send, the rest is this instant. */
      intent: DueIntent;
    })
  | { ok: false; reason: 'empty' | 'unrecognised' | 'past' };

const PARSERS = { en: en.casual, de: withDayMonth(de.casual) } as const;

/**
 * Words a user may wrap around a date without changing it ("remind me …
 * please", "erinnere mich … bitte"). Leftover text made of these does not
 * count against a match. `früh` is here because chrono reads "morgen früh"
 * as "morgen" plus "fr" (Friday); tomorrow at the default time is the
 * intended meaning anyway.
 */
const FILLER = new Set([
  'remind', 'me', 'please', 'on', 'at', 'by', 'in', 'the', 'a', 'an', 'around', 'about', 'until', 'till',
  'follow', 'up', 'with', 'again', 'coming', 'this',
  'erinnere', 'erinnern', 'mich', 'bitte', 'am', 'um', 'bis', 'gegen', 'zum', 'den', 'der', 'die', 'nochmal',
  'wieder', 'kommenden', 'kommende', 'diesen', 'früh', 'nachfassen',
]);

/** chrono reads these as "+7 days"; we give them the meaning of the `next-week` preset. */
const NEXT_WEEK = new Set(['next week', 'coming week', 'nächste woche', 'kommende woche']);

/** Time-of-day words whose implied hour is what the user meant. "Morning" is left to the default time. */
const TIME_OF_DAY_TAGS = ['afternoon', 'evening', 'noon', 'midnight', 'tonight'].map((t) => `casualReference/${t}`);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t !== '');
}

/**
 * Rule for partial matches: chrono happily finds "sat" in "I sat down", or a
 * bare "14:00" in "Friday 14:00" when parsing with the wrong language. A
 * match is accepted only when (a) the text outside it holds no digits (an
 * unparsed number probably belonged to the date, e.g. "24.12." in
 * "24.12. 10 Uhr"), and (b) the match has more words than the leftover has
 * non-filler words. Returns the number of such leftover words (lower is a
 * better reading), or undefined when the match is rejected.
 */
function unexplainedWords(text: string, result: ParsedResult): number | undefined {
  const leftover = text.slice(0, result.index) + ' ' + text.slice(result.index + result.text.length);
  if (/\p{N}/u.test(leftover)) return undefined;
  const meaningful = tokens(leftover).filter((t) => !FILLER.has(t)).length;
  return meaningful < tokens(result.text).length ? meaningful : undefined;
}

/** A process-local Date whose local fields read as the user's wall clock at `now`. */
function standInReference(now: number, timeZone: string): Date {
  const p = zonedParts(now, timeZone);
  const ms = ((now % 1000) + 1000) % 1000;
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, ms);
}

function field(c: ParsedComponents, name: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'): number {
  return c.get(name) ?? 0;
}

function localDate(c: ParsedComponents, hour: number, minute: number): LocalDateTime {
  return { year: field(c, 'year'), month: field(c, 'month'), day: field(c, 'day'), hour, minute };
}

type Reading = DueResolution & { intent: DueIntent };


/** Days between the stand-in reference's date and the parsed date, on the wall clock. */
function wallDaysAfter(c: ParsedComponents, ref: Date): number {
  const parsed = utcFromFields(field(c, 'year'), field(c, 'month'), field(c, 'day'));
  const base = utcFromFields(ref.getFullYear(), ref.getMonth() + 1, ref.getDate());
  return Math.round((parsed - base) / 86_400_000);
}

function resolveResult(r: ParsedResult, ref: Date, now: number, prefs: SchedulePrefs): Reading {
  const due = resolveInstant(r, ref, now, prefs);
  const tags = r.tags();
  if (NEXT_WEEK.has(tokens(r.text).join(' '))) return { ...due, intent: { preset: 'next-week' } };
  const after = due.at - now;
  if (tags.has('result/relativeDateAndTime') && after >= MIN_AFTER_MS && after <= MAX_AFTER_MS) return { ...due, intent: { after } };
  // "in 3 Tagen", "in a week": whole days at the default time, counted from the send. With a clock time
  // ("in 3 days at 10am") the user named an instant.
  const days = wallDaysAfter(r.start, ref);
  if (tags.has('result/relativeDate') && !due.exactTime && days >= 1 && days <= MAX_DAYS) return { ...due, intent: { days } };
  // Anything else, or a relative reading outside what the protocol stores as relative: the instant shown.
  return { ...due, intent: { at: due.at } };
}

/** A date without a year ("24.12.", "Dec 24") that has passed on the user's clock means next year's. */
function nextOccurrence(c: ParsedComponents, local: LocalDateTime, now: number, timeZone: string): LocalDateTime {
  if (c.isCertain('year') || !c.isCertain('day') || !c.isCertain('month')) return local;
  if (zonedToInstant(local, timeZone) > now) return local;
  // 29 February comes back four years later (the Gregorian century rule can wait).
  return { ...local, year: local.year + (local.month === 2 && local.day === 29 ? 4 : 1) };
}

function resolveInstant(r: ParsedResult, ref: Date, now: number, prefs: SchedulePrefs): DueResolution {
  const c = r.start;
  const tags = r.tags();

  // "in 2 hours" / "now": an elapsed duration. chrono added it to the stand-in
  // on the wall clock, so the wall-clock difference is the duration.
  if (tags.has('result/relativeDateAndTime') || tags.has('casualReference/now')) {
    const parsed = utcFromFields(field(c, 'year'), field(c, 'month'), field(c, 'day'), field(c, 'hour'), field(c, 'minute'), field(c, 'second'));
    const base = utcFromFields(ref.getFullYear(), ref.getMonth() + 1, ref.getDate(), ref.getHours(), ref.getMinutes(), ref.getSeconds());
    return { at: now + (parsed - base) + ((c.get('millisecond') ?? 0) - ref.getMilliseconds()), moved: false, exactTime: true };
  }

  if (NEXT_WEEK.has(tokens(r.text).join(' '))) return resolvePreset('next-week', now, prefs);

  if (c.isCertain('hour') || TIME_OF_DAY_TAGS.some((t) => tags.has(t))) {
    const local = localDate(c, field(c, 'hour'), field(c, 'minute'));
    // An explicit zone in the text ("10:00 PST") beats the user's zone.
    const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
    const at =
      offset === null
        ? zonedToInstant(nextOccurrence(c, local, now, prefs.timeZone), prefs.timeZone)
        : utcFromFields(local.year, local.month, local.day, local.hour, local.minute) - offset * 60_000;
    return { at, moved: false, exactTime: true };
  }

  // Only a day is known: use the default time and keep it in working hours.
  let local = nextOccurrence(c, localDate(c, Math.floor(prefs.defaultTime / 60), prefs.defaultTime % 60), now, prefs.timeZone);
  let at = zonedToInstant(local, prefs.timeZone);
  // A bare weekday naming today (chrono keeps today while its noon placeholder
  // is ahead) means next week's once the default time has passed.
  if (at <= now && c.isCertain('weekday') && !c.isCertain('day')) {
    local = addLocalDays(local, 7);
    at = zonedToInstant(local, prefs.timeZone);
  }
  const fitted = fitToWorkingHours(at, prefs);
  return { at: fitted.at, moved: fitted.moved, exactTime: false };
}

interface Candidate {
  result: ParsedResult;
  lang: DueLang;
  unexplained: number;
}

function readIn(lang: DueLang, text: string, ref: Date): Candidate | undefined {
  const attempt = (t: string) => PARSERS[lang].parse(t, ref, { forwardDate: true })[0];
  let result = attempt(text);
  let source = text;
  // chrono-de knows "uebermorgen" but not "naechste"; retry with umlauts spelled out.
  if (!result && lang === 'de' && /ae|oe|ue/i.test(text)) {
    source = text.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü').replace(/Ae/g, 'Ä').replace(/Oe/g, 'Ö').replace(/Ue/g, 'Ü');
    result = attempt(source);
  }
  if (!result) return undefined;
  const unexplained = unexplainedWords(source, result);
  return unexplained === undefined ? undefined : { result, lang, unexplained };
}

/**
 * Parse a due time typed by the user. `lang` is the UI language: both
 * languages are tried and the reading that leaves fewer words unexplained
 * wins, with `lang` winning ties. So "tomorrow 3pm" works for a German user
 * without chrono-de's partial "3pm" (today!) taking precedence.
 */
export function parseDue(text: string, now: number, prefs: SchedulePrefs, lang: DueLang = 'en'): ParseDueResult {
  // NFC: macOS input may deliver "ü" decomposed, which chrono's patterns miss.
  const input = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (input === '') return { ok: false, reason: 'empty' };

  const ref = standInReference(now, prefs.timeZone);
  const order: DueLang[] = lang === 'de' ? ['de', 'en'] : ['en', 'de'];
  const readings = order
    .map((l) => readIn(l, input, ref))
    .filter((r): r is Candidate => r !== undefined)
    .sort((a, b) => a.unexplained - b.unexplained); // stable: ties keep `order`
  const best = readings[0];
  if (!best) return { ok: false, reason: 'unrecognised' };

  const due = resolveResult(best.result, ref, now, prefs);
  if (due.at <= now) return { ok: false, reason: 'past' };
  return { ok: true, ...due, matched: best.result.text, lang: best.lang };
}
