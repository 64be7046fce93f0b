import { describe, expect, it } from 'vitest';
import { parseDue, type DueLang, type ParseDueResult } from '../../../src/core/schedule/natural';
import { resolvePreset } from '../../../src/core/schedule/presets';
import { zonedToInstant } from '../../../src/core/time/zoned';
import { at, prefs, wall, withProcessTz } from './helpers';

const BERLIN = 'Europe/Berlin';
const LA = 'America/Los_Angeles';
const PROCESS_ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York'];

/** Wednesday 26 March 2025, 22:30 on the zone's own wall clock. In LA that is already Thursday in UTC. */
function lateWednesday(timeZone: string): number {
  return zonedToInstant({ year: 2025, month: 3, day: 26, hour: 22, minute: 30 }, timeZone);
}

type Row = [text: string, ui: DueLang, wall: string, moved: boolean, exactTime: boolean, lang: DueLang];

// Prefs: default time 09:00, working hours Mon–Fri 09:00–18:00.
const LATE_WEDNESDAY: Row[] = [
  ['in 3 days', 'en', '2025-03-31 09:00 Mon', true, false, 'en'], // Saturday → Monday
  ['next Monday 9am', 'en', '2025-03-31 09:00 Mon', false, true, 'en'],
  ['in 2 weeks', 'en', '2025-04-09 09:00 Wed', false, false, 'en'],
  ['tomorrow', 'en', '2025-03-27 09:00 Thu', false, false, 'en'],
  ['tomorrow 3pm', 'en', '2025-03-27 15:00 Thu', false, true, 'en'],
  ['Friday 14:00', 'en', '2025-03-28 14:00 Fri', false, true, 'en'],
  ['in 2 hours', 'en', '2025-03-27 00:30 Thu', false, true, 'en'],
  ['Dec 24 10:00', 'en', '2025-12-24 10:00 Wed', false, true, 'en'],
  ['next week', 'en', '2025-03-31 09:00 Mon', false, false, 'en'],
  ['tomorrow evening', 'en', '2025-03-27 20:00 Thu', false, true, 'en'],
  ['tomorrow morning', 'en', '2025-03-27 09:00 Thu', false, false, 'en'],
  ['remind me in 3 days please', 'en', '2025-03-31 09:00 Mon', true, false, 'en'],
  ['follow up with Anna next week', 'en', '2025-03-31 09:00 Mon', false, false, 'en'],
  ['übermorgen', 'de', '2025-03-28 09:00 Fri', false, false, 'de'],
  ['morgen', 'de', '2025-03-27 09:00 Thu', false, false, 'de'],
  ['nächsten Freitag 14 Uhr', 'de', '2025-04-04 14:00 Fri', false, true, 'de'], // chrono: Friday of next week
  ['in 3 Tagen', 'de', '2025-03-31 09:00 Mon', true, false, 'de'],
  ['in 10 Tagen', 'de', '2025-04-07 09:00 Mon', true, false, 'de'], // Saturday 5 April → Monday
  ['Montag 9 Uhr', 'de', '2025-03-31 09:00 Mon', false, true, 'de'],
  ['in 2 Wochen', 'de', '2025-04-09 09:00 Wed', false, false, 'de'],
  ['nächste Woche', 'de', '2025-03-31 09:00 Mon', false, false, 'de'],
  ['kommende Woche', 'de', '2025-03-31 09:00 Mon', false, false, 'de'],
  ['in 2 Stunden', 'de', '2025-03-27 00:30 Thu', false, true, 'de'],
  ['morgen Abend', 'de', '2025-03-27 18:00 Thu', false, true, 'de'],
  ['morgen früh', 'de', '2025-03-27 09:00 Thu', false, false, 'de'],
  ['kommenden Freitag', 'de', '2025-03-28 09:00 Fri', false, false, 'de'],
  ['erinnere mich morgen bitte', 'de', '2025-03-27 09:00 Thu', false, false, 'de'],
  // Other-language input falls back, and the better-covering reading wins over a partial one.
  ['morgen', 'en', '2025-03-27 09:00 Thu', false, false, 'de'],
  ['tomorrow 3pm', 'de', '2025-03-27 15:00 Thu', false, true, 'en'],
  ['Friday 14:00', 'de', '2025-03-28 14:00 Fri', false, true, 'en'],
  ['next Monday 9am', 'de', '2025-03-31 09:00 Mon', false, true, 'en'],
  // Spelling variants.
  ['naechste Woche', 'de', '2025-03-31 09:00 Mon', false, false, 'de'],
  ['u\u0308bermorgen', 'de', '2025-03-28 09:00 Fri', false, false, 'de'], // decomposed ü
  ['  Tomorrow   3PM ', 'en', '2025-03-27 15:00 Thu', false, true, 'en'],
];

function expectOk(r: ParseDueResult): Extract<ParseDueResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected a parse, got ${r.reason}`);
  return r;
}

describe.each([BERLIN, LA])('parseDue on a late Wednesday evening in %s', (timeZone) => {
  const now = lateWednesday(timeZone);
  const p = prefs(timeZone);

  it.each(LATE_WEDNESDAY)('%s (ui %s) → %s', (text, ui, expectedWall, moved, exactTime, lang) => {
    const r = expectOk(parseDue(text, now, p, ui));
    expect({ wall: wall(r.at, timeZone), moved: r.moved, exactTime: r.exactTime, lang: r.lang }).toEqual({
      wall: expectedWall,
      moved,
      exactTime,
      lang,
    });
  });

  it('"in 2 hours" is exactly two elapsed hours, seconds included', () => {
    const odd = now + 17_123;
    expect(expectOk(parseDue('in 2 hours', odd, p)).at).toBe(odd + 2 * 3_600_000);
    expect(expectOk(parseDue('in 30 Minuten', odd, p, 'de')).at).toBe(odd + 30 * 60_000);
  });

  it('"next week" means the same as the next-week preset', () => {
    const preset = resolvePreset('next-week', now, p).at;
    expect(expectOk(parseDue('next week', now, p)).at).toBe(preset);
    expect(expectOk(parseDue('nächste Woche', now, p, 'de')).at).toBe(preset);
  });

  it('reports what chrono matched', () => {
    expect(expectOk(parseDue('remind me in 3 days please', now, p)).matched).toBe('in 3 days');
  });

  it('says "past" for a time already gone today', () => {
    expect(parseDue('heute 17 Uhr', now, p, 'de')).toEqual({ ok: false, reason: 'past' });
    expect(parseDue('today', now, p)).toEqual({ ok: false, reason: 'past' }); // today at 09:00
    expect(parseDue('now', now, p)).toEqual({ ok: false, reason: 'past' });
  });
});

describe('parseDue shortly after midnight in Berlin (still the previous day in UTC)', () => {
  // Thursday 27 March 00:30 CET = Wednesday 23:30 UTC.
  const now = at('2025-03-27T00:30+01:00');
  const p = prefs(BERLIN);
  it.each<Row>([
    ['tomorrow', 'en', '2025-03-28 09:00 Fri', false, false, 'en'],
    ['morgen', 'de', '2025-03-28 09:00 Fri', false, false, 'de'],
    ['übermorgen', 'de', '2025-03-31 09:00 Mon', true, false, 'de'],
    ['heute 17 Uhr', 'de', '2025-03-27 17:00 Thu', false, true, 'de'],
    ['Friday 14:00', 'en', '2025-03-28 14:00 Fri', false, true, 'en'],
    ['in 2 hours', 'en', '2025-03-27 02:30 Thu', false, true, 'en'],
  ])('%s (ui %s) → %s', (text, ui, expectedWall, moved, exactTime, lang) => {
    const r = expectOk(parseDue(text, now, p, ui));
    expect([wall(r.at, BERLIN), r.moved, r.exactTime, r.lang]).toEqual([expectedWall, moved, exactTime, lang]);
  });
});

describe('parseDue edge cases', () => {
  const p = prefs(BERLIN);

  it('a bare weekday naming today means next week once the default time has passed', () => {
    const mondayMorning = at('2025-03-31T10:00+02:00');
    expect(wall(expectOk(parseDue('Monday', mondayMorning, p)).at, BERLIN)).toBe('2025-04-07 09:00 Mon');
    expect(wall(expectOk(parseDue('Montag', mondayMorning, p, 'de')).at, BERLIN)).toBe('2025-04-07 09:00 Mon');
    const early = at('2025-03-31T08:00+02:00');
    expect(wall(expectOk(parseDue('Monday', early, p)).at, BERLIN)).toBe('2025-03-31 09:00 Mon');
  });

  it('"Dec 24 10:00" after that moment rolls to next year', () => {
    const r = expectOk(parseDue('Dec 24 10:00', at('2025-12-24T11:00+01:00'), p));
    expect(wall(r.at, BERLIN)).toBe('2026-12-24 10:00 Thu');
  });

  it('honours an explicit zone in the text', () => {
    const r = expectOk(parseDue('tomorrow 10:00 UTC', at('2025-03-26T12:00+01:00'), p, 'de'));
    expect(new Date(r.at).toISOString()).toBe('2025-03-27T10:00:00.000Z');
  });

  it('keeps a typed time on the wall clock across DST', () => {
    // Friday 28 March → Monday 31 March crosses the Berlin spring-forward.
    const r = expectOk(parseDue('Montag 9 Uhr', at('2025-03-28T10:00+01:00'), p, 'de'));
    expect(new Date(r.at).toISOString()).toBe('2025-03-31T07:00:00.000Z');
  });

  it('"next week" on a Sunday is tomorrow, like the preset', () => {
    const r = expectOk(parseDue('next week', at('2025-03-23T20:00+01:00'), p));
    expect(wall(r.at, BERLIN)).toBe('2025-03-24 09:00 Mon');
  });

  it('rejects empty input', () => {
    expect(parseDue('', 0, p)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDue('   \n ', 0, p)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    'hello world',
    'I sat down', // chrono finds "sat" (Saturday)
    'Friday or Monday', // two dates
    '24.12.2025 oder 25.12.', // two dates
    '31.2.', // no such day
    'call 555 tomorrow', // a stray number
    'in 3 business days', // chrono has no business days
  ])('rejects %j as unrecognised', (text) => {
    expect(parseDue(text, at('2025-03-26T12:00+01:00'), p)).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseDue(text, at('2025-03-26T12:00+01:00'), p, 'de')).toEqual({ ok: false, reason: 'unrecognised' });
  });
});

describe('parseDue does not depend on the process time zone', () => {
  const phrases = LATE_WEDNESDAY.map(([text, ui]) => [text, ui] as const);

  it.each([BERLIN, LA, 'Australia/Sydney'])('same results for prefs zone %s under every process zone', (timeZone) => {
    const now = lateWednesday(timeZone);
    const p = prefs(timeZone);
    const run = () => phrases.map(([text, ui]) => parseDue(text, now, p, ui));
    const baseline = withProcessTz('UTC', run);
    expect(baseline.every((r) => r.ok)).toBe(true);
    for (const tz of PROCESS_ZONES) {
      expect(withProcessTz(tz, run), `process TZ ${tz}`).toEqual(baseline);
    }
  });

  it('matches the wall-clock table when the process runs in Auckland', () => {
    const now = lateWednesday(LA);
    const r = withProcessTz('Pacific/Auckland', () => expectOk(parseDue('tomorrow 3pm', now, prefs(LA))));
    expect(wall(r.at, LA)).toBe('2025-03-27 15:00 Thu');
  });

  it('survives a reference time that falls in the process zone\'s DST gap', () => {
    // 02:30 on 9 March 2025 does not exist in New York, but it does in Berlin.
    const now = at('2025-03-09T02:30+01:00');
    const p = prefs(BERLIN, { whEnabled: false });
    const results = withProcessTz('America/New_York', () => ({
      hours: expectOk(parseDue('in 2 hours', now, p)).at,
      tomorrow: expectOk(parseDue('tomorrow', now, p)).at,
      today: expectOk(parseDue('heute 17 Uhr', now, p, 'de')).at,
    }));
    expect(results.hours).toBe(now + 2 * 3_600_000);
    expect(wall(results.tomorrow, BERLIN)).toBe('2025-03-10 09:00 Mon');
    expect(wall(results.today, BERLIN)).toBe('2025-03-09 17:00 Sun');
  });
});
