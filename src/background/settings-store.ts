import * as v from 'valibot';
import { defaultReplyPrefs, defaultSettings, type Settings } from '../core/settings';
import { isValidTimeZone } from '../core/time/zoned';
import { PRESET_IDS } from '../core/schedule/presets';

export interface StorageAreaPort {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A minute of the day, 0…1439; a window's end may also be 1440 (midnight at the end of the day). */
const minute = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60 - 1));
const endMinute = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60));
const SettingsSchema = v.object({
  version: v.literal(1),
  schedule: v.object({
    timeZone: v.pipe(v.string(), v.check(isValidTimeZone, 'Unknown time zone')),
    defaultTime: minute,
    workingHours: v.object({
      enabled: v.boolean(),
      days: v.array(v.picklist([0, 1, 2, 3, 4, 5, 6] as const)),
      start: minute,
      end: endMinute,
    }),
  }),
  defaultPreset: v.picklist(PRESET_IDS),
  snoozePreset: v.picklist(PRESET_IDS),
  // Added after v1 shipped: absent in older stored settings, so it defaults rather than invalidating them.
  armNewComposes: v.optional(v.boolean(), false),
  replies: v.optional(
    v.object({
      aliases: v.pipe(
        v.record(v.string(), v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.maxLength(50))),
        v.check((r) => Object.keys(r).length <= 20, 'Too many accounts'),
      ),
      plusAddressing: v.boolean(),
      autoRepliesCount: v.boolean(),
      notifyOnReply: v.boolean(),
    }),
    defaultReplyPrefs,
  ),
});

const KEY = 'settings';

/**
 * Settings live in storage.local. A stored value that does not validate
 * (hand-edited, older build) is not trusted: defaults apply and the problem
 * is reported, but the stored value is left for the options page to repair.
 */
export function settingsStore(area: StorageAreaPort, systemTimeZone: () => string, onInvalid?: (msg: string) => void) {
  return {
    async get(): Promise<Settings> {
      const stored = (await area.get(KEY))[KEY];
      const fallback = defaultSettings(systemTimeZone());
      if (stored === undefined) return fallback;
      const parsed = v.safeParse(SettingsSchema, stored);
      if (parsed.success) return parsed.output as Settings;
      onInvalid?.(`Stored settings ignored: ${v.summarize(parsed.issues)}`);
      return fallback;
    },
    async set(settings: Settings): Promise<void> {
      const parsed = v.parse(SettingsSchema, settings);
      await area.set({ [KEY]: parsed });
    },
  };
}

export type SettingsStore = ReturnType<typeof settingsStore>;
