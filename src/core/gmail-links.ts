import { permIdToHex, type Reminder } from './reminder';

const GMAIL = 'https://mail.google.com/mail/';

/**
 * The URL that opens the reminder's thread in the right account. `/u/N`
 * changes when accounts are added or removed, `authuser=<email>` does not.
 */
export function threadUrl(r: Pick<Reminder, 'account' | 'thread'>): string {
  return `${GMAIL}?authuser=${encodeURIComponent(r.account)}${threadHash(r)}`;
}

/** Where the thread is inside a Gmail tab of its account: the part after `#`. */
export function threadHash(r: Pick<Reminder, 'thread'>): string {
  const hex = r.thread.threadId?.toLowerCase() || permIdToHex(r.thread.permThreadId);
  if (hex) return `#all/${hex}`;
  if (r.thread.messageId) return `#search/${encodeURIComponent(`rfc822msgid:${r.thread.messageId}`)}`;
  return '#inbox';
}
