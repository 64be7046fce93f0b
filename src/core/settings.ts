/** User preferences that the pure core needs. Stored by the background in storage.local. */
import type { PresetId } from './schedule/presets';

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Minutes after local midnight, 0…1439. */
export type MinuteOfDay = number;

export interface WorkingHours {
  enabled: boolean;
  days: Weekday[];
  start: MinuteOfDay;
  end: MinuteOfDay;
}

export interface SchedulePrefs {
  /** IANA zone the user lives in, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Time of day for day-based presets ("tomorrow" → tomorrow at this time). */
  defaultTime: MinuteOfDay;
  workingHours: WorkingHours;
}

export interface Settings {
  version: 1;
  schedule: SchedulePrefs;
  /** Preset id used when the user gives no time (and for "Snooze" buttons). */
  defaultPreset: PresetId;
  snoozePreset: PresetId;
  /** Every new compose starts armed with `defaultPreset` (the user can disarm it). */
  armNewComposes: boolean;
}

export function defaultSettings(timeZone: string): Settings {
  return {
    version: 1,
    schedule: {
      timeZone,
      defaultTime: 9 * 60,
      workingHours: { enabled: true, days: [1, 2, 3, 4, 5], start: 9 * 60, end: 18 * 60 },
    },
    defaultPreset: 'in-3-days',
    snoozePreset: 'tomorrow',
    armNewComposes: false,
  };
}
