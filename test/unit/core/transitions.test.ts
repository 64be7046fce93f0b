import { describe, expect, it } from 'vitest';
import type { Reminder, ReminderStatus, Resolution } from '../../../src/core/reminder';
import {
  applyEvent,
  IllegalTransitionError,
  markAnnounced,
  TRANSITIONS,
  type ReminderEvent,
  type ReminderEventType,
} from '../../../src/core/transitions';
import { ALL_STATUSES, DAY, deepFreeze, HOUR, reminder, T0 } from './fixtures';

/*
 * The expected state machine, written down from the product rules rather than
 * read from TRANSITIONS:
 *
 * - live       = pending, notified, snoozed (not resolved, not withdrawn)
 * - waiting    = pending, snoozed (an alarm must wake us for them)
 * - resolved   = replied, done (can be undone by "reopen")
 * - final      = done, cancelled
 *
 * fire:       its due time came — only a waiting reminder has one → notified
 * snooze:     push a live reminder later (the usual case is a notified one;
 *             snoozing again, or before it fired, is the same gesture) → snoozed
 * reschedule: the user (or a second create on the same thread) sets a new due
 *             time on a live reminder → pending, waiting again
 * reply:      a reply resolves a live reminder → replied
 * reopen:     "that wasn't a real reply" / undo of done → pending
 * done:       check off anything not yet final → done
 * cancel:     withdraw anything not already cancelled → cancelled
 */
const LIVE: readonly ReminderStatus[] = ['pending', 'notified', 'snoozed'];
const WAITING: readonly ReminderStatus[] = ['pending', 'snoozed'];
const RESOLVED: readonly ReminderStatus[] = ['replied', 'done'];
const FINAL: readonly ReminderStatus[] = ['done', 'cancelled'];

function expectedTarget(from: ReminderStatus, event: ReminderEventType): ReminderStatus | undefined {
  switch (event) {
    case 'fire':
      return WAITING.includes(from) ? 'notified' : undefined;
    case 'snooze':
      return LIVE.includes(from) ? 'snoozed' : undefined;
    case 'reschedule':
      return LIVE.includes(from) ? 'pending' : undefined;
    case 'reply':
      return LIVE.includes(from) ? 'replied' : undefined;
    case 'reopen':
      return RESOLVED.includes(from) ? 'pending' : undefined;
    case 'done':
      return FINAL.includes(from) ? undefined : 'done';
    case 'cancel':
      return from === 'cancelled' ? undefined : 'cancelled';
  }
}

const NOW = T0 + 2 * HOUR;
const NEW_DUE = T0 + 5 * DAY;
const RESOLUTION: Resolution = { kind: 'reply', by: { email: 'bob@example.com', name: 'Bob' }, at: T0 + HOUR };

const EVENTS: Record<ReminderEventType, ReminderEvent> = {
  fire: { type: 'fire' },
  snooze: { type: 'snooze', until: NEW_DUE },
  reschedule: { type: 'reschedule', dueAt: NEW_DUE },
  reply: { type: 'reply', resolution: RESOLUTION },
  reopen: { type: 'reopen' },
  done: { type: 'done' },
  cancel: { type: 'cancel' },
};
const EVENT_TYPES = Object.keys(EVENTS) as ReminderEventType[];

/** A reminder in `status` that carries every optional field, frozen so mutation throws. */
function frozen(status: ReminderStatus): Reminder {
  return deepFreeze(
    reminder({
      status,
      rev: 7,
      announcedAt: T0 - HOUR,
      ...(status === 'replied' ? { resolution: { kind: 'reply', at: T0 - 2 * HOUR } } : {}),
    }),
  );
}

const cells = ALL_STATUSES.flatMap((from) => EVENT_TYPES.map((event) => ({ from, event, to: expectedTarget(from, event) })));
const allowed = cells.filter((c): c is typeof c & { to: ReminderStatus } => c.to !== undefined);
const illegal = cells.filter((c) => c.to === undefined);

/** Whether `event` may happen to a reminder in `status`, per the table. */
const canApply = (status: ReminderStatus, event: ReminderEventType) => TRANSITIONS[event].from.includes(status);

describe('the transition table', () => {
  it('covers every status × event pair, some allowed and some not', () => {
    expect(cells).toHaveLength(ALL_STATUSES.length * 7);
    expect(allowed.length).toBe(22);
    expect(illegal.length).toBe(20);
  });

  it.each(cells)('canApply($from, $event) matches the product rules', ({ from, event, to }) => {
    expect(canApply(from, event)).toBe(to !== undefined);
  });

  it.each(EVENT_TYPES)('TRANSITIONS[%s] names the expected target and sources', (event) => {
    const sources = ALL_STATUSES.filter((s) => expectedTarget(s, event) !== undefined);
    expect([...TRANSITIONS[event].from].sort()).toEqual([...sources].sort());
    expect(TRANSITIONS[event].to).toBe(expectedTarget(sources[0]!, event));
  });
});

describe('applyEvent: allowed transitions', () => {
  it.each(allowed)('$from --$event--> $to', ({ from, event, to }) => {
    const before = frozen(from);
    const snapshot = structuredClone(before);

    const next = applyEvent(before, EVENTS[event], NOW, 'test-cause');

    expect(next).not.toBe(before);
    expect(before).toEqual(snapshot); // frozen too, so any write would have thrown
    expect(next.status).toBe(to);
    expect(next.rev).toBe(8);
    expect(next.updatedAt).toBe(NOW);
    expect(next.createdAt).toBe(before.createdAt);
    expect(next.id).toBe(before.id);
    expect(next.thread).toEqual(before.thread);
    expect(next.history).toHaveLength(before.history.length + 1);
    expect(next.history.slice(0, -1)).toEqual(before.history);
    expect(next.history.at(-1)).toEqual({ from, to, at: NOW, cause: 'test-cause' });
    expect(next.history).not.toBe(before.history);
    expect(next).not.toHaveProperty('announcedAt');

    // Event-specific fields.
    if (event === 'snooze' || event === 'reschedule') expect(next.dueAt).toBe(NEW_DUE);
    else expect(next.dueAt).toBe(before.dueAt);
    if (event === 'reply') expect(next.resolution).toEqual(RESOLUTION);
    else if (event === 'reopen') expect(next).not.toHaveProperty('resolution');
    else expect(next.resolution).toEqual(before.resolution);
  });
});

describe('applyEvent: illegal transitions', () => {
  it.each(illegal)('$from --$event--> throws', ({ from, event }) => {
    const before = frozen(from);
    const snapshot = structuredClone(before);
    let caught: unknown;
    try {
      applyEvent(before, EVENTS[event], NOW);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    expect(caught).toBeInstanceOf(Error);
    const err = caught as IllegalTransitionError;
    expect(err.from).toBe(from);
    expect(err.event).toBe(event);
    expect(err.code).toBe('illegal-transition');
    expect(err.name).toBe('IllegalTransitionError');
    expect(err.message).toBe(`Cannot ${event} a reminder that is ${from}`);
    expect(before).toEqual(snapshot);
  });
});

describe('applyEvent: details', () => {
  it('records "user" as the cause by default', () => {
    expect(applyEvent(reminder(), { type: 'done' }, NOW).history.at(-1)?.cause).toBe('user');
  });

  it('lets a fire event name its own cause, overriding the argument', () => {
    const next = applyEvent(reminder(), { type: 'fire', cause: 'alarm' }, NOW, 'startup');
    expect(next.history.at(-1)).toEqual({ from: 'pending', to: 'notified', at: NOW, cause: 'alarm' });
  });

  it('uses the cause argument for a fire event without one', () => {
    expect(applyEvent(reminder(), { type: 'fire' }, NOW, 'startup').history.at(-1)?.cause).toBe('startup');
  });

  it('does not share the history array with the input', () => {
    const before = reminder();
    const next = applyEvent(before, { type: 'done' }, NOW);
    next.history.push({ from: 'done', to: 'pending', at: 0, cause: 'x' });
    expect(before.history).toHaveLength(1);
  });

  describe.each([
    ['snooze', (t: number): ReminderEvent => ({ type: 'snooze', until: t }), 'until'],
    ['reschedule', (t: number): ReminderEvent => ({ type: 'reschedule', dueAt: t }), 'dueAt'],
  ] as const)('%s', (_name, make, field) => {
    it.each([NaN, Infinity, -Infinity])(`rejects a non-finite time (%s) with a RangeError naming ${field}`, (t) => {
      const before = frozen('notified');
      expect(() => applyEvent(before, make(t), NOW)).toThrow(RangeError);
      expect(() => applyEvent(before, make(t), NOW)).toThrow(`${field} must be a finite time`);
    });

    it('sets the new due time', () => {
      expect(applyEvent(reminder({ status: 'snoozed', dueAt: 1 }), make(NEW_DUE + 1), NOW).dueAt).toBe(NEW_DUE + 1);
    });
  });

  it('reply stores the resolution; reopen removes it again', () => {
    const replied = applyEvent(reminder({ status: 'notified' }), { type: 'reply', resolution: RESOLUTION }, NOW, 'reply');
    expect(replied.resolution).toEqual(RESOLUTION);
    const reopened = applyEvent(replied, { type: 'reopen' }, NOW + 1);
    expect(reopened.status).toBe('pending');
    expect(reopened.resolution).toBeUndefined();
    expect('resolution' in reopened).toBe(false);
    expect(replied.resolution).toEqual(RESOLUTION);
  });

  it('walks a whole life cycle with one history entry per step', () => {
    let r = reminder({ rev: 1 });
    const steps: [ReminderEvent, ReminderStatus][] = [
      [{ type: 'fire', cause: 'alarm' }, 'notified'],
      [{ type: 'snooze', until: NOW + DAY }, 'snoozed'],
      [{ type: 'fire', cause: 'alarm' }, 'notified'],
      [{ type: 'reply', resolution: RESOLUTION }, 'replied'],
      [{ type: 'reopen' }, 'pending'],
      [{ type: 'done' }, 'done'],
      [{ type: 'cancel' }, 'cancelled'],
    ];
    steps.forEach(([event, status], i) => {
      r = applyEvent(r, event, NOW + i);
      expect(r.status).toBe(status);
    });
    expect(r.rev).toBe(1 + steps.length);
    expect(r.history.map((h) => h.to)).toEqual(['pending', ...steps.map(([, s]) => s)]);
    expect(r.history.map((h) => h.from)).toEqual([null, 'pending', ...steps.slice(0, -1).map(([, s]) => s)]);
    for (const event of EVENT_TYPES) expect(() => applyEvent(r, EVENTS[event], NOW)).toThrow(IllegalTransitionError);
  });
});

describe('markAnnounced', () => {
  it('stamps a notified reminder without changing its status or history', () => {
    const before = deepFreeze(reminder({ status: 'notified', rev: 4 }));
    const next = markAnnounced(before, NOW);
    expect(next).toEqual({ ...before, announcedAt: NOW, updatedAt: NOW, rev: 5 });
    expect(before).not.toHaveProperty('announcedAt');
  });

  it('is cleared again by the next transition', () => {
    const announced = markAnnounced(reminder({ status: 'notified' }), NOW);
    expect(applyEvent(announced, { type: 'snooze', until: NEW_DUE }, NOW + 1)).not.toHaveProperty('announcedAt');
  });

  it.each(ALL_STATUSES.filter((s) => s !== 'notified'))('refuses a %s reminder', (status) => {
    const before = frozen(status);
    expect(() => markAnnounced(before, NOW)).toThrow(IllegalTransitionError);
    try {
      markAnnounced(before, NOW);
    } catch (e) {
      expect((e as IllegalTransitionError).from).toBe(status);
      expect((e as IllegalTransitionError).code).toBe('illegal-transition');
    }
  });
});
