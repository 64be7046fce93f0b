/**
 * What a Gmail tab shows of a tracked thread, as `thread.observed` wants it:
 * the background judges replies from it without asking Gmail. Only header
 * data the thread view already read (sender, recipients, ids) goes out;
 * bodies are never read.
 */

import { isLive, type Reminder } from '../../core/reminder';
import type { ObservedMessage } from '../../core/replies/types';
import { hexId } from '../gmail/ids';
import type { ThreadMessage, VisibleThread } from '../gmail/thread-view';
import type { ContentDeps } from './deps';

const MIN_AT = Date.UTC(2000, 0, 1);
const MAX_AT = Date.UTC(2100, 0, 1);
/** The request schema's limits. */
const MAX_MESSAGES = 500;
const MAX_RECIPIENTS = 500;
/** Distinct message sets remembered per tab before the memory starts over (a repeat only costs one request). */
const MAX_REMEMBERED = 200;

/**
 * A legacy message id's send time: Gmail's legacy ids are the server time
 * in ms shifted left by 20 bits (see sync-response.ts). A value outside
 * 2000–2100 means the id is not one of those, so no time is claimed.
 */
export function legacyIdTime(legacy: string | undefined): number | undefined {
  const hex = hexId(legacy);
  if (!hex) return undefined;
  const ms = Number(BigInt(`0x${hex}`) >> 20n);
  return ms >= MIN_AT && ms < MAX_AT ? ms : undefined;
}

/** One message as the judge reads it; undefined when its sender could not be read. */
export function observedMessage(m: ThreadMessage): ObservedMessage | undefined {
  if (!m.from) return undefined;
  const legacy = hexId(m.legacyMessageId);
  // The legacy hex and `msg-f:<decimal>` are the same number; the decimal form is what Gmail's own ids look like.
  const id = legacy ? `msg-f:${BigInt(`0x${legacy}`).toString(10)}` : m.messageId;
  const at = legacyIdTime(legacy);
  return {
    from: m.from,
    to: m.recipients.slice(0, MAX_RECIPIENTS),
    ...(at !== undefined ? { at } : {}),
    ...(id ? { id } : {}),
  };
}

/**
 * The thread's messages, or undefined when there is nothing safe to say:
 * no messages, or one whose sender is unreadable — that one could be the
 * reply, and a thread judged without it would look unanswered; the print
 * view decides instead.
 */
export function observedMessages(messages: readonly ThreadMessage[]): ObservedMessage[] | undefined {
  const out: ObservedMessage[] = [];
  for (const m of messages) {
    const o = observedMessage(m);
    if (!o) return undefined;
    out.push(o);
  }
  // Newest last: beyond the limit the oldest matter least (they are before the tracked message).
  return out.length > 0 ? out.slice(-MAX_MESSAGES) : undefined;
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
    const key = [account, thread.threadId, thread.permThreadId, ...observed.map((m) => `${m.id ?? ''}|${m.from.email}|${m.at ?? ''}`)].join('\n');
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
