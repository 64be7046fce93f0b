import type { Reminder } from '../core/reminder';
import type { ReminderStore } from '../storage/reminder-store';
import { DIGEST_ID, primaryAction, reminderIdOf } from './announcer';
import type { Handlers } from './handlers';
import type { Logger, NotificationsPort, TabsPort } from './ports';
import type { OpenThread } from './thread-opener';

export interface NotificationActionDeps {
  store: ReminderStore;
  handlers: Pick<Handlers, 'reminder.snooze' | 'reminder.replyNow' | 'reminder.writeFollowUp'>;
  notifications: NotificationsPort;
  tabs: TabsPort;
  /** Shows the thread in an open Gmail tab of its account, or a new one. */
  openThread: OpenThread;
  /** The checklist page, opened from a digest. */
  checklistUrl: string;
  log: Logger;
}

/** What a click on a notification or one of its buttons does. */
export function createNotificationActions({ store, handlers, notifications, tabs, openThread: showThread, checklistUrl, log }: NotificationActionDeps) {
  /** The reminder's thread; the checklist when the reminder is gone. */
  async function openThread(reminder: Reminder | undefined): Promise<void> {
    if (reminder) await showThread(reminder);
    else await tabs.open(checklistUrl);
  }

  /** The first button, as the announcer titled it (primaryAction): Reply now, Write follow-up, or Open thread. */
  async function primary(reminderId: string): Promise<void> {
    const reminder = await store.get(reminderId);
    const action = reminder ? primaryAction(reminder) : 'openThread';
    if (action === 'replyNow') await handlers['reminder.replyNow']({ id: reminderId });
    else if (action === 'writeFollowUp') await handlers['reminder.writeFollowUp']({ id: reminderId });
    else await openThread(reminder);
  }

  async function run(notificationId: string, button: number | undefined): Promise<void> {
    const reminderId = reminderIdOf(notificationId);
    if (notificationId === DIGEST_ID) await tabs.open(checklistUrl);
    else if (reminderId && button === 1) await handlers['reminder.snooze']({ id: reminderId });
    else if (reminderId && button === 0) await primary(reminderId);
    else if (reminderId) await openThread(await store.get(reminderId));
    else return;
    await notifications.clear(notificationId).catch(() => false);
  }

  const guarded = (notificationId: string, button?: number) =>
    run(notificationId, button).catch((error) => log.error(`Notification action failed for ${notificationId}`, error));

  return {
    onClicked: (notificationId: string) => guarded(notificationId),
    onButtonClicked: (notificationId: string, buttonIndex: number) => guarded(notificationId, buttonIndex),
  };
}
