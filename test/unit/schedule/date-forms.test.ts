import { describe, expect, it } from 'vitest';
import { parseDue, type DueLang, type ParseDueResult } from '../../../src/core/schedule/natural';
import { at, prefs, wall, withProcessTz } from './helpers';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';

function ok(r: ParseDueResult) {
  if (!r.ok) throw new Error(`expected a parse, got ${r.reason}`);
  return r;
}

// Monday 7 December 2026, 15:00 on the zone's wall clock. Working hours Mon–Fri 09–18, default time 09:00.
const monday = (timeZone: string) => at(timeZone === BERLIN ? '2026-12-07T15:00+01:00' : '2026-12-07T15:00-05:00');

type Row = [text: string, ui: DueLang, wall: string, exactTime: boolean];

// Day-month dates without a year, in both languages and the usual spellings: the NEXT such date.
const FORMS: Row[] = [
  ['am 24.12. um 10 Uhr', 'de', '2026-12-24 10:00 Thu', true],
  ['24.12. 10 Uhr', 'de', '2026-12-24 10:00 Thu', true],
  ['24.12. um 10:30', 'de', '2026-12-24 10:30 Thu', true],
  ['24.12.', 'de', '2026-12-24 09:00 Thu', false],
  ['am 24.12.', 'de', '2026-12-24 09:00 Thu', false],
  ['24. Dezember', 'de', '2026-12-24 09:00 Thu', false],
  ['24. Dezember um 10 Uhr', 'de', '2026-12-24 10:00 Thu', true],
  ['bis zum 8.1.', 'de', '2027-01-08 09:00 Fri', false],
  ['am 3.2. um 9 Uhr', 'de', '2027-02-03 09:00 Wed', true],
  ['24.12.2027', 'de', '2027-12-24 09:00 Fri', false],
  // A German date typed with an English interface is still German.
  ['24.12. 10 Uhr', 'en', '2026-12-24 10:00 Thu', true],
  ['12/24', 'en', '2026-12-24 09:00 Thu', false],
  ['Dec 24 10am', 'en', '2026-12-24 10:00 Thu', true],
  ['24 Dec', 'en', '2026-12-24 09:00 Thu', false],
  ['24 Dec 10am', 'en', '2026-12-24 10:00 Thu', true],
  ['December 24', 'en', '2026-12-24 09:00 Thu', false],
  ['on Jan 8 at 2pm', 'en', '2027-01-08 14:00 Fri', true],
];

describe.each([BERLIN, NY])('day-month dates on Monday 7 Dec 2026 15:00 in %s', (timeZone) => {
  const now = monday(timeZone);
  const p = prefs(timeZone);
  it.each(FORMS)('%s (ui %s) → %s', (text, ui, expected, exactTime) => {
    const r = ok(parseDue(text, now, p, ui));
    expect([wall(r.at, timeZone), r.exactTime]).toEqual([expected, exactTime]);
    // A date is absolute: stored as the instant shown.
    expect(r.intent).toEqual({ at: r.at });
  });
});

describe('a date without a year means the next such date', () => {
  const p = prefs(BERLIN);
  const now = at('2026-12-07T15:00+01:00');
  it.each<[string, string]>([
    ['7.12.', '2027-12-07 09:00 Tue'], // today at the default time has passed
    ['7.12. 16 Uhr', '2026-12-07 16:00 Mon'], // later today still counts
    ['7.12. 14 Uhr', '2027-12-07 14:00 Tue'],
    ['1.12.', '2027-12-01 09:00 Wed'],
    ['6. Dezember', '2027-12-06 09:00 Mon'],
    ['Dec 1', '2027-12-01 09:00 Wed'],
  ])('%s → %s', (text, expected) => {
    expect(wall(ok(parseDue(text, now, p, 'de')).at, BERLIN)).toBe(expected);
  });

  it('reads 12/1 as the user\'s language writes it', () => {
    expect(wall(ok(parseDue('12/1', now, p, 'en')).at, BERLIN)).toBe('2027-12-01 09:00 Wed');
    expect(wall(ok(parseDue('12/1', now, p, 'de')).at, BERLIN)).toBe('2027-01-12 09:00 Tue');
  });

  it('29.2. waits for the next leap year', () => {
    expect(wall(ok(parseDue('29.2.', now, p, 'de')).at, BERLIN)).toBe('2028-02-29 09:00 Tue');
  });

  it('does not read a clock time or a longer number as a date', () => {
    expect(parseDue('9.30 Uhr', now, p, 'de')).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseDue('31.2.', now, p, 'de')).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseDue('Version 1.2.3', now, p, 'de')).toEqual({ ok: false, reason: 'unrecognised' });
    // Without the closing dot it is a decimal number, not a date.
    expect(parseDue('24.12', now, p, 'de')).toEqual({ ok: false, reason: 'unrecognised' });
  });
});

describe('relative readings are stored as what the user meant', () => {
  const p = prefs(BERLIN);
  const now = at('2026-12-07T15:00+01:00');
  it.each<[string, DueLang, unknown]>([
    ['in 2 hours', 'en', { after: 2 * 3_600_000 }],
    ['in 2 Stunden', 'de', { after: 2 * 3_600_000 }],
    ['in 45 minutes', 'en', { after: 45 * 60_000 }],
    ['in 3 days', 'en', { days: 3 }],
    ['in 3 Tagen', 'de', { days: 3 }],
    ['in einer Woche', 'de', { days: 7 }],
    ['in 2 weeks', 'en', { days: 14 }],
    ['next week', 'en', { preset: 'next-week' }],
    ['nächste Woche', 'de', { preset: 'next-week' }],
  ])('%s → %j', (text, ui, intent) => {
    expect(ok(parseDue(text, now, p, ui)).intent).toEqual(intent);
  });

  it.each<[string, DueLang]>([
    ['tomorrow 3pm', 'en'],
    ['in 3 days at 10am', 'en'], // a clock time names an instant
    ['Freitag 14 Uhr', 'de'],
    ['morgen', 'de'],
  ])('%s is absolute', (text, ui) => {
    const r = ok(parseDue(text, now, p, ui));
    expect(r.intent).toEqual({ at: r.at });
  });
});

describe('day-month dates do not depend on the process time zone', () => {
  it.each(['UTC', 'Pacific/Auckland', 'America/Los_Angeles'])('same instants when the process runs in %s', (tz) => {
    // 31 Dec 23:30 in Berlin: already 1 January in Auckland, still the 31st in Los Angeles.
    const now = at('2026-12-31T23:30+01:00');
    const p = prefs(BERLIN);
    const texts = ['1.1.', '31.12. 23:45', '24.12.', 'am 2.1. um 10 Uhr'];
    const baseline = withProcessTz('Europe/Berlin', () => texts.map((t) => ok(parseDue(t, now, p, 'de')).at));
    expect(withProcessTz(tz, () => texts.map((t) => ok(parseDue(t, now, p, 'de')).at))).toEqual(baseline);
    expect(baseline.map((a) => wall(a, BERLIN))).toEqual(['2027-01-01 09:00 Fri', '2026-12-31 23:45 Thu', '2027-12-24 09:00 Fri', '2027-01-02 10:00 Sat']);
  });
});
