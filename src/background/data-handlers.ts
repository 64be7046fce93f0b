import { buildBackup, parseBackup, serializeBackup } from '../core/backup/format';
import { remindersToIcs } from '../core/backup/ics';
import type { Diagnostics, ResponseMap } from '../core/protocol/messages';
import type { RequestOf } from '../core/protocol/schemas';
import { REMINDER_STATUSES, WAITING_STATUSES, type Reminder, type ReminderStatus } from '../core/reminder';
import type { BulkStore } from '../storage/bulk-store';
import type { ReminderStore } from '../storage/reminder-store';
import type { Announcer } from './announcer';
import type { ErrorLog } from './error-log';
import type { IntegrationStore } from './integration-store';
import type { PageKeyStore } from './page-keys';
import type { Clock } from './ports';
import type { Reconcile } from './reconciler';
import type { SettingsStore } from './settings-store';

export interface DataHandlerDeps {
  store: ReminderStore;
  bulk: BulkStore;
  settings: Pick<SettingsStore, 'get' | 'set' | 'clear' | 'raw' | 'restoreRaw'>;
  integration: IntegrationStore;
  pageKeys: PageKeyStore;
  errors: ErrorLog;
  announcer: Announcer;
  reconcile: Reconcile;
  clock: Clock;
  /** The manifest's version, e.g. `0.1.0`. */
  extensionVersion: string;
}

type DataTypes = 'settings.set' | 'data.export' | 'data.import' | 'data.exportIcs' | 'data.deleteAll' | 'diagnostics.get';


/** What the options page does with the user's data: settings, backup and restore, calendar export, erase, diagnostics. */
export function createDataHandlers(d: DataHandlerDeps): { [K in DataTypes]: (p: RequestOf<K>) => Promise<ResponseMap[K]> } {
  return {
    async 'settings.set'(p) {
      return { settings: await d.settings.set(p.settings) };
    },

    async 'data.export'() {
      const backup = buildBackup({
        settings: await d.settings.get(),
        reminders: await d.store.all(),
        exportedAt: d.clock.now(),
        extensionVersion: d.extensionVersion,
      });
      return { json: serializeBackup(backup) };
    },

    /**
     * Reads the whole file first (a BackupError, code `invalid-request`,
     * names every problem); only a file that is valid throughout is
     * written: the settings, then all reminders in one transaction. If
     * that transaction fails, the previous settings go back: a failed
     * import leaves nothing half-written.
     */
    async 'data.import'(p) {
      const backup = parseBackup(p.json);
      const previous = await d.settings.raw();
      await d.settings.set(backup.settings);
      let written: Awaited<ReturnType<BulkStore['putAll']>>;
      try {
        written = await d.bulk.putAll(backup.reminders);
      } catch (error) {
        await d.settings.restoreRaw(previous);
        throw error;
      }
      const { imported, replaced } = written;
      // A replaced reminder that no longer waits for the user must not keep its old notification.
      const statusOf = new Map(backup.reminders.map((r) => [r.id, r.status]));
      await Promise.all(replaced.filter((id) => statusOf.get(id) !== 'notified').map((id) => d.announcer.withdraw(id)));
      await d.reconcile('import');
      return { imported, replaced: replaced.length };
    },

    async 'data.exportIcs'() {
      const waiting = (await Promise.all(WAITING_STATUSES.map((s) => d.store.byStatus(s)))).flat();
      return { ics: remindersToIcs(waiting, { now: d.clock.now(), extensionVersion: d.extensionVersion }) };
    },

    /** Everything the extension keeps, in this order: reminders, settings, integration reports, page keys, error log. */
    async 'data.deleteAll'() {
      const ids = await d.bulk.clear();
      await d.settings.clear();
      await d.integration.clear();
      await d.pageKeys.clear();
      await d.errors.clear();
      await d.announcer.withdrawAll(ids);
      // Nothing waits any more: the reconcile clears the alarm and the badge.
      await d.reconcile('user');
      return { deleted: ids.length };
    },

    async 'diagnostics.get'(): Promise<Diagnostics> {
      const reminders = await d.store.all();
      const counts = Object.fromEntries(REMINDER_STATUSES.map((s) => [s, 0])) as Record<ReminderStatus, number>;
      for (const r of reminders) counts[r.status] += 1;
      return {
        version: d.extensionVersion,
        counts,
        integration: await d.integration.all(),
        lastChecks: lastChecks(reminders),
        recentErrors: (await d.errors.all()).reverse(),
      };
    },
  };
}

/** Per account (sorted), the newest look that worked and the newest that failed, from the reminders' `check`. */
export function lastChecks(reminders: readonly Reminder[]): Diagnostics['lastChecks'] {
  const byAccount = new Map<string, Diagnostics['lastChecks'][number]>();
  for (const r of reminders) {
    const entry = byAccount.get(r.account) ?? { account: r.account };
    byAccount.set(r.account, entry);
    const check = r.check;
    if (!check) continue;
    if (check.outcome === 'failed') {
      if (!entry.lastFailure || check.at > entry.lastFailure.at) entry.lastFailure = { at: check.at, failure: check.failure ?? 'unknown' };
    } else if (entry.lastOk === undefined || check.at > entry.lastOk) {
      entry.lastOk = check.at;
    }
  }
  return [...byAccount.values()].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}
