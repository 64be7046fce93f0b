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
import type { Verdict } from './types';

/** What a print view's clock says about how its times were read. */
export function timesRead(clock: PrintClock | undefined): TimesRead {
  if (!clock || clock.basis === 'settings-zone') return 'settings-zone';
  return clock.ambiguous ? 'ambiguous' : 'calibrated';
}

export function printViewVerdict(
  html: string,
  r: Reminder,
  settings: Settings,
  opts: { now: number; hints?: readonly string[] },
): { verdict: Verdict; times: TimesRead } | { failure: CheckFailure } {
  const rules = rulesFor(r, settings.replies);
  const page = parsePrintView(html, {
    expectedAccount: r.account,
    timeZone: settings.schedule.timeZone,
    hints: opts.hints ?? [],
    now: opts.now,
    threadStart: threadStartOf(r.thread),
    // A reminder counted from its click tracks no message: nothing on the page has its time.
    ...(r.anchor === 'added' ? {} : { tracked: { sentAt: r.sentAt, isOwn: ownAddressMatcher(rules) } }),
  });
  if (!page.ok) return { failure: page.reason };
  const messages = withStableIds(page.messages);
  // Found on the page, the tracked message places every other one by the page's order (Gmail prints a
  // thread oldest first), whatever their times; otherwise times decide (whole minutes, read as such).
  const trackedId = page.clock?.basis === 'calibrated' ? messages[page.clock.trackedIndex]?.id : undefined;
  const verdict = judgeReplies(messages, { sentAt: r.sentAt, ...(trackedId ? { id: trackedId } : {}) }, rules);
  return { verdict, times: timesRead(page.clock) };
}
