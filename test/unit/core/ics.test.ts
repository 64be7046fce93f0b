import { describe, expect, it } from 'vitest';
import { escapeText, fold, remindersToIcs } from '../../../src/core/backup/ics';
import { threadUrl } from '../../../src/core/gmail-links';
import { plain, richReminders, T0 } from './backup-fixtures';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** RFC 5545 §3.1 unfolding: CRLF followed by one space or tab joins lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The unfolded content lines (the file ends with a CRLF). */
function contentLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  return unfold(ics).slice(0, -2).split('\r\n');
}

/** The inverse of TEXT escaping, to compare values with what went in. */
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of contentLines(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = undefined;
    } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

describe('escapeText', () => {
  it.each([
    ['a, b', 'a\\, b'],
    ['a; b', 'a\\; b'],
    ['C:\\path', 'C:\\\\path'],
    ['line 1\nline 2', 'line 1\\nline 2'],
    ['line 1\r\nline 2', 'line 1\\nline 2'],
    ['line 1\rline 2', 'line 1\\nline 2'],
    ['tab\there', 'tab\there'],
    ['nul\u0000bell\u0007del\u007f', 'nul bell del '],
    ['a\u2028b', 'a\\nb'],
    ['\\n is not a newline', '\\\\n is not a newline'],
    ['colon: "quotes" stay', 'colon: "quotes" stay'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('fold', () => {
  it('leaves a line of 75 octets alone', () => {
    expect(fold('x'.repeat(75))).toBe('x'.repeat(75));
  });

  it('folds at 75 octets, continuation lines starting with a space', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(3);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(parts[0]).toHaveLength(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it.each([
    ['two-octet ü', 'ü'],
    ['three-octet 你', '你'],
    ['four-octet emoji', '🎉'],
    ['a ZWJ family', '👨‍👩‍👧'],
    ['mixed', 'aü你🎉'],
  ])('never splits a UTF-8 character: %s', (_label, unit) => {
    for (let prefix = 0; prefix < 8; prefix++) {
      const line = `SUMMARY:${'x'.repeat(prefix)}${unit.repeat(60)}`;
      const folded = fold(line);
      for (const part of folded.split('\r\n')) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        // A split inside a sequence would leave a lone surrogate or re-encode as U+FFFD.
        expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(part))).toBe(part);
        expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
      expect(unfold(folded)).toBe(line);
    }
  });
});

describe('remindersToIcs', () => {
  const ics = remindersToIcs(richReminders(), { now: T0, extensionVersion: '0.1.0' });

  it('is a calendar with an event for each pending or snoozed reminder, earliest first', () => {
    const lines = contentLines(ics);
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Follow-Through//Follow-Through 0.1.0//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    // rem-3 snoozed (due T0 + 3 days), rem-6 pending (T0 + 6 min + 1 day); replied/notified/done/cancelled are left out.
    expect(events(ics).map((e) => e.UID)).toEqual(['rem-6@follow-through', 'rem-3@follow-through']);
  });

  it('uses CRLF only, and no line is longer than 75 octets', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('describes each event: times in UTC, 15 minutes, subject, recipients, link', () => {
    const r = plain(7, { dueAt: Date.parse('2025-03-13T14:05:09.123Z') });
    const [event] = events(remindersToIcs([r], { now: Date.parse('2025-03-10T12:00:00Z') }));
    expect(event).toEqual({
      UID: 'rem-7@follow-through',
      DTSTAMP: '20250310T120000Z',
      DTSTART: '20250313T140509Z',
      DURATION: 'PT15M',
      SUMMARY: 'Follow up: Quote for project 7',
      CATEGORIES: 'no-reply',
      'X-FOLLOW-THROUGH-KIND': 'no-reply',
      DESCRIPTION: `To: Client 7 <client7@example.com>\\nAccount: me@example.com\\nOpen in Gmail: ${threadUrl(r)}`,
      URL: threadUrl(r),
    });
  });

  it('keeps a hostile subject inside its own property', () => {
    const [awkward] = events(ics);
    const subject = richReminders()[5]!.thread.subject;
    // The injected END:VEVENT/BEGIN:VEVENT stayed text: still exactly two events, all properties known.
    expect(events(ics)).toHaveLength(2);
    expect(Object.keys(awkward!)).toEqual(['UID', 'DTSTAMP', 'DTSTART', 'DURATION', 'SUMMARY', 'CATEGORIES', 'X-FOLLOW-THROUGH-KIND', 'DESCRIPTION', 'URL']);
    expect(awkward!.SUMMARY).toBe(
      'Follow up: Re: a\\, b\\; c \\\\ d\\nEND:VEVENT\\nBEGIN:VEVENT "</script>" \u202eevil\u202c 🎉 Grüße 你好',
    );
    expect(unescape(awkward!.SUMMARY!)).toBe(`Follow up: ${subject.replace(/\r\n/g, '\n')}`);
    expect(unescape(awkward!.DESCRIPTION!).split('\n')[0]).toBe('To: Doe, Ann; "CEO" <ann@example.com>, bob@example.com');
  });

  it('carries the kind: an owed reply reads "Reply to" and names who waits for the answer', () => {
    const r = { ...plain(9), kind: 'owed-reply' as const };
    const [event] = events(remindersToIcs([r], { now: T0 }));
    expect(event).toMatchObject({ SUMMARY: 'Reply to: Quote for project 9', CATEGORIES: 'owed-reply', 'X-FOLLOW-THROUGH-KIND': 'owed-reply' });
    expect(unescape(event!.DESCRIPTION!).split('\n')[0]).toBe('You owe a reply to: Client 9 <client9@example.com>');
  });

  it('folds a long multi-byte subject without breaking a character', () => {
    const r = plain(8, { thread: { ...plain(8).thread, subject: 'Grüße aus 東京 🎌 '.repeat(20) } });
    const out = remindersToIcs([r], { now: T0 });
    for (const line of out.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    }
    expect(unescape(events(out)[0]!.SUMMARY!)).toBe(`Follow up: ${r.thread.subject}`);
  });

  it('is an empty calendar when nothing waits', () => {
    expect(remindersToIcs([], { now: T0 })).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Follow-Through//Follow-Through//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
  });

  it('leaves out a due time iCalendar cannot write', () => {
    expect(events(remindersToIcs([plain(9, { dueAt: 8.64e15 })], { now: T0 }))).toEqual([]);
  });
});

describe('follow-up chains in the calendar', () => {
  const chain = (sent: number, over: Partial<NonNullable<ReturnType<typeof plain>['chain']>> = {}) => ({
    repeat: true,
    steps: [3, 7, 14],
    cap: 3,
    sent: Array.from({ length: sent }, (_, i) => ({ at: T0 + i * 86_400_000 })),
    ...over,
  });

  it('the event sits at the next due and says which follow-up it is, with each one sent', () => {
    const r = plain(1, { dueAt: T0 + 9 * 86_400_000, chain: chain(1) });
    const [e] = events(remindersToIcs([r], { now: T0 }));
    expect(e!['DTSTART']).toBe('20250319T120000Z');
    expect(unescape(e!['SUMMARY']!)).toBe('Follow-up 2 of 3: Quote for project 1');
    expect(unescape(e!['DESCRIPTION']!)).toContain('Repeats until answered (at most 3 follow-ups)\nFollow-ups sent: 2025-03-10T12:00:00.000Z\n');
  });

  it('a repeating chain before any follow-up is "Follow-up 1 of 3"; after the last, the last look; no chain or not repeating: as before', () => {
    const summary = (r: ReturnType<typeof plain>) => unescape(events(remindersToIcs([r], { now: T0 }))[0]!['SUMMARY']!);
    expect(summary(plain(1, { chain: chain(0) }))).toBe('Follow-up 1 of 3: Quote for project 1');
    expect(summary(plain(1, { chain: chain(3) }))).toBe('Last look after 3 follow-ups: Quote for project 1');
    expect(summary(plain(1, { chain: chain(1, { cap: 1 }) }))).toBe('Last look after 1 follow-up: Quote for project 1');
    expect(summary(plain(1))).toBe('Follow up: Quote for project 1');
    expect(summary(plain(1, { chain: chain(0, { repeat: false }) }))).toBe('Follow up: Quote for project 1');
    expect(unescape(events(remindersToIcs([plain(1, { chain: chain(0, { repeat: false }) })], { now: T0 }))[0]!['DESCRIPTION']!)).toContain('Not repeating');
  });
});
