import { FRESH_MS } from '../core/replies/outcome';
import type { Reminder } from '../core/reminder';
import type { Settings } from '../core/settings';
import type { CheckStore } from '../storage/check-store';
import type { ReminderStore } from '../storage/reminder-store';
import type { Announcer } from './announcer';
import type { AlarmsPort, BadgePort, Clock, Logger, WithLock } from './ports';
import type { CheckRun, ReplyChecker } from './reply-checker';

export const NEXT_DUE_ALARM = 'next-due';
export const RETRY_ALARM = 'retry-announce';
/** Stands in for a wake-up's event while its run is under way; see `reconcile`. */
export const WATCHDOG_ALARM = 'watchdog';
/** Chrome's shortest alarm delay for a packed extension: a run cut short is picked up again this much later. */
export const WATCHDOG_MS = 30_000;
const RETRY_DELAY_MS = 60_000;
/** More reminders wanted a look than one run may make: the rest get theirs this much later. */
const MORE_CHECKS_DELAY_MS = 60_000;
const LOOK_AGAIN_DELAY_MS = 30_000;
/**
 * A due reminder fires only after its look for replies — but never later
 * than this past its due time, whatever happened to the look: a reminder
 * that silently never fires is worse than one that fires unverified.
 */
export const CHECK_GRACE_MS = 10 * 60_000;

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

  const looked = (now: number) => (r: Reminder) => !replies || (r.check !== undefined && r.check.at >= r.dueAt - FRESH_MS) || r.dueAt <= now - CHECK_GRACE_MS;

  return async function reconcile(cause: string): Promise<void> {
    // A wake-up has consumed its event: a fired alarm is gone. If the worker is stopped before
    // this run is through (mid-look, between firing and showing), nothing would ever wake us for
    // that work again. The watchdog alarm stands in for the event until the run completes.
    const wakeUp = LOOK_CAUSES.has(cause);
    if (wakeUp) await alarms.create(WATCHDOG_ALARM, { when: clock.now() + WATCHDOG_MS });
    // A user's click or a tab's report must not wait seconds for Gmail: looks happen on wake-ups and alarms.
    const run = wakeUp ? await lookForReplies() : { changed: [], more: false };
    return withLock('follow-through:reconcile', async () => {
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
      // Through: the next-due alarm now reflects everything left to do. (A run that failed keeps its watchdog: a retry.)
      if (wakeUp) await alarms.clear(WATCHDOG_ALARM);
    });
  };
}

export type Reconcile = ReturnType<typeof createReconciler>;
