import { NOTICE_MS, PRUNE_INTERVAL_MS, retentionCutoff } from '../core/retention';
import type { ResponseMap } from '../core/protocol/messages';
import type { Settings } from '../core/settings';
import type { HistoryStore } from '../storage/history-store';
import type { StatusCounts } from '../storage/status-counts';
import type { AlarmsPort, Clock } from './ports';
import type { StorageAreaPort } from './settings-store';

export const RETENTION_ALARM = 'history-retention';
const STATE_KEY = 'retention';

interface RetentionState {
  /** When this build first looked after history: nothing is removed before `since + NOTICE_MS` (the offer to export comes first). */
  since: number;
  /** When the next clean-up is due. */
  nextAt: number;
  lastRun?: { at: number; removed: number };
}

export interface RetentionDeps {
  history: HistoryStore;
  /** The per-status counts, verified with every clean-up (it moved many of them). */
  counts: Pick<StatusCounts, 'recount'>;
  settings: { get(): Promise<Settings> };
  storage: StorageAreaPort;
  alarms: AlarmsPort;
  clock: Clock;
}

/**
 * Keeps history bounded: about once a day, finished reminders older than the
 * retention setting are removed. The options page shows what the clean-ups
 * of the next 30 days will remove, with an export beside it; after an
 * install or update the first clean-up waits those 30 days, so nothing goes
 * before it could be seen there.
 */
export function createRetention({ history, counts, settings, storage, alarms, clock }: RetentionDeps) {
  async function state(now: number): Promise<RetentionState> {
    const stored = (await storage.get(STATE_KEY))[STATE_KEY] as Partial<RetentionState> | undefined;
    const since = typeof stored?.since === 'number' ? stored.since : now;
    const nextAt = typeof stored?.nextAt === 'number' ? stored.nextAt : since + NOTICE_MS;
    const fresh: RetentionState = { since, nextAt, ...(stored?.lastRun ? { lastRun: stored.lastRun } : {}) };
    if (!stored) await storage.set({ [STATE_KEY]: fresh });
    return fresh;
  }

  return {
    /** On every wake-up: clean up when due, else make sure the alarm is set for when it is. */
    async wake(): Promise<void> {
      const now = clock.now();
      const s = await state(now);
      if (s.nextAt <= now) await this.run();
      else await alarms.create(RETENTION_ALARM, { when: s.nextAt });
    },

    /** One clean-up (the alarm): answers how many reminders were removed. */
    async run(): Promise<number> {
      const now = clock.now();
      const s = await state(now);
      const { retentionMonths } = await settings.get();
      const cutoff = retentionCutoff(now, retentionMonths);
      let removed = 0;
      if (cutoff !== undefined && now >= s.since + NOTICE_MS) {
        // What went is shown in the options page (the last clean-up), not logged as an error.
        removed = await history.pruneBefore(cutoff);
      }
      const next: RetentionState = { since: s.since, nextAt: now + PRUNE_INTERVAL_MS, lastRun: { at: now, removed } };
      await storage.set({ [STATE_KEY]: next });
      await alarms.create(RETENTION_ALARM, { when: next.nextAt });
      // Once a day the stored counts are checked against the index (and rebuilt where they disagree): whatever
      // might have slipped past the writes heals within a day, and the popup's own cross-check catches it sooner.
      await counts.recount();
      return removed;
    },

    /** What a retention of `months` means now: for the options page, before and after saving it. */
    async summary(months: number): Promise<ResponseMap['history.summary']> {
      const now = clock.now();
      const s = await state(now);
      const cutoff = retentionCutoff(now, months);
      const soonCutoff = retentionCutoff(now + NOTICE_MS, months);
      const [nowCount, soonCount] = await Promise.all([history.count(cutoff), history.count(soonCutoff)]);
      return {
        finished: nowCount.finished,
        removable: nowCount.before,
        soon: soonCount.before,
        ...(nowCount.oldest !== undefined ? { oldest: nowCount.oldest } : {}),
        ...(cutoff !== undefined ? { cutoff } : {}),
        firstRemovalAt: Math.max(s.since + NOTICE_MS, s.nextAt),
        ...(s.lastRun ? { lastRun: s.lastRun } : {}),
      };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
