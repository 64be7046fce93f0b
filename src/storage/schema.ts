import type { DBSchema } from 'idb';
import type { Reminder, ReminderKind, ReminderStatus } from '../core/reminder';

export const DB_NAME = 'follow-through';

/**
 * The current shape of the database; older shapes live in their migration's test fixture.
 * (v1's `by-updated` and v2's `by-account-due` were dropped in v5: nothing read them.)
 */
export interface FollowThroughDB extends DBSchema {
  reminders: {
    key: string;
    value: Reminder;
    indexes: {
      /** "What is due": waiting reminders ordered by due time. */
      'by-status-due': [ReminderStatus, number];
      /** "Is there a reminder for this thread" from the content script. */
      'by-account-thread': [string, string];
      /** One status's reminders by last change: history pages and retention (since v3). */
      'by-status-updated': [ReminderStatus, number];
      /** One kind's reminders of one status in due order: the popup's "To answer" apart from the follow-ups (since v4). */
      'by-kind-status-due': [ReminderKind, ReminderStatus, number];
    };
  };
  /**
   * How many finished reminders have each status (replied, done, cancelled), keyed by status (since v6): the popup's history headers without
   * walking thousands of keys. Kept in the same transaction as every reminder write (reminder-writes.ts);
   * a missing row means "unknown until recounted" (status-counts.ts).
   */
  counts: {
    key: ReminderStatus;
    value: number;
  };
}
