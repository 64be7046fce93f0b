import * as v from 'valibot';
import { INTEGRATION_CHECKS, mergeIntegration, type IntegrationReport, type StoredIntegration } from '../core/integration';
import type { StorageAreaPort } from './settings-store';

export const INTEGRATION_KEY = 'integration';
const KEY = INTEGRATION_KEY;

const state = v.picklist(['ok', 'missing', 'unknown']);
const StoredSchema = v.array(
  v.object({
    account: v.nullable(v.string()),
    at: v.number(),
    checks: v.object(Object.fromEntries(INTEGRATION_CHECKS.map((c) => [c, state])) as Record<(typeof INTEGRATION_CHECKS)[number], typeof state>),
    notes: v.array(v.string()),
  }),
);

/** The Gmail integration health last reported per account, in storage.local (diagnostics only). */
export function integrationStore(area: StorageAreaPort) {
  async function all(): Promise<StoredIntegration[]> {
    const parsed = v.safeParse(StoredSchema, (await area.get(KEY))[KEY]);
    // Diagnostics are disposable: anything unreadable starts afresh.
    return parsed.success ? parsed.output : [];
  }
  return {
    all,
    async record(report: IntegrationReport, account: string | null, now: number): Promise<void> {
      await area.set({ [KEY]: mergeIntegration(await all(), report, account, now) });
    },
    async clear(): Promise<void> {
      await area.remove(KEY);
    },
  };
}

export type IntegrationStore = ReturnType<typeof integrationStore>;
