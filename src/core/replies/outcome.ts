/**
 * When to look for replies and what a look means for the reminder. Pure:
 * the background does the fetching and writes what this decides.
 */
import { isLive, isWaiting, watchesReplies, type AutoAnswerInfo, type CheckFailure, type CheckSource, type Reminder, type ReplyCheck, type TimesRead } from '../reminder';
import type { ReplyPrefs, SchedulePrefs } from '../settings';
import { dueAfterReturn } from './auto-answer/back-on';
import type { ReminderEvent } from '../transitions';
import type { MessageNote, ObservedMessage, ReplyRules, Verdict } from './types';

/** Look once this long before the due time, so most answered reminders never notify. */
export const PRECHECK_MS = 15 * 60_000;
/** A look this close to the due time counts as the look at due time. */
export const FRESH_MS = 2 * 60_000;
/**
 * A due reminder fires only after its look for replies — but never later
 * than this past its due time, whatever happened to the look: a reminder
 * that silently never fires is worse than one that fires unverified.
 */
export const CHECK_GRACE_MS = 10 * 60_000;
/** Waits after consecutive failed looks; the last repeats. */
export const RETRY_DELAYS_MS = [5, 15, 60, 180, 360].map((m) => m * 60_000);

export type CheckKind = 'due' | 'early' | 'retry';

/** Which look a reminder needs at `now`, if any. */
export function checkNeeded(r: Reminder, now: number): CheckKind | undefined {
  // "Regardless of replies": no look could change it, so none is spent on it.
  if (!watchesReplies(r)) return undefined;
  if (isWaiting(r.status)) {
    if (r.dueAt <= now) return hasDueLook(r) ? undefined : 'due';
    if (r.dueAt - now <= PRECHECK_MS) return r.check && r.check.at >= r.dueAt - PRECHECK_MS ? undefined : 'early';
    return undefined;
  }
  // Fired without a successful look: keep trying, a late "they replied" still clears the notification.
  if (r.status === 'notified' && r.check?.outcome === 'failed' && (r.check.retryAt ?? Infinity) <= now) return 'retry';
  return undefined;
}

/** The look made at (or just before) the due time happened. */
export function hasDueLook(r: Reminder): boolean {
  return r.check !== undefined && r.check.at >= r.dueAt - FRESH_MS;
}

/** A due reminder may fire: its look was made, or the grace for it is over. */
export function readyToFire(r: Reminder, now: number): boolean {
  return !watchesReplies(r) || hasDueLook(r) || r.dueAt <= now - CHECK_GRACE_MS;
}

/** When the next look is wanted for this reminder (for the alarm), if ever. */
export function nextCheckAt(r: Reminder, now: number): number | undefined {
  if (!watchesReplies(r)) return undefined;
  if (isWaiting(r.status)) {
    const early = r.dueAt - PRECHECK_MS;
    const earlyDone = r.check !== undefined && r.check.at >= early;
    return early > now && !earlyDone ? early : r.dueAt;
  }
  return r.status === 'notified' && r.check?.outcome === 'failed' ? r.check.retryAt : undefined;
}

/** The account and the user's aliases for it. */
export function ownAddressesOf(account: string, prefs: Pick<ReplyPrefs, 'aliases'>): string[] {
  // Keys as the user typed them or a backup holds them: the account matches whatever their case.
  return [account, ...Object.entries(prefs.aliases).flatMap(([key, list]) => (key.trim().toLowerCase() === account ? list : []))];
}

/** The rules for one reminder: its account and the user's aliases for it count as the user. */
export function rulesFor(r: Reminder, prefs: ReplyPrefs, timeZone?: string): ReplyRules {
  return {
    ...(timeZone ? { timeZone } : {}),
    autoIds: r.autoReplyIds ?? [],
    ownAddresses: ownAddressesOf(r.account, prefs),
    plusAddressing: prefs.plusAddressing,
    autoRepliesCount: prefs.autoRepliesCount,
    ignoredIds: r.ignoredReplyIds ?? [],
  };
}

/**
 * One id per message whatever the source: the print view has no message ids
 * and the Gmail tab has Gmail's, so both are keyed by sender and minute —
 * what "that wasn't a real reply" must match again later.
 */
export function withStableIds(messages: readonly ObservedMessage[]): ObservedMessage[] {
  return messages.map((m) => (m.at === undefined ? m : { ...m, id: `${m.from.email.trim().toLowerCase()}|${Math.floor(m.at / 60_000)}` }));
}

/** What moving past a stated return needs: the user's schedule, and whether they want it. */
export interface ReturnPolicy {
  schedule: SchedulePrefs;
  moveToReturn: boolean;
}

/** The latest certain automatic answer of a verdict's notes, as the check keeps it. */
export function latestAutoAnswer(notes: readonly MessageNote[]): AutoAnswerInfo | undefined {
  const autos = notes.filter((n) => n.reason === 'auto-reply');
  const withDate = autos.filter((n) => n.auto?.backOn);
  const note = (withDate.length > 0 ? withDate : autos).reduce<MessageNote | undefined>((best, n) => (!best || (n.at ?? 0) >= (best.at ?? 0) ? n : best), undefined);
  if (!note) return undefined;
  const a = note.auto ?? { certain: true };
  return {
    by: { ...note.from, email: note.from.email.trim().toLowerCase() },
    ...(a.family ? { family: a.family } : {}),
    ...(a.until ? { until: a.until } : {}),
    ...(a.backOn ? { backOn: a.backOn } : {}),
  };
}

export interface CheckResult {
  check: ReplyCheck;
  /** The state change the look calls for, if any. */
  event?: ReminderEvent;
}

/** What a verdict (or a failed look) does to the reminder. */
export function applyVerdict(
  r: Reminder,
  result: { verdict: Verdict; times?: TimesRead } | { failure: CheckFailure },
  source: CheckSource,
  now: number,
  policy?: ReturnPolicy,
): CheckResult {
  if ('failure' in result) {
    const failures = r.check?.outcome === 'failed' ? r.check.failures + 1 : 1;
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1]!;
    return { check: { at: now, source, outcome: 'failed', failure: result.failure, failures, retryAt: now + delay } };
  }
  const v = result.verdict;
  const notes = v.notes.slice(0, 200);
  const times = result.times ? { times: result.times } : {};
  const by = 'by' in v ? { ...v.by, email: v.by.email.trim().toLowerCase() } : undefined;
  if (v.kind === 'replied') {
    const canResolve = isLive(r.status);
    return {
      check: { at: now, source, outcome: 'replied', by: by!, notes, failures: 0, ...times },
      ...(canResolve
        ? {
            event: {
              type: 'reply' as const,
              resolution: {
                kind: 'reply' as const,
                by: by!,
                source,
                notes,
                ...times,
                ...(v.at !== undefined ? { at: v.at } : {}),
                ...(v.id !== undefined ? { messageId: v.id } : {}),
              },
            },
          }
        : {}),
    };
  }
  if (v.kind === 'bounced') {
    // The user must act on a failed delivery now, not at the due time.
    return { check: { at: now, source, outcome: 'bounced', by: by!, notes, failures: 0, ...times }, ...(isWaiting(r.status) ? { event: { type: 'fire' as const, cause: 'bounce' } } : {}) };
  }
  // An automatic answer keeps the reminder waiting; one that says when the person is back moves it past the return.
  const auto = latestAutoAnswer(notes);
  const moveTo = auto && policy?.moveToReturn && isWaiting(r.status) ? dueAfterReturn(r.dueAt, auto.backOn, policy.schedule) : undefined;
  // A reminder already moved for this return keeps saying so at its new due time (the notification tells why it waited).
  const earlier = r.check?.autoAnswer;
  const movedFrom = moveTo !== undefined ? r.dueAt : earlier?.movedFrom !== undefined && earlier.backOn === auto?.backOn && earlier.by.email === auto?.by.email ? earlier.movedFrom : undefined;
  const check: ReplyCheck = { at: now, source, outcome: 'no-reply', notes, failures: 0, ...times, ...(auto ? { autoAnswer: { ...auto, ...(movedFrom !== undefined ? { movedFrom } : {}) } } : {}) };
  return { check, ...(moveTo !== undefined ? { event: { type: 'reschedule' as const, dueAt: moveTo } } : {}) };
}
