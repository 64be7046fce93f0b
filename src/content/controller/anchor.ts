/**
 * What a reminder added to an open thread counts from. Counting from the
 * click would date the user's own message (sent hours or days ago) after
 * nothing and leave the reply check nothing to calibrate against; so when
 * the thread's newest message is the user's own, the reminder tracks that
 * message, with the send time its Gmail id holds. When the newest message is
 * somebody else's there is no message of the user's to wait on an answer
 * to: it counts from the click, and says so (anchor 'added').
 */
import type { Anchor } from '../../core/reminder';
import { ownAddressMatcher } from '../../core/replies/addresses';
import { ownAddressesOf } from '../../core/replies/outcome';
import type { Settings } from '../../core/settings';
import { threadTimes } from '../gmail/message-time';
import type { ThreadMessage } from '../gmail/thread-view';

/** A message "sent" later than this after the click is not a time we believe. */
const FUTURE_SLACK_MS = 5 * 60_000;

export function anchorFor(
  messages: readonly ThreadMessage[],
  account: string,
  replies: Pick<Settings['replies'], 'aliases' | 'plusAddressing'>,
  now: number,
  hints: readonly string[] = [],
): { sentAt: number; anchor: Anchor } {
  const last = messages.at(-1);
  const isOwn = ownAddressMatcher({ ownAddresses: ownAddressesOf(account, replies), plusAddressing: replies.plusAddressing });
  if (last?.from && isOwn(last.from.email)) {
    const at = threadTimes(messages, hints).at(-1)?.at;
    if (at !== undefined && at <= now + FUTURE_SLACK_MS) return { sentAt: at, anchor: 'message' };
  }
  return { sentAt: now, anchor: 'added' };
}
