/**
 * One look at a thread's messages, judged by the rule of the reminder's
 * kind: "did they reply" for `no-reply`, "did the user answer" for
 * `owed-reply`; nothing for `always` (see `watchesReplies`). The reply checker (print view) and the Gmail tab's
 * observations both come through here, so the two never disagree.
 */
import { isWaiting, watchesReplies, type CheckFailure, type CheckSource, type Reminder, type TimesRead } from '../reminder';
import { judgeReplies } from './judge';
import { applyVerdict, type CheckResult, type ReturnPolicy } from './outcome';
import { judgeOwed, type OwedVerdict } from './owed';
import type { ObservedMessage, ReplyRules } from './types';

/** The id `withStableIds` gives the received message, so list order can place it. */
export function receivedId(r: Pick<Reminder, 'thread' | 'sentAt'>): string | undefined {
  const from = r.thread.recipients[0]?.email.trim().toLowerCase();
  return from ? `${from}|${Math.floor(r.sentAt / 60_000)}` : undefined;
}

/** What a source knows beyond the messages: the tracked message's id on its page, how its times were read, the return policy. */
export interface LookContext {
  /** The id of the reminder's own message (sent, or received for owed-reply) as the source placed it. */
  trackedId?: string;
  times?: TimesRead;
  policy?: ReturnPolicy;
}

/**
 * Judges `messages` (already given stable ids) for `r` and says what that does to it. A reminder no message can
 * end or move (`always`) is never looked at (callers skip it, see `watchesReplies`); should one get here all the
 * same, the look changes nothing and says nothing about replies (its earlier check, if any, stays).
 */
export function judgeLook(r: Reminder, messages: readonly ObservedMessage[], rules: ReplyRules, source: CheckSource, now: number, ctx: LookContext = {}): CheckResult {
  if (!watchesReplies(r)) return { check: r.check ?? { at: now, source, outcome: 'no-reply', notes: [], failures: 0 } };
  const times = ctx.times ? { times: ctx.times } : {};
  if (r.kind === 'owed-reply') {
    const id = ctx.trackedId ?? receivedId(r);
    return applyOwedVerdict(r, { verdict: judgeOwed(messages, { receivedAt: r.sentAt, ...(id ? { id } : {}) }, rules), ...times }, source, now);
  }
  // Automatic answers (and moving past a stated return) are a no-reply matter: an owed reminder waits for the user, not them.
  const verdict = judgeReplies(messages, { sentAt: r.sentAt, ...(ctx.trackedId ? { id: ctx.trackedId } : {}) }, rules);
  return applyVerdict(r, { verdict, ...times }, source, now, ctx.policy);
}

/**
 * Whether a Gmail tab's look is worth writing: a tab may show a thread before
 * its newest message has loaded, so its "nothing yet" (no reply, still owed)
 * proves nothing and must not stand in for the look at the due time.
 */
export function tabMayWrite(result: CheckResult, messages: readonly ObservedMessage[]): boolean {
  if (result.check.outcome === 'no-reply') return false;
  // A collapsed message might be an automatic answer the tab cannot show: the print view decides.
  const replyId = result.event?.type === 'reply' && result.check.outcome === 'replied' ? result.event.resolution.messageId : undefined;
  return !(replyId !== undefined && messages.some((m) => m.bodyHidden && m.id === replyId));
}

/** What an owed-reply verdict (or a failed look) does to the reminder. */
export function applyOwedVerdict(
  r: Reminder,
  result: { verdict: OwedVerdict; times?: TimesRead } | { failure: CheckFailure },
  source: CheckSource,
  now: number,
): CheckResult {
  if ('failure' in result) return applyVerdict(r, result, source, now);
  const v = result.verdict;
  const notes = v.notes.slice(0, 200);
  const times = result.times ? { times: result.times } : {};
  if (v.kind === 'owed') {
    return { check: { at: now, source, outcome: 'no-reply', notes, failures: 0, ...times, ...(v.wroteAgain ? { wroteAgain: v.wroteAgain } : {}) } };
  }
  const by = { ...v.by, email: v.by.email.trim().toLowerCase() };
  return {
    check: { at: now, source, outcome: 'answered', by, notes, failures: 0, ...times },
    ...(isWaiting(r.status) || r.status === 'notified'
      ? {
          event: {
            type: 'reply' as const,
            resolution: {
              kind: 'answered' as const,
              by,
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
