import { describe, expect, it } from 'vitest';
import { addLocalDays, isValidTimeZone, offsetMinutes, zonedParts, zonedToInstant } from '../../../src/core/time/zoned';

const iso = (t: number) => new Date(t).toISOString();
const L = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute });

describe('zonedParts', () => {
  it('reads wall clock fields and weekday in the given zone', () => {
    const t = Date.parse('2025-03-26T21:30:15Z');
    expect(zonedParts(t, 'Europe/Berlin')).toEqual({ year: 2025, month: 3, day: 26, hour: 22, minute: 30, second: 15, weekday: 3 });
    expect(zonedParts(t, 'Pacific/Auckland')).toEqual({ year: 2025, month: 3, day: 27, hour: 10, minute: 30, second: 15, weekday: 4 });
    expect(zonedParts(t, 'America/Los_Angeles')).toMatchObject({ day: 26, hour: 14, weekday: 3 });
    expect(zonedParts(t, 'Asia/Kathmandu')).toMatchObject({ day: 27, hour: 3, minute: 15 });
  });

  it('reports midnight as hour 0, never 24', () => {
    expect(zonedParts(Date.parse('2025-01-01T00:00:00Z'), 'UTC')).toMatchObject({ year: 2025, month: 1, day: 1, hour: 0, weekday: 3 });
    expect(zonedParts(Date.parse('2024-12-31T23:00:00Z'), 'Europe/Berlin')).toMatchObject({ year: 2025, month: 1, day: 1, hour: 0 });
  });
});

describe('offsetMinutes', () => {
  it.each([
    ['UTC', '2025-06-15T12:00:00Z', 0],
    ['Europe/Berlin', '2025-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2025-07-15T12:00:00Z', 120],
    ['America/Los_Angeles', '2025-01-15T12:00:00Z', -480],
    ['Asia/Kathmandu', '2025-01-15T12:00:00Z', 345],
    ['Australia/Lord_Howe', '2025-07-15T12:00:00Z', 630],
    ['Pacific/Chatham', '2025-01-15T12:00:00.999Z', 825],
  ])('%s at %s is %i', (tz, t, expected) => {
    expect(offsetMinutes(Date.parse(t), tz)).toBe(expected);
  });
});

describe('zonedToInstant', () => {
  const cases: [string, ReturnType<typeof L>, string][] = [
    ['UTC', L(2025, 6, 15, 9, 0), '2025-06-15T09:00:00.000Z'],
    ['Europe/Berlin', L(2025, 1, 15, 9, 0), '2025-01-15T08:00:00.000Z'],
    ['Europe/Berlin', L(2025, 7, 15, 9, 0), '2025-07-15T07:00:00.000Z'],
    ['Asia/Kolkata', L(2025, 6, 15, 9, 0), '2025-06-15T03:30:00.000Z'],
    ['Asia/Kathmandu', L(2025, 6, 15, 9, 0), '2025-06-15T03:15:00.000Z'],
    ['Pacific/Chatham', L(2025, 6, 15, 9, 0), '2025-06-14T20:15:00.000Z'], // +12:45 in winter
    ['Pacific/Chatham', L(2025, 1, 15, 9, 0), '2025-01-14T19:15:00.000Z'], // +13:45 in summer
    ['Australia/Lord_Howe', L(2025, 6, 15, 9, 0), '2025-06-14T22:30:00.000Z'], // +10:30
    ['Australia/Lord_Howe', L(2025, 1, 15, 9, 0), '2025-01-14T22:00:00.000Z'], // +11:00
    ['America/New_York', L(2025, 1, 15, 9, 0), '2025-01-15T14:00:00.000Z'],
    ['Australia/Sydney', L(2025, 1, 15, 9, 0), '2025-01-14T22:00:00.000Z'],
  ];
  it.each(cases)('%s %o → %s', (tz, local, expected) => {
    expect(iso(zonedToInstant(local, tz))).toBe(expected);
  });

  describe('spring-forward gap: shifted forward by the gap length', () => {
    const gaps: [string, ReturnType<typeof L>, string][] = [
      ['Europe/Berlin', L(2025, 3, 30, 2, 30), '2025-03-30T01:30:00.000Z'], // → 03:30 CEST
      ['Europe/Berlin', L(2025, 3, 30, 2, 0), '2025-03-30T01:00:00.000Z'], // → 03:00 CEST
      ['America/New_York', L(2025, 3, 9, 2, 30), '2025-03-09T07:30:00.000Z'], // → 03:30 EDT
      ['Australia/Sydney', L(2025, 10, 5, 2, 30), '2025-10-04T16:30:00.000Z'], // → 03:30 AEDT
      ['Australia/Lord_Howe', L(2025, 10, 5, 2, 15), '2025-10-04T15:45:00.000Z'], // 30-min gap → 02:45
      ['Pacific/Chatham', L(2025, 9, 28, 3, 0), '2025-09-27T14:15:00.000Z'], // 02:45→03:45 gap → 04:00
    ];
    it.each(gaps)('%s %o → %s', (tz, local, expected) => {
      const t = zonedToInstant(local, tz);
      expect(iso(t)).toBe(expected);
      const shown = zonedParts(t, tz);
      const gapMinutes = tz === 'Australia/Lord_Howe' ? 30 : 60;
      expect(shown.hour * 60 + shown.minute).toBe(local.hour * 60 + local.minute + gapMinutes);
    });
  });

  describe('fall-back overlap: the earlier instant', () => {
    const overlaps: [string, ReturnType<typeof L>, string, number][] = [
      ['Europe/Berlin', L(2025, 10, 26, 2, 30), '2025-10-26T00:30:00.000Z', 60], // CEST, not CET
      ['America/New_York', L(2025, 11, 2, 1, 30), '2025-11-02T05:30:00.000Z', 60], // EDT, not EST
      ['Australia/Sydney', L(2025, 4, 6, 2, 30), '2025-04-05T15:30:00.000Z', 60], // AEDT, not AEST
      ['Australia/Lord_Howe', L(2025, 4, 6, 1, 45), '2025-04-05T14:45:00.000Z', 30], // +11 not +10:30
      ['Pacific/Chatham', L(2025, 4, 6, 3, 0), '2025-04-05T13:15:00.000Z', 60], // +13:45 not +12:45
    ];
    it.each(overlaps)('%s %o → %s', (tz, local, expected, overlap) => {
      const t = zonedToInstant(local, tz);
      expect(iso(t)).toBe(expected);
      // The later reading shows the same wall time, proving it really was ambiguous.
      expect(zonedParts(t + overlap * 60_000, tz)).toMatchObject(local);
      expect(zonedParts(t, tz)).toMatchObject(local);
    });
  });

  it.each([
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Pacific/Chatham',
  ])('round-trips instants through wall time over a year in %s', (tz) => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const step = 97 * 60_000; // odd step so every time of day and both DST switches are visited
    let exact = 0;
    let total = 0;
    for (let t = start; t < start + 366 * 86_400_000; t += step) {
      const p = zonedParts(t, tz);
      const back = zonedToInstant(p, tz);
      total++;
      if (back === t) exact++;
      else {
        // Only the second pass through a fall-back hour may map elsewhere: to its earlier twin.
        expect(back).toBeLessThan(t);
        expect(t - back).toBeLessThanOrEqual(60 * 60_000);
        expect(zonedParts(back, tz)).toMatchObject({ year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute });
      }
    }
    expect(total - exact).toBeLessThanOrEqual(1);
  });
});

describe('addLocalDays', () => {
  it.each([
    [L(2025, 1, 31, 9, 0), 1, L(2025, 2, 1, 9, 0)],
    [L(2024, 2, 28, 9, 0), 1, L(2024, 2, 29, 9, 0)],
    [L(2025, 2, 28, 9, 0), 1, L(2025, 3, 1, 9, 0)],
    [L(2025, 12, 31, 23, 59), 1, L(2026, 1, 1, 23, 59)],
    [L(2024, 3, 1, 7, 5), -1, L(2024, 2, 29, 7, 5)],
    [L(2025, 1, 1, 0, 0), 365, L(2026, 1, 1, 0, 0)],
    [L(2024, 1, 1, 0, 0), 365, L(2024, 12, 31, 0, 0)],
    [L(2025, 3, 26, 9, 0), 14, L(2025, 4, 9, 9, 0)],
  ])('%o + %i days → %o', (local, n, expected) => {
    expect(addLocalDays(local, n)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const local = L(2025, 1, 31, 9, 0);
    addLocalDays(local, 3);
    expect(local).toEqual(L(2025, 1, 31, 9, 0));
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Australia/Lord_Howe', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['not a zone', false],
  ])('%s → %s', (tz, expected) => {
    expect(isValidTimeZone(tz)).toBe(expected);
  });
});
