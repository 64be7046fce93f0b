import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyPrintViewResponse,
  MAX_PRINT_VIEW_CHARS,
  MAX_PRINT_VIEW_DEPTH,
  parsePrintView,
  printViewUrl,
  type PrintViewResult,
} from '../../../src/core/replies/print-view';
import { parsePrintDate } from '../../../src/core/replies/print-view/dates';
import { parseAddressList } from '../../../src/core/replies/print-view/text';
import {
  LONG_THREAD_ACCOUNT,
  LONG_THREAD_SUBJECT,
  LONG_THREAD_ZONE,
  longThreadHtml,
  longThreadMessages,
} from '../../fixtures/gmail/print-view/long-thread';

const DIR = new URL('../../fixtures/gmail/print-view/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

const JANE = 'jane.doe@gmail.com';
const NY = 'America/New_York';

/** Header fields only: the body's first lines (`text`) are asserted on their own. */
const headersOf = <T extends { text?: string }>(messages: T[]) => messages.map(({ text: _text, ...rest }) => rest);
const withoutBodies = (r: PrintViewResult) => (r.ok ? { ...r, messages: headersOf(r.messages) } : r);

function ok(r: PrintViewResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}: ${r.detail}`);
  return r;
}

/** A print-view page in the fixtures' shape, for variants. */
function page(p: {
  account?: string; // raw HTML of the header's right cell
  subject?: string;
  count?: string | null;
  messages: { sender: string; date?: string; lines?: string[] }[];
}): string {
  const account = p.account ?? `<font size="-1" color="#777"><b>Jane Doe &lt;${JANE}&gt;</b></font>`;
  const subject = p.subject ?? 'Subject';
  const count = p.count === undefined ? `${p.messages.length} messages` : p.count;
  const messages = p.messages.map(
    (m) =>
      `<table width="100%" cellpadding="0" cellspacing="0" border="0" class="message"><tr><td><font size="-1">${m.sender}</font></td>` +
      `<td align="right"><font size="-1">${m.date ?? 'Tue, Jun 3, 2025 at 10:12 AM'}</font></td></tr>` +
      `<tr><td colspan="2" style="padding-bottom: 4px;"><font size="-1" class="recipient">${(m.lines ?? ['To: Jane Doe &lt;jane.doe@gmail.com&gt;']).join('')}</font></td></tr>` +
      '<tr><td colspan="2"><table width="100%" cellpadding="12" cellspacing="0" border="0"><tr><td><div style="overflow: hidden;"><font size="-1">Body</font></div></td></tr></table></td></tr></table>',
  );
  return (
    `<html><head><title>Gmail - ${subject}</title></head><body><div class="bodycontainer">` +
    `<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr height="14px"><td width="143"><img src="logo.png" alt="Gmail"></td><td align="right">${account}</td></tr></table><hr>` +
    `<div class="maincontent"><table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td><font size="+1"><b>${subject}</b></font><br>` +
    (count === null ? '' : `<font size="-1" color="#777">${count}</font>`) +
    `</td></tr></table><hr>${messages.join('<hr>')}</div></div></body></html>`
  );
}

const one = (m: { sender?: string; date?: string; lines?: string[] }, tz = NY) =>
  parsePrintView(page({ messages: [{ sender: '<b>Hans </b>&lt;hans@example.de&gt;', ...m }] }), { expectedAccount: JANE, timeZone: tz });

describe('parsePrintView: fixtures', () => {
  it('English thread: 3 messages, reply from the recipient, Cc lines, quoted names with commas', () => {
    const r = parsePrintView(fixture('thread-en.html'), { expectedAccount: JANE, timeZone: NY });
    // The body's first lines as plain text; Gmail's quote block ("On … wrote:", "[Quoted text hidden]") left out.
    expect(ok(r).messages.map((m) => m.text)).toEqual([
      'Hi Hans,\nattached is the Q3 budget draft. Could you review it by Friday?\nThanks,\nJane',
      'Hi Jane,\nlooks good overall, two questions inline.\nHans',
      'Fine by me.',
    ]);
    expect(withoutBodies(r)).toEqual({
      ok: true,
      account: JANE,
      subject: 'Q3 budget review',
      messageCount: 3,
      messages: [
        {
          from: { email: JANE, name: 'Jane Doe' },
          to: [
            { email: 'hans.mueller@example.de', name: 'Müller, Hans' },
            { email: 'priya@example.com', name: 'Priya Raman' },
            { email: 'kate.obrien@example.org', name: "O'Brien, Kate" },
          ],
          at: Date.UTC(2025, 5, 3, 14, 12), // 10:12 AM EDT
        },
        {
          // The reply; its Reply-To (budget-team@) is not a recipient.
          from: { email: 'hans.mueller@example.de', name: 'Müller, Hans' },
          to: [
            { email: JANE, name: 'Jane Doe' },
            { email: 'priya@example.com', name: 'Priya Raman' },
            { email: 'kate.obrien@example.org', name: "O'Brien, Kate" },
          ],
          at: Date.UTC(2025, 5, 4, 12, 5),
        },
        {
          from: { email: 'priya@example.com' },
          to: [
            { email: 'hans.mueller@example.de', name: 'Müller, Hans' },
            { email: JANE, name: 'Jane Doe' },
          ],
          at: Date.UTC(2025, 5, 4, 18, 47),
        },
      ],
    });
  });

  it('German UI: "Di., 3. Juni 2025 um 10:12", "An:", "Antwort an:" is not a recipient, tbody markup', () => {
    const r = parsePrintView(fixture('thread-de.html'), { expectedAccount: 'max.mustermann@gmail.com', timeZone: 'Europe/Berlin' });
    expect(ok(r).messages.every((m) => typeof m.text === 'string' && !m.text.includes('Zitierten'))).toBe(true);
    expect(withoutBodies(r)).toEqual({
      ok: true,
      account: 'max.mustermann@gmail.com',
      subject: 'Angebot für Projekt „Nordlicht“',
      messageCount: 2,
      messages: [
        {
          from: { email: 'max.mustermann@gmail.com', name: 'Max Mustermann' },
          to: [
            { email: 'erika@beispiel.de', name: 'Erika Musterfrau' },
            { email: 'j.schmidt@beispiel.de', name: 'Schmidt, Jürgen' },
          ],
          at: Date.UTC(2025, 5, 3, 8, 12), // 10:12 CEST
        },
        {
          from: { email: 'erika@beispiel.de', name: 'Erika Musterfrau' },
          to: [
            { email: 'max.mustermann@gmail.com', name: 'Max Mustermann' },
            { email: 'j.schmidt@beispiel.de', name: 'Schmidt, Jürgen' },
          ],
          at: Date.UTC(2025, 5, 5, 7, 3),
        },
      ],
    });
  });

  it('the same wall clock means another instant in another zone', () => {
    const r = ok(parsePrintView(fixture('thread-en.html'), { expectedAccount: JANE, timeZone: 'Asia/Tokyo' }));
    expect(r.messages[0]!.at).toBe(Date.UTC(2025, 5, 3, 1, 12)); // 10:12 JST
  });

  it('100-message thread (generated): every sender, recipient list and date', () => {
    const r = ok(parsePrintView(longThreadHtml(100), { expectedAccount: LONG_THREAD_ACCOUNT, timeZone: LONG_THREAD_ZONE }));
    expect(r.subject).toBe(LONG_THREAD_SUBJECT);
    expect(r.messageCount).toBe(100);
    expect(r.messages).toHaveLength(100);
    expect(headersOf(r.messages)).toEqual(longThreadMessages(100).map(({ from, to, at }) => ({ from, to, at })));
    expect(r.messages[0]!.text).toMatch(/^Paragraph 1 of message 1: we went through clauses 1–3 again;/);
    // Spot checks against hand-computed values.
    expect(headersOf(r.messages)[0]).toEqual({
      from: { email: JANE, name: 'Jane Doe' },
      to: [
        { email: 'hans.mueller@example.de', name: 'Müller, Hans' },
        { email: 'priya@example.com', name: 'Priya Raman' },
      ],
      at: Date.UTC(2025, 0, 6, 14, 0), // Mon, Jan 6, 2025 at 9:00 AM EST
    });
    expect(r.messages[99]!.from.email).toBe('hans.mueller@example.de');
    expect(r.messages[99]!.at).toBe(Date.UTC(2025, 0, 6, 14, 0) + 99 * 7 * 3_600_000); // Tue, Feb 4, 2025 at 2:00 AM EST
  });

  it('a page for another account → wrong-account (case-insensitive match is fine)', () => {
    expect(parsePrintView(fixture('other-account.html'), { expectedAccount: JANE, timeZone: NY })).toEqual({
      ok: false,
      reason: 'wrong-account',
      detail: 'page is for jane.doe@work.example.com, expected jane.doe@gmail.com',
    });
    const r = ok(parsePrintView(fixture('other-account.html'), { expectedAccount: ' Jane.Doe@Work.Example.com', timeZone: NY }));
    expect(r.account).toBe('jane.doe@work.example.com');
    expect(r.messageCount).toBe(1);
    expect(headersOf(r.messages)).toEqual([
      { from: { email: 'jane.doe@work.example.com', name: 'Jane Doe' }, to: [{ email: 'team@work.example.com' }], at: Date.UTC(2025, 5, 2, 20, 30) },
    ]);
  });

  it('the Google sign-in page → signed-out', () => {
    expect(parsePrintView(fixture('signed-out.html'), { expectedAccount: JANE, timeZone: NY })).toEqual({
      ok: false,
      reason: 'signed-out',
      detail: 'Gmail answered with the Google sign-in page',
    });
    // A meta refresh to ServiceLogin counts too.
    const refresh = '<html><head><meta http-equiv="refresh" content="0; url=https://accounts.google.com/ServiceLogin?service=mail"></head><body></body></html>';
    expect(parsePrintView(refresh, { expectedAccount: JANE, timeZone: NY })).toMatchObject({ ok: false, reason: 'signed-out' });
  });

  it('a page cut in the middle of a message → unrecognised, never a partial thread', () => {
    expect(parsePrintView(fixture('truncated.html'), { expectedAccount: JANE, timeZone: NY })).toEqual({
      ok: false,
      reason: 'unrecognised',
      detail: 'message 2 of 2: no sender address',
    });
  });

  it('a page cut between messages → unrecognised (fewer messages than the page announces)', () => {
    const full = fixture('thread-en.html');
    const third = full.lastIndexOf('<table width="100%" cellpadding="0" cellspacing="0" border="0" class="message">');
    expect(parsePrintView(full.slice(0, third), { expectedAccount: JANE, timeZone: NY })).toEqual({
      ok: false,
      reason: 'unrecognised',
      detail: 'page truncated: 2 of 3 messages',
    });
  });

  describe('hostile content comes out as inert text', () => {
    const r = ok(parsePrintView(fixture('hostile.html'), { expectedAccount: JANE, timeZone: 'UTC' }));
    const json = JSON.stringify(r);

    it('the account is the header text, not script/noscript beside it', () => {
      expect(r.account).toBe(JANE);
    });

    it('500-character subject kept whole as text; the U+202E override removed', () => {
      const prefix = '<img src=x onerror=alert(1)><script>alert(2)</script> שלום עולם gnp.exe ';
      expect(r.subject).toBe(prefix + 'x'.repeat(500 - prefix.length - 1));
      expect(r.subject).toHaveLength(499);
      expect(r.subject).not.toContain('\u202e');
    });

    it('escaped markup in names stays text; live script/img in a name is dropped', () => {
      expect(headersOf(r.messages)[0]).toEqual({
        from: { email: JANE, name: 'Jane Doe' },
        to: [
          { email: 'victim@example.com', name: '<img src=x onerror=alert(1)>' },
          { email: 'mohammed@example.com', name: 'محمد علي' },
          { email: 'bold@example.com', name: '<b>Bold</b>' },
        ],
        at: Date.UTC(2025, 5, 3, 10, 12),
      });
      expect(headersOf(r.messages)[1]).toEqual({
        from: { email: 'mallory@evil.example', name: 'moc.elgoog@eciton' },
        to: [{ email: JANE, name: 'Jane Doe' }],
        at: Date.UTC(2025, 5, 4, 9, 0),
      });
    });

    it('a forged table.message and "99 messages" inside a body are not messages', () => {
      expect(r.messages).toHaveLength(2);
      expect(r.messageCount).toBe(2);
    });

    it('no script text, no handler leaks into the result; body content only as plain text in `text`', () => {
      for (const s of ['alert(3)', 'alert(4)', 'alert(5)', 'alert(6)', 'document.write', 'onerror=alert(4)', 'Print()', '\u202e']) {
        expect(json).not.toContain(s);
      }
      expect(JSON.stringify(headersOf(r.messages))).not.toContain('attention');
      expect(r.messages[1]!.text).toMatch(/^Your account needs attention\.\n/);
      expect(r.messages[1]!.text).not.toMatch(/[<>]script|onerror|<img/);
    });
  });
});

describe('parsePrintView: structure variants', () => {
  it('sender as <b>email</b>, as <b>Name &lt;email&gt;</b>, as plain text, with an empty <b>', () => {
    for (const [sender, from] of [
      ['<b>hans@example.de</b>', { email: 'hans@example.de' }],
      ['<b>Hans Müller &lt;Hans@Example.de&gt;</b>', { email: 'hans@example.de', name: 'Hans Müller' }],
      ['Hans Müller &lt;hans@example.de&gt;', { email: 'hans@example.de', name: 'Hans Müller' }],
      ['hans@example.de', { email: 'hans@example.de' }],
      ['<b></b>&lt;hans@example.de&gt;', { email: 'hans@example.de' }],
      ['<b>&quot;Müller, Hans&quot; </b>&lt;hans@example.de&gt;', { email: 'hans@example.de', name: 'Müller, Hans' }],
      ['<b>hans@example.de </b>&lt;hans@example.de&gt;', { email: 'hans@example.de' }],
      ['<b>Hans via Group </b>&lt;group@googlegroups.com&gt;', { email: 'group@googlegroups.com', name: 'Hans via Group' }],
    ] as const) {
      expect(ok(one({ sender })).messages[0]!.from, sender).toEqual(from);
    }
  });

  it('a sender without an address → unrecognised (it could be the reply)', () => {
    expect(one({ sender: '<b>Hans Müller</b>' })).toEqual({ ok: false, reason: 'unrecognised', detail: 'message 1 of 1: no sender address' });
    expect(one({ sender: '' })).toMatchObject({ ok: false, reason: 'unrecognised' });
  });

  it('recipient labels in several UI languages; Reply-To never; unknown labels skipped', () => {
    const lines = [
      '<div class="replyto">Reply-To: r1@example.com</div>',
      '<div>Reply-To: r2@example.com</div>', // even without the class
      '<div>Répondre à : r3@example.com</div>',
      '<div>To: a@example.com</div>',
      '<div>An: b@example.com</div>',
      '<div>À\u00a0: c@example.com</div>',
      '<div>Para: d@example.com</div>',
      '<div>CC: e@example.com</div>',
      '<div>Bcc: f@example.com</div>',
      '<div>Cci : g@example.com</div>',
      '<div>Date: h@example.com</div>',
      '<div>to me</div>',
      '<div>Mailed-By: i@example.com</div>',
    ];
    expect(ok(one({ lines })).messages[0]!.to.map((a) => a.email)).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'd@example.com',
      'e@example.com',
      'f@example.com',
      'g@example.com',
    ]);
  });

  it('recipients: duplicates merged, invalid entries dropped, no recipient line → empty list', () => {
    const lines = ['<div>To: A &lt;a@example.com&gt;, not an address, &lt;&gt;</div>', '<div>Cc: a@example.com, B &lt;b@example.com&gt;</div>'];
    expect(ok(one({ lines })).messages[0]!.to).toEqual([
      { email: 'a@example.com', name: 'A' },
      { email: 'b@example.com', name: 'B' },
    ]);
    expect(ok(one({ lines: [] })).messages[0]!.to).toEqual([]);
  });

  it('dates: English without weekday, 24-hour, narrow no-break space, unknown → at undefined', () => {
    expect(ok(one({ date: 'Jun 3, 2025, 10:12 AM' })).messages[0]!.at).toBe(Date.UTC(2025, 5, 3, 14, 12));
    expect(ok(one({ date: 'Jun 3, 2025, 10:12\u202fPM' })).messages[0]!.at).toBe(Date.UTC(2025, 5, 4, 2, 12));
    expect(ok(one({ date: 'Tue, 3 Jun 2025 at 22:12' })).messages[0]!.at).toBe(Date.UTC(2025, 5, 4, 2, 12));
    const unknown = ok(one({ date: 'Yesterday at 10:12 AM' })).messages[0]!;
    expect(unknown).not.toHaveProperty('at');
    expect(unknown.from.email).toBe('hans@example.de');
  });

  it('a wall time in the spring-forward gap follows zonedToInstant (Berlin 02:30 → 03:30 CEST)', () => {
    expect(ok(one({ date: 'So., 30. März 2025 um 02:30' }, 'Europe/Berlin')).messages[0]!.at).toBe(Date.UTC(2025, 2, 30, 1, 30));
  });

  it('no "N messages" line: ok without messageCount', () => {
    const r = ok(parsePrintView(page({ count: null, messages: [{ sender: '<b>A </b>&lt;a@example.com&gt;' }] }), { expectedAccount: JANE, timeZone: NY }));
    expect(r).not.toHaveProperty('messageCount');
    expect(r.messages).toHaveLength(1);
  });

  it('subject from the title when the heading is missing; "Gmail - " removed', () => {
    const html = page({ subject: 'Hello', messages: [{ sender: '<b>A </b>&lt;a@example.com&gt;' }] }).replace('<font size="+1"><b>Hello</b></font>', '');
    expect(ok(parsePrintView(html, { expectedAccount: JANE, timeZone: NY })).subject).toBe('Hello');
  });

  it('account: a bare address works; none, or two different ones, → unrecognised', () => {
    const m = [{ sender: '<b>A </b>&lt;a@example.com&gt;' }];
    expect(ok(parsePrintView(page({ account: `<font>${JANE.toUpperCase()}</font>`, messages: m }), { expectedAccount: JANE, timeZone: NY })).account).toBe(JANE);
    expect(parsePrintView(page({ account: '<font>Jane Doe</font>', messages: m }), { expectedAccount: JANE, timeZone: NY })).toEqual({
      ok: false,
      reason: 'unrecognised',
      detail: 'no account address in the page header',
    });
    expect(
      parsePrintView(page({ account: `${JANE}, other@example.com`, messages: m }), { expectedAccount: JANE, timeZone: NY }),
    ).toMatchObject({ ok: false, reason: 'unrecognised' });
  });

  it('an address in a message never stands in for the header account', () => {
    const html = page({ account: '', messages: [{ sender: `<b>Jane </b>&lt;${JANE}&gt;` }] });
    expect(parsePrintView(html, { expectedAccount: JANE, timeZone: NY })).toMatchObject({ ok: false, reason: 'unrecognised' });
  });
});

describe('parsePrintView: bounded, never throws', () => {
  const opts = { expectedAccount: JANE, timeZone: NY };

  it('empty, non-print-view and garbage input → unrecognised', () => {
    expect(parsePrintView('', opts)).toEqual({ ok: false, reason: 'unrecognised', detail: 'empty page' });
    expect(parsePrintView('<html><body><h1>Temporary Error (502)</h1></body></html>', opts)).toEqual({
      ok: false,
      reason: 'unrecognised',
      detail: 'not a Gmail print view (no div.bodycontainer > div.maincontent)',
    });
    expect(parsePrintView('\u0000<<<>>></div></table><table class="message">', opts)).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(parsePrintView(undefined as unknown as string, opts)).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(parsePrintView('<html>', null as unknown as typeof opts)).toMatchObject({ ok: false, reason: 'unrecognised' });
  });

  it('a print view with no messages → unrecognised', () => {
    expect(parsePrintView(page({ messages: [] }), opts)).toEqual({ ok: false, reason: 'unrecognised', detail: 'no table.message in the page' });
  });

  it('more than 5 MB → unrecognised without parsing', () => {
    const big = fixture('thread-en.html') + ' '.repeat(MAX_PRINT_VIEW_CHARS);
    expect(parsePrintView(big, opts)).toMatchObject({ ok: false, reason: 'unrecognised', detail: expect.stringMatching(/^page too large/) });
  });

  it('an invalid time zone → unrecognised (no dates in a guessed zone)', () => {
    expect(parsePrintView(fixture('thread-en.html'), { expectedAccount: JANE, timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      reason: 'unrecognised',
    });
  });

  it('nesting: 1,500 levels parse; beyond 2,000 → unrecognised, fast (no quadratic parse)', () => {
    const nested = (n: number) => page({ messages: [{ sender: `${'<div>'.repeat(n)}<b>A </b>&lt;a@example.com&gt;` }] });
    expect(ok(parsePrintView(nested(1_500), opts)).messages[0]!.from).toEqual({ email: 'a@example.com', name: 'A' });
    const started = performance.now();
    expect(parsePrintView(nested(1_000_000), opts)).toEqual({ ok: false, reason: 'unrecognised', detail: `elements nested deeper than ${MAX_PRINT_VIEW_DEPTH}` });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('parsePrintDate', () => {
  it.each([
    ['Tue, Jun 3, 2025 at 10:12 AM', { year: 2025, month: 6, day: 3, hour: 10, minute: 12 }],
    ['Tue, Jun 3, 2025 at 12:05 AM', { year: 2025, month: 6, day: 3, hour: 0, minute: 5 }],
    ['Tue, Jun 3, 2025 at 12:05 PM', { year: 2025, month: 6, day: 3, hour: 12, minute: 5 }],
    ['Jun 3, 2025, 10:12 AM', { year: 2025, month: 6, day: 3, hour: 10, minute: 12 }],
    ['June 3, 2025, 10:12 p.m.', { year: 2025, month: 6, day: 3, hour: 22, minute: 12 }],
    ['Tue, Jun 3, 2025 at 22:12', { year: 2025, month: 6, day: 3, hour: 22, minute: 12 }],
    ['Tue, 3 Jun 2025 at 22:12', { year: 2025, month: 6, day: 3, hour: 22, minute: 12 }],
    ['Sept 30, 2025, 9:00\u202fAM', { year: 2025, month: 9, day: 30, hour: 9, minute: 0 }],
    ['Tue, Jun 3, 2025 at 10:12 AM (2 days ago)', { year: 2025, month: 6, day: 3, hour: 10, minute: 12 }],
    ['Di., 3. Juni 2025 um 10:12', { year: 2025, month: 6, day: 3, hour: 10, minute: 12 }],
    ['3. Juni 2025 um 10:12', { year: 2025, month: 6, day: 3, hour: 10, minute: 12 }],
    ['Mo., 3. März 2025, 07:45 Uhr', { year: 2025, month: 3, day: 3, hour: 7, minute: 45 }],
    ['Do., 4. Dez. 2025 um 23:59', { year: 2025, month: 12, day: 4, hour: 23, minute: 59 }],
    ['\u200eDi., 3. Juni 2025 um 10:12\u200f', { year: 2025, month: 6, day: 3, hour: 10, minute: 12 }],
  ])('%s', (text, expected) => {
    expect(parsePrintDate(text)).toEqual(expected);
  });

  it.each([
    '',
    'Yesterday at 10:12 AM',
    '10:12 AM',
    'Jun 3, 10:12 AM', // no year: Gmail omits it for this year in the UI; never guess it
    '03/06/2025, 10:12', // numeric: day/month order unknown
    '2025-06-03 10:12',
    'Wed, Jun 3, 2025 at 10:12 AM', // weekday contradicts the date
    'Tue, Jun 31, 2025 at 10:12 AM', // no such day
    'Tue, Jun 3, 2025 at 13:12 PM',
    'Tue, Jun 3, 2025 at 10:72 AM',
    'Tue, Jun 3, 2025 at 24:00',
    'AM Tue, Jun 3, 2025 at 10:12',
    'mar. 3 juin 2025 à 10:12', // French is not in the tables
    'Jun Jul 3, 2025 10:12',
    'Tue, Jun 3, 2025 at 10:12 AM <script>',
    'constructor 3, 2025 10:12',
    `Tue, Jun 3, 2025 at 10:12 AM${' '.repeat(300)}`,
  ])('%j → undefined', (text) => {
    expect(parsePrintDate(text)).toBeUndefined();
  });
});

describe('parseAddressList (print-view text)', () => {
  it('quoted names with commas and escaped quotes, unquoted "Last, First", bare addresses', () => {
    expect(
      parseAddressList('"Müller, Hans" <Hans@Example.de>, "Say \\"Hi\\", Bob" <bob@example.com>; Doe, John <john@example.com>, carol@example.com'),
    ).toEqual([
      { email: 'hans@example.de', name: 'Müller, Hans' },
      { email: 'bob@example.com', name: 'Say "Hi", Bob' },
      { email: 'john@example.com', name: 'Doe, John' },
      { email: 'carol@example.com' },
    ]);
  });

  it('a group label without addresses does not swallow the next address', () => {
    expect(parseAddressList('undisclosed-recipients:; a@example.com')).toEqual([{ email: 'a@example.com' }]);
  });
});

describe('classifyPrintViewResponse', () => {
  const mail = 'https://mail.google.com/mail/u/0/?authuser=jane.doe%40gmail.com&view=pt&search=all&th=1974a3c0f2b8d6e1&hl=en';
  it.each([
    [{ status: 200, url: mail, redirected: false, contentType: 'text/html; charset=UTF-8' }, 'ok'],
    [{ status: 200, url: 'https://mail.google.com/mail/u/1/?view=pt&th=1', redirected: true, contentType: 'text/html' }, 'ok'],
    [
      {
        status: 200,
        url: 'https://accounts.google.com/v3/signin/identifier?continue=https%3A%2F%2Fmail.google.com%2Fmail%2F&service=mail',
        redirected: true,
        contentType: 'text/html; charset=utf-8',
      },
      'signed-out',
    ],
    [{ status: 200, url: 'https://accounts.google.com/ServiceLogin?service=mail&passive=1209600', redirected: true, contentType: 'text/html' }, 'signed-out'],
    [{ status: 200, url: 'https://www.google.com/accounts/ServiceLogin?service=mail', redirected: true, contentType: 'text/html' }, 'signed-out'],
    [{ status: 200, url: 'https://workspace.google.com/intl/en/gmail/', redirected: true, contentType: 'text/html' }, 'signed-out'],
    [{ status: 401, url: mail, redirected: false, contentType: 'text/html' }, 'signed-out'],
    [{ status: 403, url: mail, redirected: false, contentType: 'text/html' }, 'no-access'],
    [{ status: 0, url: '', redirected: false, contentType: null }, 'no-access'],
    [{ status: 200, url: mail, redirected: false, contentType: 'application/json' }, 'unrecognised'],
    [{ status: 200, url: mail, redirected: false, contentType: null }, 'unrecognised'],
    [{ status: 404, url: mail, redirected: false, contentType: 'text/html' }, 'unrecognised'],
    [{ status: 500, url: mail, redirected: false, contentType: 'text/html' }, 'unrecognised'],
    [{ status: 200, url: 'https://www.google.com/sorry/index?continue=x', redirected: true, contentType: 'text/html' }, 'unrecognised'],
    [{ status: 200, url: 'https://accounts.google.com.evil.example/ServiceLogin', redirected: true, contentType: 'text/html' }, 'unrecognised'],
    [{ status: 200, url: 'http://mail.google.com/mail/u/0/', redirected: false, contentType: 'text/html' }, 'unrecognised'],
    [{ status: 200, url: 'not a url', redirected: false, contentType: 'text/html' }, 'unrecognised'],
  ] as const)('%j → %s', (r, expected) => {
    expect(classifyPrintViewResponse(r)).toBe(expected);
  });
});

describe('printViewUrl', () => {
  it('hex thread id, account by authuser (never /u/N), ik, hl=en, everything encoded', () => {
    expect(printViewUrl({ account: 'jane.doe@gmail.com', threadId: '1974A3C0F2B8D6E1', ik: 'a1b2c3d4e5' })).toBe(
      'https://mail.google.com/mail/u/0/?authuser=jane.doe%40gmail.com&ik=a1b2c3d4e5&view=pt&search=all&th=1974a3c0f2b8d6e1&hl=en',
    );
  });

  it('perm thread id (with or without the thread-f: prefix) when there is no usable hex id', () => {
    expect(printViewUrl({ account: 'jane@example.com', permThreadId: 'thread-f:1581064946762017791' })).toBe(
      'https://mail.google.com/mail/u/0/?authuser=jane%40example.com&view=pt&search=all&permthid=thread-f%3A1581064946762017791&hl=en',
    );
    expect(printViewUrl({ account: 'jane@example.com', threadId: 'undefined', permThreadId: '1581064946762017791' })).toContain(
      '&permthid=thread-f%3A1581064946762017791&',
    );
  });

  it('hostile values cannot add parameters', () => {
    const url = new URL(printViewUrl({ account: 'a+b&view=cv@example.com', threadId: 'abc', ik: 'x&th=evil#frag' }));
    expect(url.searchParams.get('authuser')).toBe('a+b&view=cv@example.com');
    expect(url.searchParams.get('ik')).toBe('x&th=evil#frag');
    expect(url.searchParams.getAll('view')).toEqual(['pt']);
    expect(url.searchParams.getAll('th')).toEqual(['abc']);
    expect(url.hash).toBe('');
  });

  it('throws without an account or a usable thread id', () => {
    expect(() => printViewUrl({ account: '', threadId: 'abc' })).toThrow(TypeError);
    expect(() => printViewUrl({ account: 'a@example.com' })).toThrow(TypeError);
    expect(() => printViewUrl({ account: 'a@example.com', threadId: 'xyz', permThreadId: 'undefined' })).toThrow(TypeError);
  });
});

describe('parsePrintView: message bodies (issue 9)', () => {
  const body = (inner: string) =>
    fixture('thread-en.html').replace('<div dir="ltr">Fine by me.</div>', inner);
  const lastText = (html: string, bodies?: boolean) =>
    ok(parsePrintView(html, { expectedAccount: JANE, timeZone: NY, ...(bodies === undefined ? {} : { bodies }) })).messages[2]!.text;

  it('lines as plain text; blockquote, gmail_quote and gmail_signature left out', () => {
    expect(lastText(body('<div>I am out of the office<br>until Monday.</div><blockquote>quoted &lt;b&gt;</blockquote><div class="gmail_signature">-- Priya</div>'))).toBe(
      'I am out of the office\nuntil Monday.',
    );
  });

  it("Outlook's header block stays in the text, where the text rules cut at it", () => {
    const text = lastText(body('<div>Yes.</div><hr><div id="divRplyFwdMsg"><b>From:</b> Support &lt;noreply@x.com&gt;<br><b>Sent:</b> Monday</div><div>This is an automatic reply.</div>'))!;
    expect(text.split('\n').slice(0, 3)).toEqual(['Yes.', 'From: Support <noreply@x.com>', 'Sent: Monday']);
  });

  it('capped at 4,000 characters; none with bodies: false (headers only)', () => {
    expect(lastText(body(`<div>${'word '.repeat(5000)}</div>`))!.length).toBeLessThanOrEqual(4000);
    expect(lastText(fixture('thread-en.html'), false)).toBeUndefined();
  });
});
