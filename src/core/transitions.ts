import { LIVE_STATUSES, REMINDER_STATUSES, WAITING_STATUSES, type Reminder, type ReminderStatus, type Resolution } from './reminder';

/**
 * Everything that can happen to a reminder. Each event maps to exactly one
 * target status; `TRANSITIONS` lists the statuses it may start from.
 */
export type ReminderEvent =
  | { type: 'fire'; cause?: string } // its due time came
  | { type: 'snooze'; until: number }
  | { type: 'reschedule'; dueAt: number } // user changed the due time
  | { type: 'reply'; resolution: Resolution }
  | { type: 'reopen' } // "that wasn't a real reply" / undo of done
  | { type: 'done' }
  | { type: 'cancel' };

export type ReminderEventType = ReminderEvent['type'];

const ANY: readonly ReminderStatus[] = REMINDER_STATUSES;

export const TRANSITIONS: Record<ReminderEventType, { from: readonly ReminderStatus[]; to: ReminderStatus }> = {
  fire: { from: WAITING_STATUSES, to: 'notified' },
  snooze: { from: LIVE_STATUSES, to: 'snoozed' },
  reschedule: { from: LIVE_STATUSES, to: 'pending' },
  reply: { from: LIVE_STATUSES, to: 'replied' },
  reopen: { from: ['replied', 'done'], to: 'pending' },
  done: { from: ANY.filter((s) => s !== 'done' && s !== 'cancelled'), to: 'done' },
  cancel: { from: ANY.filter((s) => s !== 'cancelled'), to: 'cancelled' },
};

export class IllegalTransitionError extends Error {
  readonly code = 'illegal-transition';
  constructor(
    readonly from: ReminderStatus,
    readonly event: ReminderEventType,
  ) {
    super(`Cannot ${event} a reminder that is ${from}`);
    this.name = 'IllegalTransitionError';
  }
}

/**
 * Returns the reminder after `event`, never mutating the input. Throws
 * IllegalTransitionError instead of silently ignoring a wrong move, so a
 * caller racing another wake-up learns it lost.
 */
export function applyEvent(reminder: Reminder, event: ReminderEvent, now: number, cause = 'user'): Reminder {
  const rule = TRANSITIONS[event.type];
  if (!rule.from.includes(reminder.status)) throw new IllegalTransitionError(reminder.status, event.type);

  const next: Reminder = {
    ...reminder,
    status: rule.to,
    updatedAt: now,
    rev: reminder.rev + 1,
    history: [...reminder.history, { from: reminder.status, to: rule.to, at: now, cause }],
  };
  delete next.announcedAt;

  switch (event.type) {
    case 'fire':
      next.history[next.history.length - 1]!.cause = event.cause ?? cause;
      break;
    case 'snooze':
      assertTime(event.until, 'until');
      next.dueAt = event.until;
      break;
    case 'reschedule':
      assertTime(event.dueAt, 'dueAt');
      next.dueAt = event.dueAt;
      break;
    case 'reply':
      next.resolution = event.resolution;
      break;
    case 'reopen':
      delete next.resolution;
      break;
    case 'done':
    case 'cancel':
      break;
  }
  return next;
}

/** Marks the notification of a `notified` reminder as shown (not a status change). */
export function markAnnounced(reminder: Reminder, now: number): Reminder {
  if (reminder.status !== 'notified') throw new IllegalTransitionError(reminder.status, 'fire');
  return { ...reminder, announcedAt: now, updatedAt: now, rev: reminder.rev + 1 };
}

function assertTime(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite time`);
}

export class UndoConflictError extends Error {
  readonly code = 'conflict';
  constructor(readonly id: string, reason: string) {
    super(`Cannot undo: reminder ${id} ${reason}`);
    this.name = 'UndoConflictError';
  }
}

/**
 * The one rule for every Undo (check-off, bulk done, delete, snooze, change):
 * `previous` is the reminder as it was just before the user's action, and it
 * comes back exactly — status, resolution, check, due time, announcement —
 * but only over the state that action left (compare-and-set on `rev`; for a
 * delete, only while no reminder with that id exists). Anything that changed
 * the reminder in between wins, and the undo says so instead of overwriting it.
 *
 * The revision moves forward (a writer holding an older one must still lose)
 * and the history keeps every move, the undo included.
 */
export function restoreSnapshot(previous: Reminder, current: Reminder | undefined, expectedRev: number | undefined, now: number): Reminder {
  if (expectedRev === undefined) {
    if (current) throw new UndoConflictError(previous.id, 'exists again');
  } else {
    if (!current) throw new UndoConflictError(previous.id, 'is gone');
    if (current.rev !== expectedRev) throw new UndoConflictError(previous.id, `changed meanwhile (revision ${current.rev}, expected ${expectedRev})`);
  }
  const base = current ?? previous;
  return {
    ...previous,
    rev: Math.max(previous.rev, current?.rev ?? 0) + 1,
    history: [...base.history, { from: current?.status ?? null, to: previous.status, at: now, cause: 'undo' }],
  };
}
