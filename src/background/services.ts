import { openReminderDb, type ReminderDB } from '../storage/open-db';
import { reminderStore } from '../storage/reminder-store';
import { sectionQuery } from '../storage/list-query';
import { historyStore } from '../storage/history-store';
import { statusCounts, type StatusCounts } from '../storage/status-counts';
import { createRetention } from './retention';
import { createAnnouncer } from './announcer';
import { createCommandRelay, type ActiveTabPort } from './commands';
import { createHandlers, type Handlers } from './handlers';
import { createControlsLoader, type FrameScriptingPort } from './controls-injection';
import { CONTROLS_SCRIPT } from '../core/protocol/controls';
import { createNotificationActions } from './notification-actions';
import type { AlarmsPort, BadgePort, Clock, GmailTabsPort, I18nPort, Logger, NotificationsPort, SessionPort, TabsPort, WithLock } from './ports';
import { createThreadOpener } from './thread-opener';
import { createReconciler } from './reconciler';
import { createRouter } from './router';
import { checkStore } from '../storage/check-store';
import { integrationStore } from './integration-store';
import { pageKeyStore } from './page-keys';
import { createReplyChecker, type PrintViewPort } from './reply-checker';
import { createReplyHandlers } from './reply-handlers';
import { settingsStore, type StorageAreaPort } from './settings-store';
import { bulkStore } from '../storage/bulk-store';
import { createDataHandlers } from './data-handlers';
import { errorLog, loggingErrors } from './error-log';
import { replyIntentStore } from './reply-intents';
import { createFollowUps } from './follow-up';
import { followUpText, nextChainStep } from './follow-up-sources';

export interface BackgroundPorts {
  indexedDB: IDBFactory;
  /** The IDBKeyRange belonging to `indexedDB`. */
  IDBKeyRange: typeof IDBKeyRange;
  storage: StorageAreaPort;
  /** This browser session, to tell reminders missed while the browser was closed. */
  session: SessionPort;
  alarms: AlarmsPort;
  notifications: NotificationsPort;
  badge: BadgePort;
  tabs: TabsPort;
  /** Open Gmail tabs, to show a thread in one instead of opening another. */
  gmailTabs: GmailTabsPort;
  activeTab: ActiveTabPort;
  printView: PrintViewPort;
  /** Waits between reply-check requests (instant in tests). */
  sleep?(ms: number): Promise<void>;
  i18n: I18nPort;
  clock: Clock;
  withLock: WithLock;
  log: Logger;
  systemTimeZone(): string;
  extensionId: string;
  extensionOrigin: string;
  /** The manifest's version, for backups and diagnostics. */
  extensionVersion: string;
  iconUrl: string;
  checklistUrl: string;
  /** Injects the Gmail controls into the frame that asks (absent: `controls.load` answers an error). */
  frameScripting?: FrameScriptingPort;
}

/**
 * A recount that reports what it had to fix (a stored count that was wrong means a write path missed it),
 * and never fails its caller: a recount that could not run leaves the counts as they were, and says so.
 */
function loggedRecount(counts: StatusCounts, log: Logger): Pick<StatusCounts, 'recount'> {
  return {
    recount: async () => {
      try {
        const fixed = await counts.recount();
        if (fixed.length > 0) log.warn(`Reminder counts rebuilt: ${fixed.map((f) => `${f.status} ${f.stored ?? 'missing'} → ${f.actual}`).join(', ')}`);
        return fixed;
      } catch (error) {
        log.warn('Could not rebuild the reminder counts', error);
        return [];
      }
    },
  };
}

/**
 * Builds the background's services from its ports. Pure wiring: the entry
 * point passes real browser APIs, tests pass fakes and a fake IndexedDB.
 */
export function createBackground(rawPorts: BackgroundPorts, db: Promise<ReminderDB> = openReminderDb(rawPorts.indexedDB)) {
  // Every error logged anywhere in the background is also kept for the diagnostics page.
  const errors = errorLog(rawPorts.storage, rawPorts.clock);
  const ports: BackgroundPorts = { ...rawPorts, log: loggingErrors(rawPorts.log, errors) };
  const store = reminderStore(db, ports.IDBKeyRange);
  const settings = settingsStore(ports.storage, ports.systemTimeZone, (m) => ports.log.warn(m));
  // Every worker start asks; only the first in a browser session records the time.
  const sessionStart = ports.session.startedAt(ports.clock.now());
  sessionStart.catch((error) => ports.log.warn('Could not read the browser session start', error));
  const announcer = createAnnouncer({ store, ...ports, settings, sessionStart });
  const checks = checkStore(db, ports.IDBKeyRange);
  const pageKeys = pageKeyStore(ports.storage);
  const checker = createReplyChecker({ checks, settings, pageKey: (account) => pageKeys.get(account), zoneHints: () => [ports.systemTimeZone()], ...ports });
  const reconcile = createReconciler({ store, announcer, replies: { checker, checks, settings }, ...ports });
  const integration = integrationStore(ports.storage);
  const replyHandlers = createReplyHandlers({ store, checks, checker, settings, pageKeys, announcer, reconcile, ...ports });
  const bulk = bulkStore(db);
  const dataHandlers = createDataHandlers({ store, bulk, settings, integration, pageKeys, errors, announcer, reconcile, ...ports });
  const counts = loggedRecount(statusCounts(db, ports.IDBKeyRange), ports.log);
  const retention = createRetention({ history: historyStore(db, ports.IDBKeyRange), counts, settings, ...ports });
  const openThread = createThreadOpener(ports);
  const intents = replyIntentStore(ports.storage);
  const followUps = createFollowUps({ store, settings, intents, openThread, render: followUpText, nextFollowUp: nextChainStep, ...ports });
  const handlers: Handlers = {
    ...createHandlers({ followUps, intents, retention, store, listSections: sectionQuery(db, ports.IDBKeyRange), counts, settings, announcer, reconcile, integration, replyHandlers, dataHandlers, openThread, ...ports }),
    'controls.load': createControlsLoader({ scripting: ports.frameScripting, files: [CONTROLS_SCRIPT], log: ports.log }),
  };
  const route = createRouter({ handlers, ...ports });
  const notificationActions = createNotificationActions({ store, handlers, openThread, ...ports });
  const onCommand = createCommandRelay(ports);
  return { store, checks, bulk, settings, errors, reconcile, retention, handlers, route, notificationActions, onCommand };
}

export type Background = ReturnType<typeof createBackground>;
