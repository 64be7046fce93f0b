/**
 * Waiting reminders as an iCalendar file (RFC 5545), so they can be seen in
 * a calendar. Pure: text in, text out. Mail text is untrusted: every value
 * is escaped, control characters are dropped, and long lines are folded
 * without splitting a UTF-8 character.
 */
import { threadUrl } from '../gmail-links';
import { isWaiting, type Address, type Reminder, type ReminderKind } from '../reminder';
import { chainPosition } from '../chain';

export const EVENT_MINUTES = 15;
const MAX_OCTETS = 75;
const CRLF = '\r\n';

export interface IcsOptions {
  /** DTSTAMP of every event: when the file was made. */
  now: number;
  /** For PRODID, e.g. `0.1.0`. */
  extensionVersion?: string;
}

/** One VEVENT per pending or snoozed reminder, earliest first. */
export function remindersToIcs(reminders: readonly Reminder[], { now, extensionVersion = '' }: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Follow-Through//Follow-Through${extensionVersion ? ` ${escapeText(extensionVersion)}` : ''}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const waiting = reminders
    .filter((r) => isWaiting(r.status) && utcStamp(r.dueAt) !== undefined)
    .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  const stamp = utcStamp(now) ?? '19700101T000000Z';
  for (const r of waiting) {
    const url = threadUrl(r);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(r.id)}@follow-through`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(r.dueAt)!}`,
      `DURATION:PT${EVENT_MINUTES}M`,
      `SUMMARY:${escapeText(`${summaryPrefix(r)}: ${r.thread.subject}`)}`,
      // The reminder's kind, machine-readable: no-reply, owed-reply, always.
      `CATEGORIES:${escapeText(r.kind)}`,
      `X-FOLLOW-THROUGH-KIND:${escapeText(r.kind)}`,
      `DESCRIPTION:${escapeText(describe(r, url))}`,
      // A URI value is not TEXT: no escaping, but it must not carry a line break (threadUrl percent-encodes).
      `URL:${url.replace(/[\u0000-\u0020\u007f]/g, '')}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

/** What a calendar entry's title starts with, per kind. */
const SUMMARY_PREFIX: Record<ReminderKind, string> = { 'no-reply': 'Follow up', 'owed-reply': 'Reply to', always: 'Reminder' };

/**
 * What the event is: in a follow-up chain, the follow-up its time is due for
 * ("Follow-up 2 of 3"), after the last planned one the last look.
 */
function summaryPrefix(r: Reminder): string {
  const pos = r.kind === 'no-reply' ? chainPosition(r) : undefined;
  if (!pos || (!r.chain?.repeat && pos.n === 0)) return SUMMARY_PREFIX[r.kind];
  if (pos.final) return `Last look after ${pos.n} follow-up${pos.n === 1 ? '' : 's'}`;
  return `Follow-up ${pos.n + 1} of ${pos.of}`;
}

function describe(r: Reminder, url: string): string {
  const to = r.thread.recipients.map(formatAddress).join(', ') || '(no recipients)';
  // An owed reply names who waits for the user's answer (the sender first).
  const who = r.kind === 'owed-reply' ? `You owe a reply to: ${to}` : `To: ${to}`;
  // Regardless of replies: a reply in the thread does not cancel this entry.
  const kind = r.kind === 'always' ? ['Regardless of replies'] : [];
  return [who, ...kind, `Account: ${r.account}`, ...chainLines(r), `Open in Gmail: ${url}`].join('\n');
}

/** The chain's state and each follow-up sent (UTC, as DTSTART). */
function chainLines(r: Reminder): string[] {
  if (r.kind !== 'no-reply' || !r.chain) return [];
  const lines = [r.chain.repeat ? `Repeats until answered (at most ${r.chain.cap} follow-ups)` : 'Not repeating'];
  if (r.chain.sent.length > 0) lines.push(`Follow-ups sent: ${r.chain.sent.map((s) => new Date(s.at).toISOString()).join(', ')}`);
  return lines;
}

const formatAddress = (a: Address) => (a.name?.trim() ? `${a.name.trim()} <${a.email}>` : a.email);

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
 * any line break as `\n`, other control characters (which TEXT may not
 * hold) as a space.
 */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, ' ');
}

/**
 * Folds a content line (§3.1): at most 75 octets per line, continuation
 * lines start with one space (counted in their 75). Splits only between
 * code points, never inside a UTF-8 sequence or a surrogate pair.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/** `20250310T120000Z`; undefined outside years 0000–9999, which iCalendar cannot write. */
function utcStamp(ms: number): string | undefined {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) return undefined;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(year, 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
