import type { DBSchema } from 'idb';
import type { Reminder, ReminderKind, ReminderStatus } from '../core/reminder';

export const DB_NAME = 'follow-through';

/** The current shape of the database; older shapes live in their migration's test fixture. */
export interface FollowThroughDB extends DBSchema {
  reminders: {
    key: string;
    value: Reminder;
    indexes: {
      /** "What is due": waiting reminders ordered by due time. */
      'by-status-due': [ReminderStatus, number];
      /** "Is there a reminder for this thread" from the content script. */
      'by-account-thread': [string, string];
      /** Recent changes, for the popup's Replied/Done sections and sync. */
      'by-updated': number;
      /** One account's reminders in due order (since v2). */
      'by-account-due': [string, number];
      /** One status's reminders by last change: history pages and retention (since v3). */
      'by-status-updated': [ReminderStatus, number];
      /** One kind's reminders of one status in due order: the popup's "To answer" apart from the follow-ups (since v4). */
      'by-kind-status-due': [ReminderKind, ReminderStatus, number];
    };
  };
}
