import { isLive, threadKeyOf, threadKeysOf, WAITING_STATUSES, type Reminder, type ReminderStatus, type Resolution } from '../core/reminder';
import { applyEvent, markAnnounced, restoreSnapshot, type ReminderEvent } from '../core/transitions';
import { recordFollowUp, repeatsOnSend, setRepeat } from '../core/chain';
import { defaultSettings, type Settings } from '../core/settings';
import type { ReminderDB } from './open-db';
import { abandon, writeReminders } from './reminder-writes';

export class ReminderNotFoundError extends Error {
  readonly code = 'not-found';
  constructor(readonly id: string) {
    super(`No reminder with id ${id}`);
    this.name = 'ReminderNotFoundError';
  }
}

export class StaleRevisionError extends Error {
  readonly code = 'conflict';
  constructor(
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Reminder ${id} changed meanwhile (revision ${actual}, expected ${expected})`);
    this.name = 'StaleRevisionError';
  }
}

export type CreateOutcome = 'created' | 'existing' | 'replaced';

/**
 * An owed reply answered by a send the user made. The message is named the
 * way a look at the thread names it (sender and minute, see withStableIds),
 * so "that wasn't my answer" keeps it from counting again.
 */
function sentAnswer(account: string, sentAt: number): Resolution {
  return { kind: 'answered', at: sentAt, source: 'compose', by: { email: account }, messageId: `${account}|${Math.floor(sentAt / 60_000)}` };
}

/** What recording a follow-up needs from the settings (the default chain, the schedule of its steps). */
export type ChainSettings = Pick<Settings, 'followUps' | 'schedule'>;
/** Only for callers that pass no settings (tests, old callers): the due is always given there, the zone never read. */
const FALLBACK_CHAIN_SETTINGS: ChainSettings = defaultSettings('UTC');

/**
 * A follow-up becomes the tracked message (as a re-armed send always did):
 * the newer send may know more (a thread id where only a Message-ID was
 * known), its exact send time calibrates the next look, and what the
 * reminder counts from goes with it.
 */
function trackSend(r: Reminder, send: { thread: Partial<Reminder['thread']>; sentAt: number; anchor?: Reminder['anchor'] }): Reminder {
  const updated = { ...r, thread: { ...r.thread, ...send.thread } };
  updated.threadKey = threadKeyOf(updated.thread);
  updated.sentAt = Math.max(r.sentAt, send.sentAt);
  if (send.sentAt >= r.sentAt) {
    if (send.anchor) updated.anchor = send.anchor;
    else delete updated.anchor;
  }
  return updated;
}

/**
 * The one rule for finding a thread's reminders: a thread may be stored under several keys (a reminder saved
 * when only the Message-ID was known, another once the thread id was; see threadKeysOf). Every reminder of
 * `account` under any of `keys`, each once, in the order of the keys (best first). Reads through the caller's
 * transaction, so a write path decides on what it read.
 */
async function underThreadKeys(
  byAccountThread: { getAll(query: [string, string]): Promise<Reminder[]> },
  account: string,
  keys: readonly string[],
): Promise<Reminder[]> {
  const found = new Map<string, Reminder>();
  for (const key of keys) for (const r of await byAccountThread.getAll([account, key])) found.set(r.id, r);
  return [...found.values()];
}

/**
 * Every read-modify-write runs inside one readwrite transaction. IndexedDB
 * serialises readwrite transactions on a store, so the status check inside
 * the transaction is a compare-and-set: of two racing wake-ups only one sees
 * a reminder still waiting and moves it.
 */
export function reminderStore(
  connection: ReminderDB | Promise<ReminderDB>,
  // The IDBKeyRange of the same IndexedDB implementation as the connection
  // (a fake one in tests: Node has no global).
  keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange,
) {
  // Awaiting the connection first, then opening the transaction, keeps the
  // transaction from auto-committing across a non-IndexedDB await.
  const ready = Promise.resolve(connection);
  const byStatus = (status: ReminderStatus, upTo = Infinity) => keyRange.bound([status, -Infinity], [status, upTo]);

  /**
   * Applies `event` atomically; with `expectedRev`, only if nobody wrote in between.
   * Answers the reminder before and after: `previous` is what an Undo puts back.
   */
  async function change(id: string, event: ReminderEvent, now: number, opts: { expectedRev?: number; cause?: string } = {}) {
    const db = await ready;
    const w = writeReminders(db);
    const current = await w.reminders.get(id);
    if (!current) throw new ReminderNotFoundError(id);
    if (opts.expectedRev !== undefined && opts.expectedRev !== current.rev) {
      throw new StaleRevisionError(id, opts.expectedRev, current.rev);
    }
    const next = applyEvent(current, event, now, opts.cause);
    await w.put(next);
    await w.tx.done;
    return { previous: current, reminder: next };
  }

  return {
    get: async (id: string) => (await ready).get('reminders', id),

    all: async () => (await ready).getAll('reminders'),

    byStatus: async (status: ReminderStatus) => (await ready).getAllFromIndex('reminders', 'by-status-due', byStatus(status)),

    countByStatus: async (status: ReminderStatus) => (await ready).countFromIndex('reminders', 'by-status-due', byStatus(status)),

    /** Every reminder of `account` stored under any of a thread's keys (threadKeysOf), each once. */
    byThread: async (account: string, keys: readonly string[]) => {
      const db = await ready;
      const tx = db.transaction('reminders');
      const found = await underThreadKeys(tx.store.index('by-account-thread'), account, keys);
      await tx.done;
      return found;
    },

    /**
     * Idempotent create: the caller picks the id, so a retry after a killed
     * worker returns the first result instead of a second reminder. A thread
     * has at most one waiting reminder per account and kind: a new one
     * replaces the due time of the existing one. A "remind me if no reply"
     * comes from the user writing in the thread, so a waiting owed reply of
     * that thread is answered by it (in the same transaction: never both).
     */
    async create(reminder: Reminder, now: number, chainSettings: ChainSettings = FALLBACK_CHAIN_SETTINGS): Promise<{ reminder: Reminder; outcome: CreateOutcome; answered?: Reminder }> {
      const db = await ready;
      const w = writeReminders(db);
      const same = await w.reminders.get(reminder.id);
      if (same) {
        await w.tx.done;
        return { reminder: same, outcome: 'existing' };
      }
      const siblings = await underThreadKeys(w.reminders.index('by-account-thread'), reminder.account, threadKeysOf(reminder.thread));
      const live = siblings.filter((r) => isLive(r.status));
      let answered: Reminder | undefined;
      const owed = live.find((r) => r.kind === 'owed-reply');
      // A "regardless" reminder answers only when armed on a send (no anchor): added from the thread, it is a note-to-self.
      if ((reminder.kind === 'no-reply' || (reminder.kind === 'always' && !reminder.anchor)) && owed) {
        answered = applyEvent(owed, { type: 'reply', resolution: sentAnswer(reminder.account, reminder.sentAt) }, now, 'answered');
        await w.put(answered);
      }
      const active = live.find((r) => r.kind === reminder.kind);
      if (active && isFollowUp(active, reminder)) {
        // An armed send in the thread of a live no-reply reminder is a follow-up: the same reminder (id, chain
        // history) waits for the due the compose carried. Recorded by the compose's id and the message's
        // Message-ID, so a create repeated after a killed worker records nothing twice.
        const messageId = reminder.thread.messageId;
        const recorded = recordFollowUp(
          active,
          { at: reminder.sentAt, clientId: reminder.id, dueAt: reminder.dueAt, ...(messageId ? { messageId } : {}) },
          chainSettings,
          now,
        );
        // The message it tracks already (the latest follow-up, sent again), or a send already recorded.
        if (recorded === active || (messageId !== undefined && messageId === active.thread.messageId)) {
          await w.tx.done;
          return { reminder: active, outcome: 'existing' };
        }
        const updated = trackSend(recorded, reminder);
        await w.put(updated);
        await w.tx.done;
        return { reminder: updated, outcome: 'replaced', ...(answered ? { answered } : {}) };
      }
      if (active) {
        const updated = trackSend(applyEvent(active, { type: 'reschedule', dueAt: reminder.dueAt }, now), reminder);
        await w.put(updated);
        await w.tx.done;
        return { reminder: updated, outcome: 'replaced', ...(answered ? { answered } : {}) };
      }
      await w.add(reminder);
      await w.tx.done;
      return { reminder, outcome: 'created', ...(answered ? { answered } : {}) };
    },

    /**
     * The user sent a message in this thread that they did not arm (seen by
     * a Gmail tab's send tracker): every waiting owed reply of the thread is
     * answered, and a no-reply reminder that repeats until answered records
     * it as a follow-up and waits for its next step (core/chain.ts). One
     * transaction; a repeated report (same Message-ID, or the same instant)
     * records nothing twice. Answers what it changed.
     */
    async sentInThread(
      account: string,
      keys: readonly string[],
      send: { at: number; messageId?: string; thread?: Partial<Reminder['thread']> },
      now: number,
      chainSettings: ChainSettings = FALLBACK_CHAIN_SETTINGS,
    ): Promise<{ answered: Reminder[]; followedUp: Reminder[] }> {
      const db = await ready;
      const w = writeReminders(db);
      const answered: Reminder[] = [];
      const followedUp: Reminder[] = [];
      for (const r of await underThreadKeys(w.reminders.index('by-account-thread'), account, keys)) {
        // Reported within seconds of the send (the tab waits at most a minute for Gmail's answer): whatever is owed now is answered.
        if (r.kind === 'owed-reply' && isLive(r.status)) {
          const next = applyEvent(r, { type: 'reply', resolution: sentAnswer(account, send.at) }, now, 'answered');
          await w.put(next);
          answered.push(next);
        } else if (repeatsOnSend(r) && !(send.messageId && send.messageId === r.thread.messageId)) {
          const recorded = recordFollowUp(r, { at: send.at, ...(send.messageId ? { messageId: send.messageId } : {}) }, chainSettings, now);
          if (recorded === r) continue;
          const next = trackSend(recorded, { thread: { ...send.thread, ...(send.messageId ? { messageId: send.messageId } : {}) }, sentAt: send.at });
          await w.put(next);
          followedUp.push(next);
        }
      }
      await w.tx.done;
      return { answered, followedUp };
    },

    change,

    /** "Stop repeating" / "Repeat until answered", atomically; answers the reminder before it too (what an Undo puts back). */
    async setRepeat(id: string, repeat: boolean, now: number, chainSettings: ChainSettings = FALLBACK_CHAIN_SETTINGS) {
      const db = await ready;
      const w = writeReminders(db);
      const current = await w.reminders.get(id);
      if (!current) {
        await abandon(w);
        throw new ReminderNotFoundError(id);
      }
      const next = setRepeat(current, repeat, chainSettings, now);
      if (next !== current) await w.put(next);
      await w.tx.done;
      return { previous: current, reminder: next };
    },

    /**
     * Undo: puts `previous` back over the state the undone action left, whose
     * revision is `expectedRev` (absent: the action was a delete). Compare-and-set
     * in one transaction — see `restoreSnapshot` for the rule.
     */
    async restore(previous: Reminder, expectedRev: number | undefined, now: number): Promise<Reminder> {
      const db = await ready;
      const w = writeReminders(db);
      const current = await w.reminders.get(previous.id);
      let restored: Reminder;
      try {
        restored = restoreSnapshot(previous, current, expectedRev, now);
      } catch (error) {
        await abandon(w);
        throw error;
      }
      await w.put(restored);
      await w.tx.done;
      return restored;
    },

    async delete(id: string): Promise<Reminder> {
      const db = await ready;
      const w = writeReminders(db);
      const current = await w.reminders.get(id);
      if (!current) throw new ReminderNotFoundError(id);
      await w.delete(id);
      await w.tx.done;
      return current;
    },

    /** The earliest due time among waiting reminders, or undefined when none wait. */
    async nextDueAt(): Promise<number | undefined> {
      const db = await ready;
      const tx = db.transaction('reminders');
      const index = tx.store.index('by-status-due');
      let earliest: number | undefined;
      for (const status of WAITING_STATUSES) {
        const cursor = await index.openCursor(byStatus(status));
        const due = cursor?.value.dueAt;
        if (due !== undefined && (earliest === undefined || due < earliest)) earliest = due;
      }
      await tx.done;
      return earliest;
    },

    /**
     * Moves every waiting reminder due at `now` to `notified` in one
     * transaction and returns exactly those it moved: a concurrent caller
     * finds nothing left to move.
     */
    async fireDue(now: number, cause: string, isReady: (r: Reminder) => boolean = () => true): Promise<Reminder[]> {
      const db = await ready;
      const w = writeReminders(db);
      const index = w.reminders.index('by-status-due');
      const fired: Reminder[] = [];
      for (const status of WAITING_STATUSES) {
        for (const reminder of await index.getAll(byStatus(status, now))) {
          // e.g. its look for replies has not been made yet
          if (!isReady(reminder)) continue;
          const next = applyEvent(reminder, { type: 'fire', cause }, now, cause);
          await w.put(next);
          fired.push(next);
        }
      }
      await w.tx.done;
      return fired;
    },

    /** Notified reminders whose notification was not (yet) shown, e.g. the worker died in between. */
    async unannounced(): Promise<Reminder[]> {
      const db = await ready;
      const notified = await db.getAllFromIndex('reminders', 'by-status-due', byStatus('notified'));
      return notified.filter((r) => r.announcedAt === undefined);
    },

    /**
     * Records that these reminders' notifications are on screen. Answers the
     * ids that were acted on meanwhile (snoozed, done, deleted… while the
     * notification was being shown): their notification is stale.
     */
    async markAnnounced(ids: readonly string[], now: number): Promise<string[]> {
      const db = await ready;
      const w = writeReminders(db);
      const stale: string[] = [];
      for (const id of ids) {
        const current = await w.reminders.get(id);
        if (current?.status !== 'notified') stale.push(id);
        else if (current.announcedAt === undefined) await w.put(markAnnounced(current, now));
      }
      await w.tx.done;
      return stale;
    },
  };
}

export type ReminderStore = ReturnType<typeof reminderStore>;

/** A send (not an after-the-fact add, which carries an anchor) in the thread of a live no-reply reminder. */
function isFollowUp(active: Reminder, incoming: Reminder): boolean {
  return active.kind === 'no-reply' && incoming.kind === 'no-reply' && !incoming.anchor;
}
