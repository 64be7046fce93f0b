/**
 * One look at a thread's messages, judged by the rule of the reminder's
 * kind: "did they reply" for `no-reply`, "did the user answer" for
 * `owed-reply`. The reply checker (print view) and the Gmail tab's
 * observations both come through here, so the two never disagree.
 */
import { isWaiting, type CheckFailure, type CheckSource, type Reminder } from '../reminder';
import { judgeReplies } from './judge';
import { applyVerdict, type CheckResult } from './outcome';
import { judgeOwed, type OwedVerdict } from './owed';
import type { ObservedMessage, ReplyRules } from './types';

/** The id `withStableIds` gives the received message, so list order can place it. */
export function receivedId(r: Pick<Reminder, 'thread' | 'sentAt'>): string | undefined {
  const from = r.thread.recipients[0]?.email.trim().toLowerCase();
  return from ? `${from}|${Math.floor(r.sentAt / 60_000)}` : undefined;
}

/** Judges `messages` (already given stable ids) for `r` and says what that does to it. */
export function judgeLook(r: Reminder, messages: readonly ObservedMessage[], rules: ReplyRules, source: CheckSource, now: number): CheckResult {
  if (r.kind === 'owed-reply') {
    const id = receivedId(r);
    return applyOwedVerdict(r, { verdict: judgeOwed(messages, { receivedAt: r.sentAt, ...(id ? { id } : {}) }, rules) }, source, now);
  }
  return applyVerdict(r, { verdict: judgeReplies(messages, { sentAt: r.sentAt }, rules) }, source, now);
}

/**
 * Whether a Gmail tab's look is worth writing: a tab may show a thread before
 * its newest message has loaded, so its "nothing yet" (no reply, still owed)
 * proves nothing and must not stand in for the look at the due time.
 */
export function tabMayWrite(result: CheckResult): boolean {
  return result.check.outcome !== 'no-reply';
}

/** What an owed-reply verdict (or a failed look) does to the reminder. */
export function applyOwedVerdict(
  r: Reminder,
  result: { verdict: OwedVerdict } | { failure: CheckFailure },
  source: CheckSource,
  now: number,
): CheckResult {
  if ('failure' in result) return applyVerdict(r, result, source, now);
  const v = result.verdict;
  const notes = v.notes.slice(0, 200);
  if (v.kind === 'owed') {
    return { check: { at: now, source, outcome: 'no-reply', notes, failures: 0, ...(v.wroteAgain ? { wroteAgain: v.wroteAgain } : {}) } };
  }
  const by = { ...v.by, email: v.by.email.trim().toLowerCase() };
  return {
    check: { at: now, source, outcome: 'answered', by, notes, failures: 0 },
    ...(isWaiting(r.status) || r.status === 'notified'
      ? {
          event: {
            type: 'reply' as const,
            resolution: {
              kind: 'answered' as const,
              by,
              source,
              notes,
              ...(v.at !== undefined ? { at: v.at } : {}),
              ...(v.id !== undefined ? { messageId: v.id } : {}),
            },
          },
        }
      : {}),
  };
}
