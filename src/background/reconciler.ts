import { readyToFire } from '../core/replies/outcome';
import { singleFlight } from '../core/single-flight';
import type { Reminder } from '../core/reminder';
import type { Settings } from '../core/settings';
import type { CheckStore } from '../storage/check-store';
import type { ReminderStore } from '../storage/reminder-store';
import type { Announcer } from './announcer';
import type { AlarmsPort, BadgePort, Clock, Logger, WithLock } from './ports';
import type { CheckRun, ReplyChecker } from './reply-checker';

export const NEXT_DUE_ALARM = 'next-due';
export const RETRY_ALARM = 'retry-announce';
/** Stands in for a wake-up's event while its run is under way; see `reconcile`. Each run's own is `watchdog:<run id>`. */
export const WATCHDOG_ALARM = 'watchdog';
export const isWatchdogAlarm = (name: string) => name === WATCHDOG_ALARM || name.startsWith(`${WATCHDOG_ALARM}:`);
/** Chrome's shortest alarm delay for a packed extension: a run cut short is picked up again this much later. */
export const WATCHDOG_MS = 30_000;
const RETRY_DELAY_MS = 60_000;
/** More reminders wanted a look than one run may make: the rest get theirs this much later. */
const MORE_CHECKS_DELAY_MS = 60_000;
const LOOK_AGAIN_DELAY_MS = 30_000;

/** Wake-ups that may look for replies over the network. */
const LOOK_CAUSES = new Set(['alarm', 'wake', 'startup', 'installed']);

export interface ReplyCheckDeps {
  checker: ReplyChecker;
  checks: CheckStore;
  settings: { get(): Promise<Settings> };
}

export interface ReconcilerDeps {
  store: ReminderStore;
  announcer: Announcer;
  alarms: AlarmsPort;
  badge: BadgePort;
  clock: Clock;
  withLock: WithLock;
  log: Logger;
  /** Absent in tests of the firing logic alone. */
  replies?: ReplyCheckDeps;
}

/**
 * Brings the world in line with the database: fires what is due, shows
 * what was fired but never shown, points the single alarm at the next due
 * reminder and sets the badge. Safe to call on any wake-up, any number of
 * times: the database decides, and the lock keeps two copies from
 * interleaving.
 */
export function createReconciler({ store, announcer, alarms, badge, clock, withLock, log, replies }: ReconcilerDeps) {
  // Network looks happen outside the reconcile lock (they take seconds) but one run at a time.
  async function lookForReplies(): Promise<CheckRun> {
    if (!replies) return { changed: [], more: false };
    try {
      const run = await withLock('follow-through:replies', () => replies.checker(clock.now()));
      await afterLooks(run.changed);
      return run;
    } catch (error) {
      log.error('Reply check failed', error);
      return { changed: [], more: false };
    }
  }

  async function afterLooks(changed: readonly Reminder[]): Promise<void> {
    const resolved = changed.filter((r) => r.status === 'replied');
    if (resolved.length === 0) return;
    await Promise.all(resolved.map((r) => announcer.withdraw(r.id)));
    // "Bob replied" is news; the user's own answer to an owed reply is not.
    const replied = resolved.filter((r) => r.resolution?.kind !== 'answered');
    if (replied.length > 0 && (await replies!.settings.get()).replies.notifyOnReply) await announcer.announceReplied(replied).catch((e) => log.warn('Reply notification failed', e));
  }

  // Without reply checks (tests of the firing alone) everything due fires.
  const looked = (now: number) => (r: Reminder) => !replies || readyToFire(r, now);

  /** Fires what is due, shows what was not shown, points the alarm, sets the badge: quick, and one copy at a time. */
  const settle = (run: CheckRun, cause: string) =>
    withLock('follow-through:reconcile', async () => {
      const now = clock.now();
      await store.fireDue(now, cause, looked(now));

      const unannounced = await store.unannounced();
      try {
        await announcer.announce(unannounced);
      } catch (error) {
        log.error('Could not show notifications; retrying', error);
        await alarms.create(RETRY_ALARM, { when: now + RETRY_DELAY_MS });
      }

      const wake = [await store.nextDueAt(), await replies?.checks.nextAt(now)].filter((t): t is number => t !== undefined);
      const next = wake.length > 0 ? Math.min(...wake) : undefined;
      if (next === undefined) await alarms.clear(NEXT_DUE_ALARM);
      // Still due after this run means it waits for its look (more than one run may make, or one that did not land):
      // come back shortly, never in a tight loop against Gmail.
      else await alarms.create(NEXT_DUE_ALARM, { when: next > now ? next : now + (run.more ? MORE_CHECKS_DELAY_MS : LOOK_AGAIN_DELAY_MS) });

      await badge.setCount(await store.countByStatus('notified'));
    });

  let runs = 0;
  /**
   * A wake-up's run: looks for replies, then settles. A wake-up has consumed its event (a fired alarm is gone):
   * if the worker is stopped before the run is through (mid-look, between firing and showing), nothing would
   * wake us for that work again, so the run's own watchdog alarm stands in for the event until it is through —
   * and only this run clears it (a run that failed keeps it: a retry).
   */
  async function wakeRun(cause: string): Promise<void> {
    const watchdog = `${WATCHDOG_ALARM}:${clock.now().toString(36)}-${(runs += 1)}-${Math.random().toString(36).slice(2, 8)}`;
    await alarms.create(watchdog, { when: clock.now() + WATCHDOG_MS });
    const run = await lookForReplies();
    await settle(run, cause);
    await alarms.clear(watchdog);
  }

  // A wake-up and an alarm never run side by side: one arriving during a run is folded into one more run after it.
  const wakeRuns = singleFlight(wakeRun, (queued) => queued);

  /**
   * Safe to call on any wake-up, any number of times: the database decides. Wake-ups (alarms, start-up, the
   * worker starting) look for replies, one run at a time; a user's click or a tab's report must not wait seconds
   * for Gmail, so it only settles.
   */
  return function reconcile(cause: string): Promise<void> {
    if (LOOK_CAUSES.has(cause)) return wakeRuns(cause);
    return settle({ changed: [], more: false }, cause);
  };
}

export type Reconcile = ReturnType<typeof createReconciler>;
