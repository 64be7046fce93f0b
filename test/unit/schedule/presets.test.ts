import { describe, expect, it } from 'vitest';
import { PRESET_IDS, resolveCustom, resolvePreset, type PresetId } from '../../../src/core/schedule/presets';
import { at, prefs, wall } from './helpers';

const BERLIN = 'Europe/Berlin';
const LA = 'America/Los_Angeles';

describe('preset ids', () => {
  it('lists every preset', () => {
    expect(PRESET_IDS).toEqual(['tomorrow', 'in-2-days', 'in-3-days', 'in-1-week', 'next-week', 'in-2-weeks']);
  });
});

describe('resolvePreset', () => {
  // Wednesday 26 March 2025, 15:00 in Berlin; DST starts Sunday 30 March.
  const now = at('2025-03-26T15:00+01:00');
  const expected: Record<PresetId, [string, boolean]> = {
    tomorrow: ['2025-03-27 09:00 Thu', false],
    'in-2-days': ['2025-03-28 09:00 Fri', false],
    'in-3-days': ['2025-03-31 09:00 Mon', true], // Saturday → Monday
    'in-1-week': ['2025-04-02 09:00 Wed', false],
    'next-week': ['2025-03-31 09:00 Mon', false],
    'in-2-weeks': ['2025-04-09 09:00 Wed', false],
  };
  it.each(PRESET_IDS)('%s from Wednesday afternoon', (id) => {
    const r = resolvePreset(id, now, prefs(BERLIN));
    expect([wall(r.at, BERLIN), r.moved]).toEqual(expected[id]);
    expect(r.exactTime).toBe(false);
  });

  it('skips the weekend: tomorrow on a Friday is Monday', () => {
    const r = resolvePreset('tomorrow', at('2025-03-21T10:00+01:00'), prefs(BERLIN));
    expect(wall(r.at, BERLIN)).toBe('2025-03-24 09:00 Mon');
    expect(r.moved).toBe(true);
  });

  it('moves a 03:00 default time to the start of working hours', () => {
    const r = resolvePreset('tomorrow', now, prefs(BERLIN, { defaultTime: 3 * 60 }));
    expect(wall(r.at, BERLIN)).toBe('2025-03-27 09:00 Thu');
    expect(r.moved).toBe(true);
  });

  it('moves a default time after the end of the day to the next working day', () => {
    const r = resolvePreset('tomorrow', now, prefs(BERLIN, { defaultTime: 19 * 60 }));
    expect(wall(r.at, BERLIN)).toBe('2025-03-28 09:00 Fri');
    expect(r.moved).toBe(true);
  });

  it('keeps 09:00 wall time across a DST change (not 72 hours)', () => {
    const friday = at('2025-03-28T10:00+01:00');
    const r = resolvePreset('in-3-days', friday, prefs(BERLIN, { whEnabled: false }));
    expect(new Date(r.at).toISOString()).toBe('2025-03-31T07:00:00.000Z'); // 09:00 CEST
    expect(r.at - friday).toBe(3 * 86_400_000 - 2 * 3_600_000); // 71 h: 1 h lost to DST
    const ny = resolvePreset('in-2-days', at('2025-03-07T10:00-05:00'), prefs('America/New_York', { whEnabled: false }));
    expect(new Date(ny.at).toISOString()).toBe('2025-03-09T13:00:00.000Z'); // Sunday 09:00 EDT
  });

  it('does not shift anything when working hours are disabled', () => {
    const r = resolvePreset('in-3-days', now, prefs(BERLIN, { whEnabled: false }));
    expect(wall(r.at, BERLIN)).toBe('2025-03-29 09:00 Sat');
    expect(r.moved).toBe(false);
  });

  it('treats an empty working-day list as disabled', () => {
    const r = resolvePreset('in-3-days', now, prefs(BERLIN, { days: [] }));
    expect(wall(r.at, BERLIN)).toBe('2025-03-29 09:00 Sat');
    expect(r.moved).toBe(false);
  });

  it('counts days in the user zone when its date differs from UTC', () => {
    // Wednesday 22:30 in Los Angeles is Thursday 05:30 UTC.
    const r = resolvePreset('tomorrow', at('2025-03-26T22:30-07:00'), prefs(LA));
    expect(wall(r.at, LA)).toBe('2025-03-27 09:00 Thu');
  });

  describe('next-week', () => {
    it('on a Sunday means tomorrow', () => {
      const r = resolvePreset('next-week', at('2025-03-23T23:30+01:00'), prefs(BERLIN));
      expect(wall(r.at, BERLIN)).toBe('2025-03-24 09:00 Mon');
    });

    it('on a Sunday late evening in LA (Monday in UTC) is still the next day', () => {
      const r = resolvePreset('next-week', at('2025-03-23T23:30-07:00'), prefs(LA));
      expect(wall(r.at, LA)).toBe('2025-03-24 09:00 Mon');
    });

    it('on a Monday means a week later', () => {
      const r = resolvePreset('next-week', at('2025-03-24T08:00+01:00'), prefs(BERLIN));
      expect(wall(r.at, BERLIN)).toBe('2025-03-31 09:00 Mon');
    });

    it('uses the first working day of next week', () => {
      const r = resolvePreset('next-week', now, prefs(BERLIN, { days: [2, 3, 4] }));
      expect(wall(r.at, BERLIN)).toBe('2025-04-01 09:00 Tue');
      expect(r.moved).toBe(false);
      const sundayOnly = resolvePreset('next-week', now, prefs(BERLIN, { days: [0] }));
      expect(wall(sundayOnly.at, BERLIN)).toBe('2025-04-06 09:00 Sun');
    });

    it('is Monday when working hours are disabled', () => {
      const r = resolvePreset('next-week', now, prefs(BERLIN, { whEnabled: false, days: [3] }));
      expect(wall(r.at, BERLIN)).toBe('2025-03-31 09:00 Mon');
    });
  });
});

describe('resolveCustom', () => {
  const now = at('2025-03-26T15:00+01:00');

  it('honours a future time exactly, even outside working hours', () => {
    const sundayNight = at('2025-03-30T23:17+02:00');
    expect(resolveCustom(sundayNight, now)).toEqual({ at: sundayNight, moved: false, exactTime: true });
  });

  it('rejects times that are not in the future', () => {
    expect(() => resolveCustom(now, now)).toThrow(RangeError);
    expect(() => resolveCustom(now - 60_000, now)).toThrow(/not in the future/);
  });

  it('rejects non-finite times', () => {
    expect(() => resolveCustom(Number.NaN, now)).toThrow(RangeError);
    expect(() => resolveCustom(Number.POSITIVE_INFINITY, now)).toThrow(/finite/);
  });
});
