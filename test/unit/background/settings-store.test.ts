import { describe, expect, it } from 'vitest';
import { settingsStore } from '../../../src/background/settings-store';
import { defaultReplyPrefs, defaultSettings, type Settings } from '../../../src/core/settings';
import { FakeStorageArea, userSettings } from './fakes';

function setup(stored?: unknown) {
  const area = new FakeStorageArea(stored === undefined ? {} : { settings: stored });
  const problems: string[] = [];
  const store = settingsStore(area, () => 'Asia/Kolkata', (m) => problems.push(m));
  return { area, store, problems };
}

describe('settingsStore', () => {
  it('returns the defaults in the system zone when nothing is stored', async () => {
    const { store, problems } = setup();
    expect(await store.get()).toEqual(defaultSettings('Asia/Kolkata'));
    expect(problems).toEqual([]);
  });

  it('returns valid stored settings', async () => {
    const stored = userSettings({ snoozePreset: 'next-week' });
    const { store } = setup(stored);
    expect(await store.get()).toEqual(stored);
  });

  const invalid: [string, unknown][] = [
    ['not an object', 'yes please'],
    ['an unknown time zone', { ...userSettings(), schedule: { ...userSettings().schedule, timeZone: 'Mars/Olympus_Mons' } }],
    ['an unknown preset', { ...userSettings(), snoozePreset: 'someday' }],
    ['a future version', { ...userSettings(), version: 2 }],
    ['a weekday out of range', { ...userSettings(), schedule: { ...userSettings().schedule, workingHours: { ...userSettings().schedule.workingHours, days: [1, 7] } } }],
    ['a fractional minute', { ...userSettings(), schedule: { ...userSettings().schedule, defaultTime: 540.5 } }],
    ['a default time past midnight', { ...userSettings(), schedule: { ...userSettings().schedule, defaultTime: 24 * 60 } }],
  ];

  it('reads settings stored before armNewComposes existed, with it off', async () => {
    const { armNewComposes: _dropped, replies: _too, ...older } = userSettings({ armNewComposes: true });
    const { store, problems } = setup(older);
    expect(await store.get()).toEqual({ ...older, armNewComposes: false, replies: defaultReplyPrefs() });
    expect(problems).toEqual([]);
  });

  it('accepts working hours that end at midnight', async () => {
    const s = userSettings();
    const stored = { ...s, schedule: { ...s.schedule, workingHours: { ...s.schedule.workingHours, start: 0, end: 24 * 60 } } };
    const { store, problems } = setup(stored);
    expect(await store.get()).toEqual(stored);
    expect(problems).toEqual([]);
  });

  it.each(invalid)('ignores %s: defaults apply and the problem is reported', async (_name, stored) => {
    const { store, problems, area } = setup(stored);
    expect(await store.get()).toEqual(defaultSettings('Asia/Kolkata'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Stored settings ignored: /);
    // Left for the options page to repair, not overwritten.
    expect(area.data.settings).toEqual(stored);
  });

  it('set stores valid settings for the next get', async () => {
    const { store, area } = setup();
    const next = userSettings({ defaultPreset: 'tomorrow' });
    await store.set(next);
    expect(area.data.settings).toEqual(next);
    expect(await store.get()).toEqual(next);
  });

  it('set answers what it stored, with fields a caller left out filled in', async () => {
    const { store, area } = setup();
    const { notifications: _n, ...older } = userSettings();
    const stored = await store.set(older as Settings);
    expect(stored).toEqual(userSettings());
    expect(area.data.settings).toEqual(userSettings());
  });

  it('clear removes the stored settings: defaults apply again', async () => {
    const { store, area } = setup(userSettings({ defaultPreset: 'next-week' }));
    await store.clear();
    expect('settings' in area.data).toBe(false);
    expect(await store.get()).toEqual(defaultSettings('Asia/Kolkata'));
  });

  it('set refuses invalid settings and keeps what was stored', async () => {
    const stored = userSettings();
    const { store, area } = setup(stored);
    const bad = { ...stored, schedule: { ...stored.schedule, timeZone: 'Not/AZone' } } as Settings;
    await expect(store.set(bad)).rejects.toThrow();
    await expect(store.set({ ...stored, defaultPreset: 'never' } as unknown as Settings)).rejects.toThrow();
    expect(area.data.settings).toEqual(stored);
  });
});
