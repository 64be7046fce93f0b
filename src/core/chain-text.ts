/**
 * The words for a reminder's follow-up chain in the popup and the thread
 * control (the notification's are in notification-text.ts). Pure: the
 * translator is passed in.
 */
import { chainPosition, followUpsSent, mayChain } from './chain';
import type { Translate } from './notification-text';
import { isLive, type Reminder } from './reminder';

/**
 * Where the chain stands, short: "Follow-up 2 of 3", "Last follow-up (3 of
 * 3)" ("No answer after 3 follow-ups" once that last one is due),
 * "Repeats until answered" before the first; for a replied reminder
 * that had follow-ups, that the reply ended the chain. Undefined when there
 * is nothing to say (no chain, or a single reminder that does not repeat).
 */
export function chainLabel(r: Reminder, t: Translate): string | undefined {
  const pos = chainPosition(r);
  if (!pos) return undefined;
  if (r.status === 'replied') {
    const n = followUpsSent(r);
    return n === 0 ? undefined : n === 1 ? t('chainEndedOne') : t('chainEnded', [String(n)]);
  }
  if (!isLive(r.status)) return undefined;
  if (pos.n === 0) return r.chain?.repeat ? t('chainRepeats') : undefined;
  // Its last look came and found nothing: the same words as the final notification.
  if (pos.final && r.status === 'notified') return pos.n === 1 ? t('chainNoAnswerOne') : t('chainNoAnswer', [String(pos.n)]);
  return pos.final ? t('chainLast', [String(pos.n), String(pos.of)]) : t('chainPosition', [String(pos.n), String(pos.of)]);
}

/** "Repeats until answered" / "Not repeating", for a live no-reply reminder (the toggle's state); undefined otherwise. */
export function repeatState(r: Reminder, t: Translate): string | undefined {
  if (!mayChain(r)) return undefined;
  return r.chain?.repeat ? t('chainRepeats') : t('chainNotRepeating');
}

/** Each follow-up sent, oldest first: "Follow-up 1: Thu, Mar 13, 09:00". */
export function chainHistory(r: Reminder, t: Translate, formatDate: (ms: number) => string): string[] {
  return (r.chain?.sent ?? []).map((s, i) => t('chainHistoryItem', [String(i + 1), formatDate(s.at)]));
}
