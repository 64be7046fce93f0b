import * as v from 'valibot';
import { defaultSettings, type Settings } from '../core/settings';
import { parseSettings, SettingsSchema } from '../core/settings-schema';

export { SettingsSchema };

export interface StorageAreaPort {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SETTINGS_KEY = 'settings';

/**
 * Settings live in storage.local. A stored value that does not validate
 * (hand-edited, older build) is not trusted: defaults apply and the problem
 * is reported, but the stored value is left for the options page to repair.
 * Fields added since version 1 are filled in by the schema (see
 * src/core/settings-schema.ts).
 */
export function settingsStore(area: StorageAreaPort, systemTimeZone: () => string, onInvalid?: (msg: string) => void) {
  return {
    async get(): Promise<Settings> {
      const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
      const fallback = defaultSettings(systemTimeZone());
      if (stored === undefined) return fallback;
      const parsed = parseSettings(stored);
      if (parsed.success) return parsed.output;
      onInvalid?.(`Stored settings ignored: ${v.summarize(parsed.issues)}`);
      return fallback;
    },
    /** Validates and stores the whole object in one write; returns what was stored. Throws (storing nothing) when invalid. */
    async set(settings: Settings): Promise<Settings> {
      const parsed = v.parse(SettingsSchema, settings);
      await area.set({ [SETTINGS_KEY]: parsed });
      return parsed;
    },
    async clear(): Promise<void> {
      await area.remove(SETTINGS_KEY);
    },
    /** The stored value exactly as it is (undefined when none), to put back with `restoreRaw` when a larger write fails. */
    async raw(): Promise<unknown> {
      return (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    },
    async restoreRaw(value: unknown): Promise<void> {
      if (value === undefined) await area.remove(SETTINGS_KEY);
      else await area.set({ [SETTINGS_KEY]: value });
    },
  };
}

export type SettingsStore = ReturnType<typeof settingsStore>;
