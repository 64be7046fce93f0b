import { describe, expect, it } from 'vitest';
import { formatDue } from '../../../src/core/schedule/format';
import { at } from './helpers';

describe('formatDue', () => {
  const now = at('2025-11-20T10:00+01:00');

  it('shows weekday, date and 24-hour time without the current year', () => {
    expect(formatDue(at('2025-12-04T09:00+01:00'), now, 'Europe/Berlin', 'en-US')).toBe('Thu, Dec 4, 09:00');
  });

  it('includes the year when it is not the current one', () => {
    expect(formatDue(at('2026-01-08T14:30+01:00'), now, 'Europe/Berlin', 'en-US')).toBe('Thu, Jan 8, 2026, 14:30');
  });

  it('formats German', () => {
    expect(formatDue(at('2025-12-04T09:00+01:00'), now, 'Europe/Berlin', 'de-DE')).toBe('Do., 4. Dez., 09:00');
  });

  it('shows the time in the given zone, not the process zone', () => {
    const t = at('2025-12-04T09:00+01:00');
    expect(formatDue(t, now, 'America/Los_Angeles', 'en-US')).toBe('Thu, Dec 4, 00:00');
    expect(formatDue(t, now, 'Asia/Kolkata', 'en-US')).toBe('Thu, Dec 4, 13:30');
  });

  it('decides "current year" in the user zone', () => {
    // At 31 Dec 2025 23:30 Berlin time it is already 2026 in Auckland, so 2 Jan needs no year there.
    const nye = at('2025-12-31T23:30+01:00');
    expect(formatDue(at('2026-01-02T09:00+13:00'), nye, 'Pacific/Auckland', 'en-US')).toBe('Fri, Jan 2, 09:00');
    expect(formatDue(at('2026-01-02T09:00+01:00'), nye, 'Europe/Berlin', 'en-US')).toBe('Fri, Jan 2, 2026, 09:00');
  });

  it('draws the year line at midnight of 1 January in the user zone, to the millisecond', () => {
    const jan1 = at('2026-01-01T00:00+01:00');
    const inYear = at('2026-03-01T12:00+01:00');
    expect(formatDue(jan1, inYear, 'Europe/Berlin', 'en-US')).toBe('Thu, Jan 1, 00:00');
    expect(formatDue(jan1 - 1, inYear, 'Europe/Berlin', 'en-US')).toBe('Wed, Dec 31, 2025, 23:59');
    const nextJan1 = at('2027-01-01T00:00+01:00');
    expect(formatDue(nextJan1 - 60_000, inYear, 'Europe/Berlin', 'en-US')).toBe('Thu, Dec 31, 23:59');
    expect(formatDue(nextJan1, inYear, 'Europe/Berlin', 'en-US')).toBe('Fri, Jan 1, 2027, 00:00');
  });

  it('follows `now` and the zone from call to call (a new year, another zone, and back)', () => {
    const t = at('2026-06-01T09:00+02:00');
    const in2025 = at('2025-06-01T12:00+02:00');
    const in2026 = at('2026-02-01T12:00+01:00');
    expect(formatDue(t, in2025, 'Europe/Berlin', 'en-US')).toBe('Mon, Jun 1, 2026, 09:00');
    expect(formatDue(t, in2026, 'Europe/Berlin', 'en-US')).toBe('Mon, Jun 1, 09:00');
    expect(formatDue(t, in2025, 'Europe/Berlin', 'en-US')).toBe('Mon, Jun 1, 2026, 09:00');
    // 31 Dec 2025 20:00 in Berlin is already 1 Jan 2026 in Auckland: the year is per zone, not per `now` alone.
    const nye = at('2025-12-31T20:00+01:00');
    expect(formatDue(t, nye, 'Europe/Berlin', 'en-US')).toBe('Mon, Jun 1, 2026, 09:00');
    expect(formatDue(t, nye, 'Pacific/Auckland', 'en-US')).toBe('Mon, Jun 1, 19:00');
    expect(formatDue(t, nye, 'Europe/Berlin', 'en-US')).toBe('Mon, Jun 1, 2026, 09:00');
  });
});
