/**
 * What a Gmail tab shows of a tracked thread, as `thread.observed` wants it:
 * the background judges replies from it without asking Gmail. Header data
 * the thread view read (sender, recipients, ids) goes out, with the first
 * lines of each expanded body (capped at MAX_BODY_CHARS) so automatic
 * answers can be told from people; a collapsed message says so.
 */

import { isLive, type Reminder } from '../../core/reminder';
import { MAX_BODY_CHARS } from '../../core/replies/auto-answer/text';
import type { ObservedMessage } from '../../core/replies/types';
import { legacyHexOf, threadTimes } from '../gmail/message-time';
import type { ThreadMessage, VisibleThread } from '../gmail/thread-view';
import type { ContentDeps } from './deps';

export { legacyIdTime } from '../gmail/message-time';
/** The request schema's limits. */
const MAX_MESSAGES = 500;
const MAX_RECIPIENTS = 500;
/** Distinct message sets remembered per tab before the memory starts over (a repeat only costs one request). */
const MAX_REMEMBERED = 200;

/**
 * One message as the judge reads it; undefined when its sender could not be
 * read. `at`: its time (message-time.ts); without one, the time its id gives.
 */
export function observedMessage(m: ThreadMessage, time?: number): ObservedMessage | undefined {
  if (!m.from) return undefined;
  const legacy = legacyHexOf(m);
  // The legacy hex and `msg-f:<decimal>` are the same number; the decimal form is what Gmail's own ids look like.
  const id = legacy ? `msg-f:${BigInt(`0x${legacy}`).toString(10)}` : m.messageId;
  const at = time ?? threadTimes([m])[0]!.at;
  return {
    from: m.from,
    to: m.recipients.slice(0, MAX_RECIPIENTS),
    ...(at !== undefined ? { at } : {}),
    ...(id ? { id } : {}),
    ...(m.text ? { text: m.text.slice(0, MAX_BODY_CHARS) } : {}),
    ...(m.bodyHidden ? { bodyHidden: true } : {}),
  };
}

/**
 * The thread's messages, or undefined when there is nothing safe to say:
 * no messages, or one whose sender is unreadable — that one could be the
 * reply, and a thread judged without it would look unanswered; the print
 * view decides instead.
 */
export function observedMessages(messages: readonly ThreadMessage[], hints: readonly string[] = browserZone()): ObservedMessage[] | undefined {
  const out: ObservedMessage[] = [];
  const times = threadTimes(messages, hints);
  for (const [i, m] of messages.entries()) {
    const o = observedMessage(m, times[i]!.at);
    if (!o) return undefined;
    out.push(o);
  }
  // Newest last: beyond the limit the oldest matter least (they are before the tracked message).
  return out.length > 0 ? out.slice(-MAX_MESSAGES) : undefined;
}

/** Gmail's UI shows times in the browser's zone as a rule: the first zone to try for its date titles. */
export function browserZone(): string[] {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone ? [zone] : [];
  } catch {
    return [];
  }
}

/** Only a reminder still waiting can be resolved by what the tab shows. */
export function isObservable(reminder: Reminder | null): reminder is Reminder {
  return !!reminder && isLive(reminder.status);
}

/**
 * Sends what the tab shows of a thread, at most once per distinct message
 * set (re-renders and reloads repeat the same set). Resolves to the
 * reminders the background resolved from it; errors are swallowed (the
 * background's own checks still run).
 */
export function createThreadObserver(deps: ContentDeps) {
  const sent = new Set<string>();
  return async function observe(account: string, thread: VisibleThread, messages: readonly ThreadMessage[]): Promise<Reminder[]> {
    const observed = observedMessages(messages);
    if (!observed || !(thread.threadId || thread.permThreadId)) return [];
    const key = [account, thread.threadId, thread.permThreadId, ...observed.map((m) => `${m.id ?? ''}|${m.from.email}|${m.at ?? ''}|${m.text?.length ?? (m.bodyHidden ? 'hidden' : '')}`)].join('\n');
    if (sent.has(key)) return [];
    if (sent.size >= MAX_REMEMBERED) sent.clear();
    sent.add(key);
    try {
      const { resolved } = await deps.request('thread.observed', {
        account,
        ...(thread.threadId ? { threadId: thread.threadId } : {}),
        ...(thread.permThreadId ? { permThreadId: thread.permThreadId } : {}),
        messages: observed,
      });
      return resolved;
    } catch (error) {
      // Not remembered: the next new message (or visit) tries again.
      sent.delete(key);
      deps.warnOnce('thread observation failed', error);
      return [];
    }
  };
}

export type ThreadObserver = ReturnType<typeof createThreadObserver>;
