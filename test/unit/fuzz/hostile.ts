/**
 * Hostile mail content: subjects and recipient names a sender controls. Each
 * case is created through the router from a Gmail tab, as the content script
 * would, and must come out as text everywhere.
 */
import type { Reply } from '../../../src/core/protocol/messages';
import type { RequestInput, RequestType } from '../../../src/core/protocol/schemas';
import type { SenderInfo } from '../../../src/core/protocol/sender';
import { GMAIL_TAB, POPUP, type fakeBackground } from '../background/fakes';

export const T0 = Date.parse('2025-03-10T12:00:00Z');
export const HOUR = 3_600_000;

export interface HostileCase {
  name: string;
  subject: string;
  recipients: { email: string; name?: string }[];
}

const surrogateSoup = '\ud83d\ude00 \ud800 lone high, \udc00 lone low, 👨‍👩‍👧‍👦 family, 🇩🇪 flag, \ud83d';

export const HOSTILE: HostileCase[] = [
  { name: 'script tag', subject: '<script>alert(1)</script>', recipients: [{ email: 'x@evil.example', name: '<script>alert(2)</script>' }] },
  { name: 'img onerror', subject: '<img src=x onerror=alert(1)>', recipients: [{ email: 'y@evil.example', name: '<img src=x onerror=alert(1)>' }] },
  { name: 'attribute breakout', subject: '"><svg onload=alert(1)>\'><iframe src=javascript:alert(1)>', recipients: [{ email: 'z@evil.example', name: '" onmouseover="alert(1)' }] },
  { name: 'RTL override', subject: 'Invoice \u202egpj.exe\u202c paid', recipients: [{ email: 'rtl@evil.example', name: '\u202eBob\u202c Smith\u2066\u2067\u2069\u200f' }] },
  { name: 'zero-width', subject: 'P\u200ba\u200cy\u200dP\ufeffal', recipients: [{ email: 'zw@evil.example', name: 'A\u200bnn' }] },
  { name: 'emoji and lone surrogates', subject: surrogateSoup, recipients: [{ email: 'emoji@evil.example', name: `${surrogateSoup}`.slice(0, 60) }] },
  { name: 'controls and line breaks', subject: 'a\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:pwned\u0000\u0007\u001b[31m\u0085\u2028\u2029b', recipients: [{ email: 'ctl@evil.example', name: 'line1\nline2\ttab\u0000' }] },
  { name: 'iCalendar specials', subject: 'a,b;c\\d:e "quoted"', recipients: [{ email: 'ics@evil.example', name: 'Doe, Ann; "CEO" \\' }] },
  { name: 'the longest subject', subject: `${'Lorem ipsum <b>dolor</b> 😀 '.repeat(80)}`.slice(0, 2000), recipients: [{ email: 'long@evil.example', name: 'N'.repeat(320) }] },
  {
    name: 'many recipients',
    subject: 'to everyone',
    recipients: Array.from({ length: 500 }, (_, i) => ({ email: `r${i}@evil.example`, name: i % 2 ? `<i>${i}</i>` : `\u202e${i}` })),
  },
  { name: 'empty subject, unnamed recipient', subject: '', recipients: [{ email: 'Bare@Evil.Example' }] },
  { name: 'prototype words', subject: '__proto__', recipients: [{ email: 'proto@evil.example', name: 'constructor' }] },
];

/** Addresses the schema refuses, each with a clear invalid-request. */
export const MALFORMED_ADDRESSES = [
  'not-an-address',
  'two@at@signs.example',
  'spaces in@evil.example',
  '<script>@evil.example',
  'bob@<img src=x>',
  '',
  '@evil.example',
  'bob@',
  `${'a'.repeat(320)}@evil.example`,
  'nul\u0000@evil.example',
  'bell\u0007@evil.example',
  'bob@evil.example\u0085x',
  'bob\u202e@evil.example',
  'b\u200bob@evil.example',
  'bob@evil\u2066.example',
] as const;

const HEX = (i: number) => (0x18f0000000000000n + BigInt(i)).toString(16);

export const createPayload = (c: HostileCase, i: number): RequestInput<'reminder.create'> => ({
  id: `hostile-${i}`,
  account: 'me@example.com',
  thread: { provider: 'gmail', threadId: HEX(i), subject: c.subject, recipients: c.recipients },
  sentAt: T0 - HOUR,
  due: { at: T0 + HOUR + i * 60_000 },
  kind: 'no-reply',
});

/** Creates every hostile case through the router, as a Gmail tab; returns the replies. */
export async function createAll(f: ReturnType<typeof fakeBackground>) {
  const replies = [];
  for (const [i, c] of HOSTILE.entries()) replies.push(await f.bg.route({ v: 1, type: 'reminder.create', payload: createPayload(c, i) }, GMAIL_TAB));
  return replies;
}

/** One request through the router, its reply typed by the request. */
export const send = <K extends RequestType>(f: ReturnType<typeof fakeBackground>, type: K, payload: RequestInput<K>, sender: SenderInfo = POPUP) =>
  f.bg.route({ v: 1, type, payload }, sender) as Promise<Reply<K>>;
