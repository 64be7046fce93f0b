import { dayFormatter } from '../core/explanation';
import { planAnnouncements } from '../core/notification-plan';
import { digestNotification, repliedNotification, singleNotification } from '../core/notification-text';
import type { Reminder } from '../core/reminder';
import { mayWriteFollowUp } from '../core/follow-up';
import { defaultNotificationPrefs, type NotificationPrefs, type Settings } from '../core/settings';
import type { ReminderStore } from '../storage/reminder-store';
import type { Clock, I18nPort, Logger, NotificationOptions, NotificationsPort } from './ports';

export const DIGEST_ID = 'digest';

/**
 * A single notification's first button: an owed reply opens the reply
 * ("Reply now"); a reminder still waiting for their answer opens it filled
 * with a nudge ("Write follow-up"); anything else (a bounce) the thread.
 */
export type PrimaryAction = 'replyNow' | 'writeFollowUp' | 'openThread';
export function primaryAction(r: Pick<Reminder, 'kind' | 'status' | 'check'>): PrimaryAction {
  if (r.kind === 'owed-reply') return 'replyNow';
  return mayWriteFollowUp(r) ? 'writeFollowUp' : 'openThread';
}
const PRIMARY_TITLE: Record<PrimaryAction, string> = { replyNow: 'actionReplyNow', writeFollowUp: 'actionWriteFollowUp', openThread: 'actionOpenThread' };
const PREFIX = 'r:';

export const notificationIdOf = (reminderId: string) => `${PREFIX}${reminderId}`;
export const reminderIdOf = (notificationId: string) =>
  notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : undefined;

export interface AnnouncerDeps {
  store: ReminderStore;
  notifications: NotificationsPort;
  i18n: I18nPort;
  clock: Clock;
  iconUrl: string;
  log: Logger;
  /** The user's notification preferences; the defaults apply without. */
  settings?: { get(): Promise<Settings> };
  /** When this browser session began: reminders due before it were missed while the browser was closed. */
  sessionStart?: Promise<number>;
}

/**
 * Shows due reminders: each its own notification (Write follow-up / Reply now, Snooze) when
 * up to a few are due together, one summary naming them when more are, and
 * one digest for several missed while the browser was closed (a browser that
 * was closed over a long weekend must not open with a storm) — see
 * planAnnouncements. Notification ids derive from reminder ids, so
 * re-announcing after a crash between "shown" and "marked shown" replaces,
 * never duplicates.
 */
export function createAnnouncer({ store, notifications, i18n, clock, iconUrl, log, settings, sessionStart }: AnnouncerDeps) {
  const dateFormat = () => new Intl.DateTimeFormat(i18n.locale(), { dateStyle: 'medium' });
  // "Tue, Dec 8": when the other side wrote again, an owed reply's notification names the day.
  const dayFormat = () => new Intl.DateTimeFormat(i18n.locale(), { weekday: 'short', month: 'short', day: 'numeric' });

  async function prefs(): Promise<NotificationPrefs> {
    if (!settings) return defaultNotificationPrefs();
    try {
      return (await settings.get()).notifications;
    } catch (error) {
      log.warn('Could not read notification settings; using the defaults', error);
      return defaultNotificationPrefs();
    }
  }

  async function show(id: string, options: NotificationOptions): Promise<void> {
    try {
      await notifications.create(id, options);
    } catch (error) {
      // Firefox rejects `buttons` (and may reject `requireInteraction`); the click on the body still opens the thread.
      if (!options.buttons && !options.items && options.requireInteraction === undefined) throw error;
      log.warn('Notification options unsupported, showing a plain notification', error);
      const { buttons: _ignored, requireInteraction: _too, items: _also, ...plain } = options;
      await notifications.create(id, plain);
    }
  }

  return {
    async announce(reminders: readonly Reminder[]): Promise<void> {
      if (reminders.length === 0) return;
      const notificationPrefs = await prefs();
      const began = await (sessionStart ?? Promise.resolve(-Infinity)).catch(() => -Infinity);
      const plan = planAnnouncements(reminders, clock.now(), notificationPrefs, began);
      // Only set when wanted: an absent option is what every browser understands.
      const sticky = notificationPrefs.requireInteraction ? { requireInteraction: true } : {};
      if (plan.kind === 'separate') {
        const fmt = dateFormat();
        const day = dayFormat();
        for (const r of reminders) {
          const owed = r.kind === 'owed-reply';
          await show(notificationIdOf(r.id), {
            ...singleNotification(r, i18n.t, (ms) => (owed ? day : fmt).format(ms), dayFormatter(i18n.locale())),
            iconUrl,
            // The first button goes one step further than the body (which opens the thread): see primaryAction.
            // A reminder regardless of replies keeps "Open thread": there may be nothing to follow up on.
            buttons: [{ title: i18n.t(PRIMARY_TITLE[primaryAction(r)]) }, { title: i18n.t('actionSnooze') }],
            ...sticky,
          });
        }
      } else {
        // The summary takes the place of every notification about a reminder still waiting for the user
        // (their own, and an earlier summary's, which it replaces on screen): it names them all, so none is lost
        // and none is shown twice.
        const fresh = new Set(reminders.map((r) => r.id));
        const earlier = (await store.byStatus('notified')).filter((r) => !fresh.has(r.id) && r.announcedAt !== undefined);
        const all = [...reminders, ...earlier];
        await Promise.all(all.map((r) => notifications.clear(notificationIdOf(r.id)).catch(() => false)));
        await show(DIGEST_ID, {
          ...digestNotification(all, i18n.t),
          iconUrl,
          buttons: [{ title: i18n.t('actionOpenChecklist') }],
          ...sticky,
        });
      }
      const stale = await store.markAnnounced(
        reminders.map((r) => r.id),
        clock.now(),
      );
      // A user action (done, snooze, delete…) that landed while we were showing the notification
      // withdrew it before it was up: take it down now, or it would outlive the reminder it talks about.
      // (After this point any later action finds the notification shown and withdraws it itself.)
      if (stale.length === 0) return;
      if (plan.kind === 'separate') await Promise.all(stale.map((id) => notifications.clear(notificationIdOf(id)).catch(() => false)));
      else if (stale.length === reminders.length) await notifications.clear(DIGEST_ID).catch(() => false);
    },

    /** "Bob replied" for each; only when the user asked to be told. */
    async announceReplied(reminders: readonly Reminder[]): Promise<void> {
      for (const r of reminders) {
        await show(notificationIdOf(r.id), { ...repliedNotification(r, i18n.t), iconUrl });
      }
    },

    async withdraw(reminderId: string): Promise<void> {
      await notifications.clear(notificationIdOf(reminderId)).catch(() => false);
    },

    /** Clears the notifications of these reminders and the digest (after deleting everything). */
    async withdrawAll(reminderIds: readonly string[]): Promise<void> {
      await Promise.all([...reminderIds.map(notificationIdOf), DIGEST_ID].map((id) => notifications.clear(id).catch(() => false)));
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
