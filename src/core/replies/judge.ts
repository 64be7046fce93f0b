/**
 * judgeReplies: did anybody answer the tracked message?
 *
 * A message counts as a reply when it comes after the tracked message, is not
 * from one of the user's own addresses, was not dismissed by the user, is not
 * a delivery failure and not an auto-reply (unless the user counts those).
 *
 * Decisions:
 * - "After": when the tracked message's id is in the list, list order (the
 *   thread's order) decides, whatever the times say; otherwise `at >
 *   sentAt`. A time in whole minutes (Gmail shows no seconds) stands for the
 *   whole minute: a reply stamped 10:12 to a message sent at 10:12:40 may
 *   have come after it, so it counts ('reply', detail 'same minute as the
 *   tracked message'). Whole seconds likewise ('same second …'). A precise
 *   time equal to sentAt is before.
 * - No time and no tracked message in the list: 'unknown-time', and it COUNTS
 *   as a reply. A wrong "replied" only moves the reminder to Replied, where
 *   the user still sees it (and can say "not a reply"); a wrong "no reply"
 *   sends a nudge about a mail that was answered, which embarrasses them in
 *   front of the person they would then chase.
 * - Bounce vs reply: any counting reply wins, before or after a bounce — if
 *   one recipient's address failed but another answered, somebody answered.
 *   A bounce with no counting reply gives 'bounced' (news the user must see).
 * - The user's own messages (follow-ups, forwards to others, their own
 *   auto-replies) never count, whichever alias they come from.
 * - The verdict names the EARLIEST counting message: the smallest `at` when
 *   every candidate has one, otherwise the first in list order.
 * - Every message gets exactly one note, in input order. Precedence: the
 *   tracked message itself / own → 'own'; before → 'before-tracked'; ignored
 *   → 'ignored-by-user'; bounce → 'bounce'; auto → 'auto-reply' (or a
 *   counting 'reply' with the auto detail when autoRepliesCount); else
 *   'reply' / 'unknown-time'.
 * - Automatic answers are read from the body's first lines, the sender and
 *   the timing as well (auto-answer/classify.ts). A certain one is noted
 *   'auto-reply' with what it said (family, return date); an uncertain one
 *   still counts, with `auto.certain` false so the explanation can say it
 *   might be automatic. Messages the user marked automatic ("that was an
 *   automatic answer") are 'auto-reply' with `auto.byUser`.
 */
import { normaliseAddress, ownAddressMatcher } from './addresses';
import { autoReplySignal, bounceSignal, type ThreadContext } from './auto-reply';
import { classifyAutoAnswer, type AutoAnswer } from './auto-answer/classify';
import { zonedParts } from '../time/zoned';
import type { AutoNote, MessageNote, MessageReason, ObservedMessage, ReplyRules, Verdict } from './types';

const MINUTE = 60_000;
const SECOND = 1_000;

/**
 * One comparable form for the ids sources give: RFC Message-IDs with or
 * without angle brackets (compared case-insensitively), and Gmail's
 * `msg-f:<decimal>` / `#msg-f:<decimal>` / legacy hex id, which are the same
 * number (`msg-f:1581064946762017791` ≡ `15f1123136926bff`).
 */
export function messageIdKey(id: string): string {
  const s = id.trim().replace(/^#/, '');
  const perm = /^msg-[fa]:(\d{1,20})$/i.exec(s);
  if (perm?.[1]) return `gmail:${BigInt(perm[1]).toString(16)}`;
  if (/^[0-9a-f]{8,16}$/i.test(s)) return `gmail:${BigInt(`0x${s}`).toString(16)}`;
  return s.replace(/^<(.*)>$/, '$1').toLowerCase();
}

type Position = 'tracked' | 'before' | 'after' | 'same-minute' | 'same-second' | 'unknown';

/** How long after `at` the message may really have come: a stamp in whole minutes stands for the whole minute, likewise seconds; 0 for a precise time. */
function precisionOf(at: number): number {
  if (at % MINUTE === 0) return MINUTE;
  if (at % SECOND === 0) return SECOND;
  return 0;
}

export function judgeReplies(messages: readonly ObservedMessage[], tracked: { sentAt: number; id?: string }, rules: ReplyRules): Verdict {
  const isOwn = ownAddressMatcher(rules);
  const trackedKey = tracked.id ? messageIdKey(tracked.id) : undefined;
  const trackedIndex = trackedKey === undefined ? -1 : messages.findIndex((m) => m.id !== undefined && messageIdKey(m.id) === trackedKey);
  const ignored = new Set(rules.ignoredIds.map(messageIdKey).filter((key) => key !== ''));
  const markedAuto = new Set((rules.autoIds ?? []).map(messageIdKey).filter((key) => key !== ''));

  const position = (m: ObservedMessage, i: number): Position => {
    if (trackedIndex >= 0) return i < trackedIndex ? 'before' : i === trackedIndex ? 'tracked' : 'after';
    // A missing or broken sentAt makes every time useless: unknown, counted (see above).
    if (m.at === undefined || !Number.isFinite(m.at) || !Number.isFinite(tracked.sentAt)) return 'unknown';
    if (m.at > tracked.sentAt) return 'after';
    const precision = precisionOf(m.at);
    if (m.at + precision > tracked.sentAt) return precision === MINUTE ? 'same-minute' : 'same-second';
    return 'before';
  };

  const own = messages.map((m, i) => i === trackedIndex || isOwn(m.from.email));
  const ownMessages = messages.filter((_, i) => own[i]);
  // What the thread is called: the tracked message's subject when we have it,
  // else whatever the user's own messages say (see ThreadContext).
  const trackedSubject = messages[trackedIndex]?.subject;
  const context: ThreadContext = {
    threadSubjects: trackedSubject ? [trackedSubject] : ownMessages.flatMap((m) => (m.subject ? [m.subject] : [])),
    addressed: new Set(ownMessages.flatMap((m) => (m.to ?? []).map((a) => normaliseAddress(a.email, false)))),
  };

  /** The user's latest own message before message i (the tracked one counts), for "answered within minutes". */
  const ownBefore: (number | undefined)[] = [];
  let lastOwn: number | undefined = trackedIndex < 0 ? tracked.sentAt : undefined;
  messages.forEach((m, i) => {
    ownBefore[i] = lastOwn;
    if (own[i] && m.at !== undefined && Number.isFinite(m.at)) lastOwn = Math.max(lastOwn ?? -Infinity, m.at);
  });
  const evidenceFor = (m: ObservedMessage, i: number) => {
    const since = ownBefore[i];
    const headerOrSubject = autoReplySignal(m, context);
    const reference = m.at ?? tracked.sentAt;
    const zone = rules.timeZone;
    return {
      ...(headerOrSubject ? { headerOrSubject } : {}),
      ...(since !== undefined && m.at !== undefined ? { afterOwnMs: m.at - since } : {}),
      // Only an answer that states a return needs its day (a zone lookup per message is not free).
      ...(zone && Number.isFinite(reference)
        ? {
            day: () => {
              const p = zonedParts(reference, zone);
              return { year: p.year, month: p.month, day: p.day };
            },
          }
        : {}),
    };
  };

  const counted: number[] = [];
  const bounces: number[] = [];
  const notes = messages.map((m, i): MessageNote => {
    const note = (reason: MessageReason, detail?: string, auto?: AutoNote): MessageNote => ({
      ...(m.id !== undefined && { id: m.id }),
      from: m.from,
      ...(m.at !== undefined && { at: m.at }),
      reason,
      ...(detail !== undefined && { detail }),
      ...(auto !== undefined && { auto }),
    });
    const where = position(m, i);
    if (where === 'tracked') return note('own', 'tracked message');
    if (own[i]) return note('own');
    if (where === 'before') return note('before-tracked');
    if (m.id !== undefined && ignored.has(messageIdKey(m.id))) return note('ignored-by-user');

    const timing = where === 'same-minute' || where === 'same-second' ? `${where.replace('-', ' ')} as the tracked message` : undefined;
    const bounce = bounceSignal(m, context);
    if (bounce) {
      bounces.push(i);
      return note('bounce', where === 'unknown' ? `${bounce}; unknown time` : bounce);
    }
    const answer = classifyAutoAnswer(m, evidenceFor(m, i));
    const byUser = m.id !== undefined && markedAuto.has(messageIdKey(m.id));
    if (byUser || (answer?.certain && !rules.autoRepliesCount)) {
      return note('auto-reply', byUser ? ['marked automatic by the user', answer?.detail].filter(Boolean).join('; ') : answer!.detail, autoNote(answer, byUser));
    }

    counted.push(i);
    const detail = [answer?.detail, timing].filter((d) => d !== undefined).join('; ') || undefined;
    const flag = answer ? autoNote(answer, false) : undefined;
    return where === 'unknown' ? note('unknown-time', detail, flag) : note('reply', detail, flag);
  });

  const reply = earliest(messages, counted);
  if (reply) return { kind: 'replied', ...about(reply), notes };
  const bounce = earliest(messages, bounces);
  if (bounce) return { kind: 'bounced', ...about(bounce), notes };
  return { kind: 'no-reply', notes };
}

/** What the note keeps of an automatic answer; nothing when only "certain" would be said (the reason says it). */
function autoNote(answer: AutoAnswer | undefined, byUser: boolean): AutoNote | undefined {
  if (!byUser && answer?.certain && !answer.family && !answer.backOn) return undefined;
  return {
    certain: byUser || (answer?.certain ?? false),
    ...(answer?.family ? { family: answer.family } : {}),
    ...(answer?.until ? { until: answer.until } : {}),
    ...(answer?.backOn ? { backOn: answer.backOn } : {}),
    ...(byUser ? { byUser: true } : {}),
  };
}

function earliest(messages: readonly ObservedMessage[], indexes: number[]): ObservedMessage | undefined {
  const candidates = indexes.map((i) => messages[i]!);
  if (!candidates.every((m) => m.at !== undefined && Number.isFinite(m.at))) return candidates[0];
  return candidates.reduce<ObservedMessage | undefined>((best, m) => (best === undefined || m.at! < best.at! ? m : best), undefined);
}

function about(m: ObservedMessage): { by: ObservedMessage['from']; at?: number; id?: string } {
  return { by: m.from, ...(m.at !== undefined && { at: m.at }), ...(m.id !== undefined && { id: m.id }) };
}
