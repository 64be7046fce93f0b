import { permIdToHex, type Reminder } from './reminder';

const GMAIL = 'https://mail.google.com/mail/';

/**
 * The URL that opens the reminder's thread in the right account. `/u/N`
 * changes when accounts are added or removed, `authuser=<email>` does not.
 */
export function threadUrl(r: Pick<Reminder, 'account' | 'thread'>): string {
  const base = `${GMAIL}?authuser=${encodeURIComponent(r.account)}`;
  const hex = r.thread.threadId?.toLowerCase() || permIdToHex(r.thread.permThreadId);
  if (hex) return `${base}#all/${hex}`;
  if (r.thread.messageId) return `${base}#search/${encodeURIComponent(`rfc822msgid:${r.thread.messageId}`)}`;
  return `${base}#inbox`;
}
