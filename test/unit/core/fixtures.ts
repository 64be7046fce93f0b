import type { Address, Reminder, ReminderStatus, ThreadIdentity } from '../../../src/core/reminder';

/** A fixed instant, 2025-03-12T10:00:00Z (a Wednesday). */
export const T0 = Date.UTC(2025, 2, 12, 10, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const ALL_STATUSES: readonly ReminderStatus[] = ['pending', 'notified', 'snoozed', 'replied', 'done', 'cancelled'];

export function thread(over: Partial<ThreadIdentity> = {}): ThreadIdentity {
  return {
    provider: 'gmail',
    threadId: '15f1123136926bff',
    subject: 'Quarterly numbers',
    recipients: [{ email: 'bob@example.com', name: 'Bob' }],
    ...over,
  };
}

let seq = 0;

/** A reminder literal built by hand (not via createReminder), in any status. */
export function reminder(over: Partial<Reminder> = {}): Reminder {
  seq += 1;
  const status = over.status ?? 'pending';
  return {
    id: `r${seq}`,
    account: 'me@example.com',
    thread: thread(),
    threadKey: 'gmail:15f1123136926bff',
    kind: 'no-reply',
    status,
    sentAt: T0 - DAY,
    dueAt: T0 + DAY,
    createdAt: T0 - DAY,
    updatedAt: T0 - DAY,
    rev: 3,
    history: [{ from: null, to: 'pending', at: T0 - DAY, cause: 'created' }],
    ...over,
  };
}

export function withRecipients(recipients: Address[], subject = 'Hello'): Reminder {
  return reminder({ thread: thread({ recipients, subject }) });
}

/** Deep-freezes a value so any mutation by the code under test throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
