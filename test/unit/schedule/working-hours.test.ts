import { describe, expect, it } from 'vitest';
import { fitToWorkingHours } from '../../../src/core/schedule/working-hours';
import { at, prefs, wall } from './helpers';

const BERLIN = 'Europe/Berlin';
const p = prefs(BERLIN); // Mon–Fri 09:00–18:00

describe('fitToWorkingHours', () => {
  it('keeps an instant inside working hours', () => {
    const t = at('2025-03-26T10:00+01:00'); // Wed
    expect(fitToWorkingHours(t, p)).toEqual({ at: t, moved: false });
    const startEdge = at('2025-03-26T09:00+01:00');
    expect(fitToWorkingHours(startEdge, p)).toEqual({ at: startEdge, moved: false });
    const lastMinute = at('2025-03-26T17:59+01:00');
    expect(fitToWorkingHours(lastMinute, p)).toEqual({ at: lastMinute, moved: false });
  });

  it('moves an early morning to the same day start', () => {
    const r = fitToWorkingHours(at('2025-03-26T03:00+01:00'), p);
    expect(r.moved).toBe(true);
    expect(wall(r.at, BERLIN)).toBe('2025-03-26 09:00 Wed');
  });

  it('treats the end as exclusive and moves to the next day', () => {
    const r = fitToWorkingHours(at('2025-03-26T18:00+01:00'), p);
    expect(r).toEqual({ at: at('2025-03-27T09:00+01:00'), moved: true });
  });

  it('skips the weekend: Friday evening and Saturday go to Monday', () => {
    expect(wall(fitToWorkingHours(at('2025-03-21T19:00+01:00'), p).at, BERLIN)).toBe('2025-03-24 09:00 Mon');
    expect(wall(fitToWorkingHours(at('2025-03-22T12:00+01:00'), p).at, BERLIN)).toBe('2025-03-24 09:00 Mon');
    expect(wall(fitToWorkingHours(at('2025-03-23T08:00+01:00'), p).at, BERLIN)).toBe('2025-03-24 09:00 Mon');
  });

  it('lands on 09:00 wall time across a DST change', () => {
    // Sat 29 Mar is CET, Mon 31 Mar is CEST: the instant is 07:00Z, not 08:00Z.
    const r = fitToWorkingHours(at('2025-03-29T12:00+01:00'), p);
    expect(new Date(r.at).toISOString()).toBe('2025-03-31T07:00:00.000Z');
  });

  it('computes in the prefs zone, not UTC', () => {
    // 23:30 Thursday in Los Angeles is already Friday in UTC.
    const la = prefs('America/Los_Angeles');
    const r = fitToWorkingHours(at('2025-03-27T23:30-07:00'), la);
    expect(wall(r.at, 'America/Los_Angeles')).toBe('2025-03-28 09:00 Fri');
  });

  it('handles a single working day a week', () => {
    const r = fitToWorkingHours(at('2025-03-26T10:00+01:00'), prefs(BERLIN, { days: [0] }));
    expect(wall(r.at, BERLIN)).toBe('2025-03-30 09:00 Sun');
    // Same weekday but past the end: a full week later.
    const r2 = fitToWorkingHours(at('2025-03-26T19:00+01:00'), prefs(BERLIN, { days: [3] }));
    expect(wall(r2.at, BERLIN)).toBe('2025-04-02 09:00 Wed');
  });

  it('leaves the instant alone when working hours are disabled', () => {
    const t = at('2025-03-22T03:00+01:00'); // Saturday night
    expect(fitToWorkingHours(t, prefs(BERLIN, { whEnabled: false }))).toEqual({ at: t, moved: false });
  });

  it('treats an empty day list as disabled (and terminates)', () => {
    const t = at('2025-03-22T03:00+01:00');
    expect(fitToWorkingHours(t, prefs(BERLIN, { days: [] }))).toEqual({ at: t, moved: false });
  });

  it('treats an empty or inverted window as disabled', () => {
    const t = at('2025-03-22T03:00+01:00');
    const inverted = prefs(BERLIN, { workingHours: { enabled: true, days: [1, 2, 3, 4, 5], start: 18 * 60, end: 9 * 60 } });
    expect(fitToWorkingHours(t, inverted)).toEqual({ at: t, moved: false });
  });
});
