import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings';
import { checkAlias, endTimeToMinutes, isEmail, minutesToTime, timeToMinutes, validateSettings } from '../../../src/options/validate';
import { dayName, weekOrder } from '../../../src/options/week';

describe('options: pure helpers', () => {
  it('converts between minutes and <input type=time> values', () => {
    expect(minutesToTime(9 * 60 + 5)).toBe('09:05');
    expect(minutesToTime(1440)).toBe('00:00');
    expect(minutesToTime(NaN)).toBe('');
    expect(timeToMinutes('23:59')).toBe(1439);
    expect(timeToMinutes('07:30:15')).toBe(450);
    expect(timeToMinutes('')).toBeNaN();
    expect(timeToMinutes('24:00')).toBeNaN();
    expect(endTimeToMinutes('00:00')).toBe(1440);
  });

  it('validates working hours and times', () => {
    const s = defaultSettings('Europe/Berlin');
    const wh = (change: Partial<typeof s.schedule.workingHours>) => ({ ...s, schedule: { ...s.schedule, workingHours: { ...s.schedule.workingHours, ...change } } });
    expect(validateSettings(s)).toEqual({});
    expect(validateSettings(wh({ start: 600, end: 600 }))).toEqual({ end: 'beforeStart' });
    expect(validateSettings(wh({ days: [] }))).toEqual({ days: 'none' });
    expect(validateSettings(wh({ days: [], end: 0, enabled: false }))).toEqual({});
    expect(validateSettings(wh({ start: NaN }))).toEqual({ start: 'invalid' });
    expect(validateSettings({ ...s, schedule: { ...s.schedule, timeZone: 'Mars/Olympus' } })).toEqual({ timeZone: 'invalid' });
  });

  it('names the templates of the user that cannot be saved, and what is wrong with each', () => {
    const s = defaultSettings('Europe/Berlin');
    const t = (id: string, name: string, body = 'b') => ({ id, name, locale: 'en' as const, tone: 'short' as const, body });
    const custom = [t('custom:ok', 'Fine'), t('custom:empty', ' '), t('custom:long', 'n'.repeat(61), 'x'.repeat(2001)), t('custom:max', 'n'.repeat(60), 'x'.repeat(2000))];
    expect(validateSettings({ ...s, templates: { ...s.templates, custom } })).toEqual({
      templates: { 'custom:empty': { name: 'empty' }, 'custom:long': { name: 'tooLong', body: 'tooLong' } },
    });
  });

  it('accepts addresses only in the name@domain.tld form', () => {
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.com']) expect(isEmail(ok), ok).toBe(true);
    for (const bad of ['', 'a@b', '@b.com', 'a b@c.com', '<a@b.com>', 'a@b.com, c@d.com', 'a@@b.com']) expect(isEmail(bad), bad).toBe(false);
    expect(checkAlias(' A@B.com ', 'me@x.com', [])).toEqual({ ok: true, address: 'a@b.com' });
    expect(checkAlias('ME@x.com', 'me@x.com', [])).toEqual({ ok: false, problem: 'self' });
    expect(checkAlias('n@x.com', 'me@x.com', Array.from({ length: 50 }, (_, i) => `a${i}@x.com`))).toEqual({ ok: false, problem: 'tooMany' });
  });

  it('orders the week by locale and names days with Intl', () => {
    expect(weekOrder('en-US')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekOrder('de')).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(dayName('de', 0)).toBe('Sonntag');
    expect(dayName('en', 6)).toBe('Saturday');
  });
});
