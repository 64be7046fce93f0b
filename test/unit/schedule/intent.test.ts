import { describe, expect, it } from 'vitest';
import { MAX_SEND_DELAY_MS, isRelativeDue, resolveIntent, sendMoments } from '../../../src/core/schedule/intent';
import { resolvePreset } from '../../../src/core/schedule/presets';
import { at, prefs, wall } from './helpers';

const BERLIN = 'Europe/Berlin';
const p = prefs(BERLIN);
const HOUR = 3_600_000;
// Typed on Monday 7 Dec 2026 at 10:00, sent an hour later.
const typedAt = at('2026-12-07T10:00+01:00');
const sentAt = typedAt + HOUR;

describe('relative intents count from the send', () => {
  it('"in 2 hours" typed at 10:00 and sent at 11:00 is due at 13:00', () => {
    const r = resolveIntent({ after: 2 * HOUR }, sendMoments(sentAt, sentAt), p);
    expect(wall(r.at, BERLIN)).toBe('2026-12-07 13:00 Mon');
  });

  it('"in 3 Tagen" counts calendar days from the day of sending, at the default time', () => {
    // Typed Friday 23:30, sent Saturday 00:30: three days from Saturday is Tuesday.
    const friday = at('2026-12-11T23:30+01:00');
    const r = resolveIntent({ days: 3 }, sendMoments(friday + HOUR, friday + HOUR), p);
    expect(wall(r.at, BERLIN)).toBe('2026-12-15 09:00 Tue');
  });

  it('presets count from the send too', () => {
    const lateSend = at('2026-12-08T00:10+01:00'); // typed Monday evening, sent after midnight
    expect(resolveIntent({ preset: 'tomorrow' }, sendMoments(lateSend, lateSend), p).at).toBe(resolvePreset('tomorrow', lateSend, p).at);
    expect(wall(resolveIntent({ preset: 'tomorrow' }, sendMoments(lateSend, lateSend), p).at, BERLIN)).toBe('2026-12-09 09:00 Wed');
  });

  it('a scheduled send counts from the scheduled time', () => {
    const scheduled = at('2026-12-10T08:00+01:00');
    expect(resolveIntent({ after: 2 * HOUR }, sendMoments(typedAt, scheduled), p).at).toBe(scheduled + 2 * HOUR);
    expect(wall(resolveIntent({ preset: 'tomorrow' }, sendMoments(typedAt, scheduled), p).at, BERLIN)).toBe('2026-12-11 09:00 Fri');
  });

  it('a reminder added to an old thread counts from now, not from the old send', () => {
    const old = typedAt - 10 * 24 * HOUR;
    expect(resolveIntent({ after: HOUR }, sendMoments(typedAt, old), p).at).toBe(typedAt + HOUR);
  });

  it('knows which intents are relative', () => {
    expect([{ preset: 'tomorrow' as const }, { days: 2 }, { after: 5 }].every(isRelativeDue)).toBe(true);
    expect(isRelativeDue({ at: 5 })).toBe(false);
    expect(isRelativeDue({ local: '2026-12-24T10:00' })).toBe(false);
  });
});

describe('absolute intents mean that instant and are refused once passed', () => {
  const noon = at('2026-12-07T12:00+01:00');

  it('is kept to the minute, wherever the send happens', () => {
    expect(resolveIntent({ at: noon }, sendMoments(sentAt, sentAt), p).at).toBe(noon);
    expect(resolveIntent({ local: '2026-12-07T12:00' }, sendMoments(sentAt, sentAt), p).at).toBe(noon);
  });

  it('is refused when it has passed', () => {
    const afterNoon = noon + 60_000;
    expect(() => resolveIntent({ at: noon }, sendMoments(afterNoon, afterNoon), p)).toThrow(RangeError);
    expect(() => resolveIntent({ local: '2026-12-07T12:00' }, { now: afterNoon }, p)).toThrow(RangeError);
  });

  it('valid when Send was pressed is kept although the request came after the undo delay', () => {
    const pressed = noon - 10_000;
    const request = noon + 25_000;
    expect(resolveIntent({ at: noon }, sendMoments(request, request - 1_000, pressed), p).at).toBe(noon);
    // Without the press, or with a press older than any undo delay, the request time rules.
    expect(() => resolveIntent({ at: noon }, sendMoments(request, request - 1_000), p)).toThrow(RangeError);
    const stale = request - MAX_SEND_DELAY_MS - 1;
    expect(() => resolveIntent({ at: noon }, sendMoments(request, request, stale), p)).toThrow(RangeError);
    // A press in the future is not believed.
    expect(() => resolveIntent({ at: noon }, sendMoments(request, request, request + 1), p)).toThrow(RangeError);
  });

  it('must lie after a scheduled send', () => {
    const scheduled = at('2026-12-24T08:00+01:00');
    expect(() => resolveIntent({ local: '2026-12-23T10:00' }, sendMoments(typedAt, scheduled), p)).toThrow(RangeError);
    expect(resolveIntent({ local: '2026-12-24T10:00' }, sendMoments(typedAt, scheduled), p).at).toBe(at('2026-12-24T10:00+01:00'));
  });
});
