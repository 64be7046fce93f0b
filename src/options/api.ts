/**
 * Every request the options page makes, in one place. The page talks to the
 * background only through the typed client; hooks take the client as an
 * argument so tests can pass a fake.
 */
import type { Client } from '../core/protocol/client';
import type { Diagnostics, DuePreview, HistorySummary, ResponseMap } from '../core/protocol/messages';
import type { RetentionMonths } from '../core/retention';
import type { StoredIntegration } from '../core/integration';
import type { PresetId } from '../core/schedule/presets';
import type { Settings } from '../core/settings';
import type { Reminder } from '../core/reminder';
import { SECTION_IDS } from '../core/sections';

export type { Diagnostics };
export type ImportResult = ResponseMap['data.import'];

/** The options page's view of the background. */
export function optionsApi(client: Client) {
  return {
    getSettings: async (): Promise<Settings> => (await client('settings.get', {})).settings,
    saveSettings: async (settings: Settings): Promise<Settings> => (await client('settings.set', { settings })).settings,
    preview: (preset: PresetId): Promise<DuePreview> => client('due.preview', { preset }),
    integration: async (): Promise<StoredIntegration[]> => (await client('integration.get', {})).reports,
    diagnostics: (): Promise<Diagnostics> => client('diagnostics.get', {}),
    exportJson: async (): Promise<string> => (await client('data.export', {})).json,
    importJson: (json: string): Promise<ImportResult> => client('data.import', { json }),
    exportIcs: async (): Promise<string> => (await client('data.exportIcs', {})).ics,
    historySummary: (months: RetentionMonths): Promise<HistorySummary> => client('history.summary', { months }),
    deleteAll: async (): Promise<number> => (await client('data.deleteAll', { confirm: 'delete-all' })).deleted,
    /** Stored reminders in the popup's order (first page of each section), for the template preview. */
    reminders: async (): Promise<Reminder[]> => {
      const { sections } = await client('reminder.list', { counts: 'page' });
      return SECTION_IDS.flatMap((id) => sections[id] ?? []);
    },
  };
}

export type OptionsApi = ReturnType<typeof optionsApi>;

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));
