import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legacyIdTime, threadStartOf } from '../../../src/core/gmail-id-time';
import { isRealOffset, offsetOfPoint, pageClock } from '../../../src/core/time/page-clock';
import { zonedParts, type LocalDateTime } from '../../../src/core/time/zoned';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SYNC = new URL('../../fixtures/gmail/sync-2022/', import.meta.url);

/** The wall clock a page in `zone` prints for `at` (to the minute, as Gmail does). */
const printed = (at: number, zone: string): LocalDateTime => {
  const { year, month, day, hour, minute } = zonedParts(at, zone);
  return { year, month, day, hour, minute };
};

describe('the time in a Gmail legacy id', () => {
  it('is the server time to the ms: every 2022 send response holds, as a number, the time of a legacy id it holds', () => {
    let matched = 0;
    const files = readdirSync(SYNC).filter((f) => /_response/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const f of files) {
      const text = readFileSync(new URL(f, SYNC), 'utf8');
      const numbers = new Set((text.match(/\b1\d{12}\b/g) ?? []).map(Number));
      const hexes = [...new Set((text.match(/"[0-9a-f]{16}"/g) ?? []).map((h) => h.slice(1, -1)))];
      const exact = hexes.filter((h) => numbers.has(legacyIdTime(h)!));
      expect(exact.length, f).toBeGreaterThan(0);
      matched += exact.length;
    }
    expect(matched).toBeGreaterThanOrEqual(15);
    expect(new Date(legacyIdTime('18333b13345c3a42')!).toISOString()).toBe('2022-09-12T21:53:14.565Z');
  });

  it('a thread\'s start from its hex or perm id; nothing from what is not one', () => {
    expect(threadStartOf({ threadId: '183234ce86ffa010' })).toBe(legacyIdTime('183234ce86ffa010'));
    expect(threadStartOf({ permThreadId: 'thread-f:1743514067378610192' })).toBe(legacyIdTime('183234ce86ffa010'));
    expect(threadStartOf({ threadId: 'ffffffffffffffff' })).toBeUndefined();
    expect(threadStartOf({ threadId: 'not-hex' })).toBeUndefined();
    expect(threadStartOf({})).toBeUndefined();
  });
});

describe('offsetOfPoint', () => {
  const at = Date.parse('2026-01-13T14:07:23.456Z');
  it.each([
    ['America/New_York', -300],
    ['Asia/Tokyo', 540],
    ['Asia/Kolkata', 330],
    ['Asia/Kathmandu', 345],
    ['Pacific/Chatham', 825],
    ['Pacific/Kiritimati', 840],
    ['Etc/GMT+12', -720],
  ])('a page printed in %s: %i minutes', (zone, offset) => {
    expect(offsetOfPoint({ local: printed(at, zone), at })).toBe(offset);
  });

  it('allows the browser clock a few minutes either way, no more', () => {
    const local = printed(at, 'Asia/Tokyo');
    expect(offsetOfPoint({ local, at: at + 3 * MINUTE })).toBe(540);
    expect(offsetOfPoint({ local, at: at - 3 * MINUTE })).toBe(540);
    expect(offsetOfPoint({ local, at: at + 5 * MINUTE })).toBeUndefined();
    expect(offsetOfPoint({ local, at: at - 7 * MINUTE })).toBeUndefined();
    // Beyond UTC−12 … UTC+14: no offset at all.
    expect(offsetOfPoint({ local, at: at - 6 * HOUR })).toBeUndefined(); // +15 h
  });

  it('only offsets some zone really had count as fits', () => {
    expect(isRealOffset(at, 345)).toBe(true); // Kathmandu
    expect(isRealOffset(at, 465)).toBe(false); // +7:45 never existed
    expect(isRealOffset(at, -570)).toBe(true); // Marquesas
    expect(isRealOffset(at, -150)).toBe(false); // St. John's is −3:30 in January, −2:30 only in summer
    expect(isRealOffset(Date.parse('2026-07-13T12:00:00Z'), -150)).toBe(true);
  });
});

describe('pageClock', () => {
  it('one point and a hint that fits: the hint zone reads every date, DST included', () => {
    const at = Date.parse('2026-03-02T15:04:10Z');
    const clock = pageClock([{ local: printed(at, 'America/New_York'), at }], ['Europe/Berlin', 'America/New_York'])!;
    expect(clock.zone).toBe('America/New_York');
    const later = Date.parse('2026-03-10T13:30:00Z');
    expect(clock.read(printed(later, 'America/New_York'))).toEqual({ at: later, certain: true });
  });

  it('no hint fits: the zones that had the offset; agreeing readings are certain, a DST split is not', () => {
    const at = Date.parse('2026-01-13T14:07:00Z');
    const tokyo = pageClock([{ local: printed(at, 'Asia/Tokyo'), at }], ['Europe/Berlin'])!;
    expect(tokyo.zone).toBeUndefined();
    expect(tokyo.candidates).toContain('Asia/Tokyo');
    const july = Date.parse('2026-07-01T02:00:00Z');
    expect(tokyo.read(printed(july, 'Asia/Tokyo'))).toEqual({ at: july, certain: true });

    const ny = pageClock([{ local: printed(at, 'America/New_York'), at }], [])!;
    expect(ny.candidates).toEqual(expect.arrayContaining(['America/New_York', 'America/Bogota']));
    const reading = ny.read(printed(july, 'America/New_York'));
    expect(reading.certain).toBe(false);
    expect(reading.at).toBe(july); // most zones with −5 h in January move to −4 h in July
  });

  it('two points across a change narrow the zones down to those that made it', () => {
    const winter = Date.parse('2026-03-02T15:04:10Z');
    const summer = Date.parse('2026-03-09T15:00:00Z');
    const clock = pageClock(
      [
        { local: printed(winter, 'America/New_York'), at: winter },
        { local: printed(summer, 'America/New_York'), at: summer },
      ],
      [],
    )!;
    expect(clock.candidates).toContain('America/New_York');
    expect(clock.candidates).not.toContain('America/Bogota');
    const between = Date.parse('2026-03-08T12:00:00Z');
    expect(clock.read(printed(between, 'America/New_York'))).toEqual({ at: between, certain: true });
  });

  it('readings no offset explains: no clock', () => {
    const at = Date.parse('2026-01-13T14:07:00Z');
    expect(pageClock([{ local: printed(at + 7 * MINUTE, 'UTC'), at }])).toBeUndefined();
    expect(pageClock([])).toBeUndefined();
  });
});
