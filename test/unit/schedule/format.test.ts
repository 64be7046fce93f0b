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
});
