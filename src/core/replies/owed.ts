/**
 * judgeOwed: has the user answered a thread they owe a reply to?
 *
 * An `owed-reply` reminder is armed on a received message (its time is the
 * reminder's `sentAt`, "received at"). It ends when the user writes in the
 * thread after the last message of the others; nothing the others write
 * ever ends it.
 *
 * Decisions:
 * - "Answered": the user's own message (account or alias, as judgeReplies
 *   reads them) comes after the last counting message of the others in the
 *   thread's order, and not before the received message (list order when
 *   that message is in the list, else its time). The answer named is
 *   the first such own message.
 * - The user's own automatic messages (their vacation responder's "Out of
 *   office", Auto-Submitted headers) do not answer anybody. Neither does an
 *   own message the user said was not their answer (`ignoredIds`).
 * - The others' automatic answers and delivery failures are not "the last
 *   message of the others": an out-of-office sent back in reply to the
 *   user's answer does not put the debt back.
 * - A list with no message of the others at all (a source that showed too
 *   little) decides by time alone: an own message after the received one.
 * - An own message without a time never answers: a Gmail tab shows drafts
 *   and messages still syncing that way. The confirmed send (the send
 *   tracker) or the next look decides instead.
 * - Messages of the others after the received one are news, not an answer:
 *   the verdict stays `owed` and names the latest of them (`wroteAgain`).
 *
 * Every message gets one note: own answer → 'own' (detail 'answer'); other
 * own → 'own'; own automatic → 'auto-reply'; theirs up to the received one →
 * 'before-tracked'; theirs after → 'reply' (detail 'wrote again'); their
 * automatic or bounced → 'auto-reply' / 'bounce'.
 */
import { normaliseAddress, ownAddressMatcher } from './addresses';
import { autoReplySignal, bounceSignal, type ThreadContext } from './auto-reply';
import { messageIdKey } from './judge';
import type { Address } from '../reminder';
import type { MessageNote, MessageReason, ObservedMessage, ReplyRules } from './types';

const MINUTE = 60_000;

export type OwedVerdict =
  | { kind: 'answered'; by: Address; at?: number; id?: string; notes: MessageNote[] }
  | { kind: 'owed'; notes: MessageNote[]; wroteAgain?: { by: Address; at?: number } };

export interface Received {
  /** When the owed message arrived (ms). */
  receivedAt: number;
  /** Its id as the source keys it, when known: list order then decides "after". */
  id?: string;
}

export function judgeOwed(messages: readonly ObservedMessage[], received: Received, rules: ReplyRules): OwedVerdict {
  const isOwn = ownAddressMatcher(rules);
  const own = messages.map((m) => isOwn(m.from.email));
  const ignored = new Set(rules.ignoredIds.map(messageIdKey).filter((k) => k !== ''));
  const receivedKey = received.id ? messageIdKey(received.id) : undefined;
  const receivedIndex = receivedKey === undefined ? -1 : messages.findIndex((m) => m.id !== undefined && messageIdKey(m.id) === receivedKey);

  // A subject that only repeats what the others called the thread is no automatic signal for an own message, and vice versa.
  const context = (mine: boolean): ThreadContext => ({
    threadSubjects: messages.flatMap((m, i) => (own[i] !== mine && m.subject ? [m.subject] : [])),
    addressed: new Set(messages.flatMap((m, i) => (own[i] ? m.to.map((a) => normaliseAddress(a.email, false)) : []))),
  });
  const theirContext = context(false);
  const ownContext = context(true);

  /** Up to the received message: by list order when it is in the list, else by time (a message without one claims nothing). */
  const upToReceived = (m: ObservedMessage, i: number): boolean => {
    if (receivedIndex >= 0) return i <= receivedIndex;
    // A whole-minute stamp of the received message's own minute starts before it: not "later".
    return m.at === undefined || !Number.isFinite(m.at) || m.at <= received.receivedAt;
  };
  /** Certainly written before the received message arrived (a stamp stands for its whole minute). */
  const surelyBefore = (m: ObservedMessage): boolean =>
    m.at !== undefined && Number.isFinite(m.at) && m.at + (m.at % MINUTE === 0 ? MINUTE : 0) <= received.receivedAt;

  const theirSignal = messages.map((m, i) => (own[i] ? undefined : bounceSignal(m, theirContext) ?? autoReplySignal(m, theirContext)));
  const ownAuto = messages.map((m, i) => (own[i] ? autoReplySignal(m, ownContext) : undefined));
  const isIgnored = (m: ObservedMessage) => m.id !== undefined && ignored.has(messageIdKey(m.id));

  let lastTheirs = -1;
  messages.forEach((_, i) => {
    if (!own[i] && theirSignal[i] === undefined) lastTheirs = i;
  });

  const answers = messages.flatMap((m, i) => {
    if (!own[i] || ownAuto[i] !== undefined || isIgnored(m)) return [];
    if (i < lastTheirs || (receivedIndex >= 0 ? i < receivedIndex : surelyBefore(m))) return [];
    // An own message without a time is not yet sent as far as the source knows (a Gmail tab shows a draft or a
    // message still syncing that way): the confirmed send, or the next look, decides.
    if (m.at === undefined || !Number.isFinite(m.at)) return [];
    return [i];
  });
  const answer = answers[0];

  const notes = messages.map((m, i): MessageNote => {
    const note = (reason: MessageReason, detail?: string): MessageNote => ({
      ...(m.id !== undefined && { id: m.id }),
      from: m.from,
      ...(m.at !== undefined && { at: m.at }),
      reason,
      ...(detail !== undefined && { detail }),
    });
    if (own[i]) {
      if (ownAuto[i] !== undefined) return note('auto-reply', ownAuto[i]);
      if (isIgnored(m)) return note('ignored-by-user');
      return note('own', i === answer ? 'answer' : undefined);
    }
    const signal = theirSignal[i];
    if (signal !== undefined) return note(bounceSignal(m, theirContext) ? 'bounce' : 'auto-reply', signal);
    return upToReceived(m, i) ? note('before-tracked') : note('reply', 'wrote again');
  });

  if (answer !== undefined) {
    const m = messages[answer]!;
    return { kind: 'answered', by: m.from, ...(m.at !== undefined && { at: m.at }), ...(m.id !== undefined && { id: m.id }), notes };
  }
  const again = notes.reduce<number>((latest, n, i) => (n.reason === 'reply' ? i : latest), -1);
  if (again < 0) return { kind: 'owed', notes };
  const m = messages[again]!;
  return { kind: 'owed', notes, wroteAgain: { by: m.from, ...(m.at !== undefined && { at: m.at }) } };
}
