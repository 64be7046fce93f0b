/**
 * A fetched print view → the verdict for one reminder: the page read in its
 * own zone (calibrated from the tracked message, print-view/clock.ts), then
 * judged. Pure; the background fetches the page and writes the result.
 */
import { threadStartOf } from '../gmail-id-time';
import type { CheckFailure, Reminder, TimesRead } from '../reminder';
import type { Settings } from '../settings';
import { ownAddressMatcher } from './addresses';
import { judgeReplies } from './judge';
import { rulesFor, withStableIds } from './outcome';
import { parsePrintView, type PrintClock } from './print-view';
import type { ObservedMessage, Verdict } from './types';

/** What a print view's clock says about how its times were read. */
export function timesRead(clock: PrintClock | undefined): TimesRead {
  if (!clock || clock.basis === 'settings-zone') return 'settings-zone';
  return clock.ambiguous ? 'ambiguous' : 'calibrated';
}

/** A print view read for one reminder: its messages with stable ids, where the reminder's own message is, how times were read. */
export interface PrintViewLook {
  messages: ObservedMessage[];
  trackedId?: string;
  times: TimesRead;
}

export function readPrintView(
  html: string,
  r: Reminder,
  settings: Settings,
  opts: { now: number; hints?: readonly string[] },
): PrintViewLook | { failure: CheckFailure } {
  const rules = rulesFor(r, settings.replies, settings.schedule.timeZone);
  // The message the reminder tracks: the user's own send, or for an owed reply the message received from the other person.
  const from = r.thread.recipients[0]?.email.trim().toLowerCase();
  const isTrackedSender = r.kind === 'owed-reply' ? (email: string) => from !== undefined && email.trim().toLowerCase() === from : ownAddressMatcher(rules);
  const page = parsePrintView(html, {
    expectedAccount: r.account,
    timeZone: settings.schedule.timeZone,
    hints: opts.hints ?? [],
    now: opts.now,
    threadStart: threadStartOf(r.thread),
    // A reminder counted from its click tracks no message: nothing on the page has its time.
    ...(r.anchor === 'added' || (r.kind === 'owed-reply' && from === undefined) ? {} : { tracked: { sentAt: r.sentAt, isOwn: isTrackedSender } }),
  });
  if (!page.ok) return { failure: page.reason };
  const messages = withStableIds(page.messages);
  // Found on the page, the tracked message places every other one by the page's order (Gmail prints a
  // thread oldest first), whatever their times; otherwise times decide (whole minutes, read as such).
  const trackedId = page.clock?.basis === 'calibrated' ? messages[page.clock.trackedIndex]?.id : undefined;
  return { messages, ...(trackedId ? { trackedId } : {}), times: timesRead(page.clock) };
}

/** The no-reply verdict of a print view (reminders of every kind are judged through by-kind.ts judgeLook). */
export function printViewVerdict(
  html: string,
  r: Reminder,
  settings: Settings,
  opts: { now: number; hints?: readonly string[] },
): { verdict: Verdict; times: TimesRead } | { failure: CheckFailure } {
  const look = readPrintView(html, r, settings, opts);
  if ('failure' in look) return look;
  const rules = rulesFor(r, settings.replies, settings.schedule.timeZone);
  const verdict = judgeReplies(look.messages, { sentAt: r.sentAt, ...(look.trackedId ? { id: look.trackedId } : {}) }, rules);
  return { verdict, times: look.times };
}
