/**
 * Which reminder the thread control offers: "remind me to reply" when the
 * newest message of the open thread is someone else's, "remind me if no
 * reply" otherwise. The user's aliases count as the user, as in the reply
 * rules.
 */
import type { Address, ThreadIdentity } from '../../core/reminder';
import { ownAddressMatcher } from '../../core/replies/addresses';
import { ownAddressesOf } from '../../core/replies/outcome';
import type { ReplyPrefs } from '../../core/settings';
import type { ThreadMessage, VisibleThread } from '../gmail/thread-view';
import { legacyIdTime } from './observe-thread';

export interface Offer {
  kind: 'no-reply' | 'owed-reply';
  /** The message owed a reply (an owed reply). */
  received?: ThreadMessage & { from: Address };
}

export function ownMatcher(account: string, settings: { replies: Pick<ReplyPrefs, 'aliases' | 'plusAddressing'> }): (email: string) => boolean {
  return ownAddressMatcher({ ownAddresses: ownAddressesOf(account, settings.replies), plusAddressing: settings.replies.plusAddressing });
}

export function offerFor(messages: readonly ThreadMessage[], isOwn: (email: string) => boolean): Offer {
  const last = messages.at(-1);
  // An unreadable sender claims nothing: the control offers what it always did.
  if (!last?.from || isOwn(last.from.email)) return { kind: 'no-reply' };
  return { kind: 'owed-reply', received: last as ThreadMessage & { from: Address } };
}

/** The thread as an owed reply remembers it: who wrote (first), who else was on that message, when it came. */
export function owedIdentity(
  thread: VisibleThread,
  received: ThreadMessage & { from: Address },
  isOwn: (email: string) => boolean,
  now: number,
): { thread: ThreadIdentity; sentAt: number } {
  const people = [received.from, ...received.recipients.filter((a) => !isOwn(a.email))];
  const recipients = [...new Map(people.map((a) => [a.email.toLowerCase(), a])).values()];
  return {
    thread: {
      provider: 'gmail',
      ...(thread.threadId ? { threadId: thread.threadId } : {}),
      ...(thread.permThreadId ? { permThreadId: thread.permThreadId } : {}),
      subject: thread.subject.slice(0, 2000),
      recipients: recipients.slice(0, 500),
    },
    // A message without a legacy id (just arrived, not synced): now is the closest honest time.
    sentAt: legacyIdTime(received.legacyMessageId) ?? now,
  };
}
