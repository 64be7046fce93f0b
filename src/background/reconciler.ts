import type { ReminderStore } from '../storage/reminder-store';
import type { Announcer } from './announcer';
import type { AlarmsPort, BadgePort, Clock, Logger, WithLock } from './ports';

export const NEXT_DUE_ALARM = 'next-due';
export const RETRY_ALARM = 'retry-announce';
const RETRY_DELAY_MS = 60_000;

export interface ReconcilerDeps {
  store: ReminderStore;
  announcer: Announcer;
  alarms: AlarmsPort;
  badge: BadgePort;
  clock: Clock;
  withLock: WithLock;
  log: Logger;
}

/**
 * Brings the world in line with the database: fires what is due, shows
 * what was fired but never shown, points the single alarm at the next due
 * reminder and sets the badge. Safe to call on any wake-up, any number of
 * times: the database decides, and the lock keeps two copies from
 * interleaving.
 */
export function createReconciler({ store, announcer, alarms, badge, clock, withLock, log }: ReconcilerDeps) {
  return function reconcile(cause: string): Promise<void> {
    return withLock('follow-through:reconcile', async () => {
      const now = clock.now();
      await store.fireDue(now, cause);

      const unannounced = await store.unannounced();
      try {
        await announcer.announce(unannounced);
      } catch (error) {
        log.error('Could not show notifications; retrying', error);
        await alarms.create(RETRY_ALARM, { when: now + RETRY_DELAY_MS });
      }

      const next = await store.nextDueAt();
      if (next === undefined) await alarms.clear(NEXT_DUE_ALARM);
      else await alarms.create(NEXT_DUE_ALARM, { when: Math.max(next, now) });

      await badge.setCount(await store.countByStatus('notified'));
    });
  };
}

export type Reconcile = ReturnType<typeof createReconciler>;
