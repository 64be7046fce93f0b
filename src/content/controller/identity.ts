import { permIdToHex, type Address, type ThreadIdentity } from '../../core/reminder';
import type { SentMessage } from '../gmail/sync-response';

/** The ids of the thread on screen, when the compose was an inline reply. */
export interface ThreadContext {
  threadId?: string;
  permThreadId?: string;
  subject: string;
}

const MAX_SUBJECT = 2000;

/**
 * The thread identity of a sent message, from the best sources first:
 * Gmail's own send response (server ids, RFC Message-ID), then the thread
 * view the inline reply was written in. Undefined when nothing identifies
 * the thread: then no reminder can be stored for it.
 */
export function threadIdentityFor(
  compose: { subject: string; recipients: Address[] },
  sent: SentMessage | undefined,
  context: ThreadContext | undefined,
): ThreadIdentity | undefined {
  const permThreadId = sent?.permThreadId ?? validPermId(context?.permThreadId);
  const threadId = sent?.threadId ?? context?.threadId ?? permIdToHex(permThreadId);
  const messageId = sent?.rfcMessageId;
  if (!threadId && !permThreadId && !messageId) return undefined;

  const recipients = sent?.recipients.length ? sent.recipients : compose.recipients;
  return {
    provider: 'gmail',
    ...(threadId ? { threadId: threadId.toLowerCase() } : {}),
    ...(permThreadId ? { permThreadId } : {}),
    ...(messageId ? { messageId } : {}),
    subject: (sent?.subject || compose.subject || context?.subject || '').slice(0, MAX_SUBJECT),
    recipients: dedupe(recipients),
  };
}

function validPermId(id: string | undefined): string | undefined {
  return id && permIdToHex(id) ? id : undefined;
}

function dedupe(list: readonly Address[]): Address[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = a.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
