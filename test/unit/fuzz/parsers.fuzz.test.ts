/**
 * Parser fuzz: Gmail's sync bodies, the print view and free-text due input
 * never throw, and whatever they return is well-formed and bounded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSendRequest, parseSendResponse } from '../../../src/content/gmail/sync-response';
import { looksLikeEmail, MAX_BODY_CHARS } from '../../../src/content/bridge-protocol';
import { expectMessage, LONE_SURROGATE } from './checks';
import { parsePrintView, type PrintViewResult } from '../../../src/core/replies/print-view';
import { parseDue } from '../../../src/core/schedule/natural';
import { prefs } from '../schedule/helpers';
import { anyString, deep, editText, jsonishValue, mutate, mutations, nastyString, runs, textEdit, toJson } from './arbitraries';

// ── Gmail sync bodies ────────────────────────────────────────────────────

const SYNC_DIR = new URL('../../fixtures/gmail/sync-2022/', import.meta.url);
const SYNC = readdirSync(SYNC_DIR)
  .filter((n) => n.endsWith('.json'))
  .map((n) => ({ name: n, text: readFileSync(new URL(n, SYNC_DIR), 'utf8') }));
const SYNC_REQUESTS = SYNC.filter((s) => s.name.includes('_request'));
const SYNC_RESPONSES = SYNC.filter((s) => s.name.includes('_response'));

const XSSI = ")]}'\n";
const parseLoose = (text: string): unknown => JSON.parse(text.startsWith(")]}'") ? text.slice(text.indexOf('\n') + 1) : text);

/** Leaves that look like what Gmail's arrays hold, so random trees reach the message readers. */
const syncLeaf = fc.oneof(
  fc.constantFrom(
    'msg-a:r8190137112111191537',
    'msg-a:r-123',
    'msg-f:1743802486513399385',
    'thread-a:r-4493',
    'thread-f:1743802434391390786',
    'thread-a:r1|msg-a:r2',
    '18333b13345c3a42',
    '<CAF+x@mail.gmail.com>',
    '^r',
    '^f',
    '^scheduled',
    'me@example.com',
    'Bob <bob@example.com>',
    '',
  ),
  fc.integer({ min: 946684800000, max: 4102444800000 }),
  fc.integer(),
  fc.constantFrom(null, true, false, 0, 1, 2),
  nastyString(20),
);
const tree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, syncLeaf, fc.array(tie('node'), { maxLength: 8 })),
})).node;

const syncBody = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.array(tree, { maxLength: 6 }), fc.boolean()).map(([t, x]) => (x ? XSSI : '') + JSON.stringify(t)) },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: fc.constantFrom(`[${'['.repeat(100_000)}`, `${'['.repeat(5_000)}1${']'.repeat(5_000)}`, JSON.stringify(deep(500)), `${XSSI}[${'0,'.repeat(700_000)}0]`, '[]', XSSI) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...SYNC), mutations(3))
      .map(([s, ms]) => toJson(mutate(parseLoose(s.text), ms))),
  },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...SYNC), fc.array(textEdit, { minLength: 1, maxLength: 3 })).map(([s, e]) => editText(s.text, e)) },
);

describe('parseSendResponse / parseSendRequest fuzz', () => {
  it('never throw; every message is well-formed', () => {
    let found = 0;
    fc.assert(
      fc.property(syncBody, fc.option(fc.oneof(syncBody, fc.constantFrom(...SYNC_REQUESTS.map((s) => s.text))), { nil: undefined }), (body, request) => {
        const sent = parseSendResponse(body, request);
        expect(Array.isArray(sent)).toBe(true);
        sent.forEach(expectMessage);
        found += sent.length;
        const requested = parseSendRequest(body);
        if (requested !== null) {
          expect(Array.isArray(requested)).toBe(true);
          for (const m of requested) {
            expectMessage(m);
            expect(typeof m.draft).toBe('boolean');
          }
        }
      }),
      runs(400),
    );
    // The mutated samples keep enough structure to be read sometimes.
    expect(found).toBeGreaterThan(0);
  }, 60_000);

  it('still read every real sample pair (the fuzz baseline)', () => {
    for (const res of SYNC_RESPONSES) {
      const req = SYNC_REQUESTS.find((r) => r.name === res.name.replace('_response', '_request'));
      expect(parseSendResponse(res.text, req?.text).length, res.name).toBeGreaterThan(0);
    }
  });

  it('reject bodies over the limit quickly', () => {
    const big = `[${'"x",'.repeat(MAX_BODY_CHARS / 4)}"x"]`;
    const started = Date.now();
    expect(parseSendResponse(big)).toEqual([]);
    expect(parseSendRequest(big)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

// ── print view ───────────────────────────────────────────────────────────

const PV_DIR = new URL('../../fixtures/gmail/print-view/', import.meta.url);
const PRINT_VIEWS = readdirSync(PV_DIR)
  .filter((n) => n.endsWith('.html'))
  .map((n) => readFileSync(new URL(n, PV_DIR), 'utf8'));
const ACCOUNTS = ['jane.doe@gmail.com', 'max.mustermann@gmail.com', 'me@example.com', '', 'JANE.DOE@GMAIL.COM'];
const ZONES = ['America/New_York', 'Europe/Berlin', 'UTC', 'Asia/Kolkata', 'Mars/Base', ''];

const TAGS = ['div', 'table', 'tr', 'td', 'b', 'font', 'title', 'script', 'img', 'svg', 'hr', 'br', 'form', 'meta', 'style', 'textarea', '!--', '![CDATA['];
const ATTRS = ['class="bodycontainer"', 'class="maincontent"', 'class="message"', 'class="recipient"', 'class="replyto"', 'align="right"', 'size="+1"', 'color="#777"', 'onerror="alert(1)"', 'src=x', 'http-equiv="refresh" content="0;url=https://accounts.google.com/"', 'action="https://accounts.google.com/ServiceLogin"'];
const htmlToken = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 2 })).map(([t, a]) => `<${t}${a.length ? ' ' : ''}${a.join(' ')}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc.constantFrom('To: Bob <bob@example.com>, "Doe, Ann" <ann@example.com>', 'Cc: x@y.z', 'jane.doe@gmail.com', '&lt;a@b.c&gt;', 'Mon, Mar 10, 2025 at 9:00 AM', '3 messages', '&#0;&#xd800;&#x202e;', '<', '>', '&'),
  nastyString(15),
);
const htmlish = fc.array(htmlToken, { maxLength: 80 }).map((ts) => ts.join(''));

const printView = fc.oneof(
  { weight: 3, arbitrary: htmlish },
  { weight: 1, arbitrary: anyString },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...PRINT_VIEWS), fc.array(textEdit, { minLength: 1, maxLength: 4 })).map(([h, e]) => editText(h, e)) },
  // A fixture with random markup spliced in.
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PRINT_VIEWS), fc.nat(), htmlish).map(([h, at, junk]) => h.slice(0, at % h.length) + junk + h.slice(at % h.length)) },
  { weight: 1, arbitrary: fc.constantFrom('<div>'.repeat(3_000), '<b>'.repeat(50_000), `<div class="bodycontainer"><div class="maincontent">${'<table class="message"><tr><td>a@b.cc</td></tr></table>'.repeat(2_000)}</div></div>`) },
);

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function expectPrintView(r: PrintViewResult, html: string): void {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(['signed-out', 'wrong-account', 'unrecognised']).toContain(r.reason);
    expect(typeof r.detail).toBe('string');
    expect(r.detail.length).toBeGreaterThan(0);
    expect(r.detail.length).toBeLessThanOrEqual(600);
    return;
  }
  expect(looksLikeEmail(r.account)).toBe(true);
  expect(typeof r.subject).toBe('string');
  expect(r.subject).not.toMatch(INVISIBLE);
  expect(r.subject.length).toBeLessThanOrEqual(html.length);
  if (r.messageCount !== undefined) expect(Number.isSafeInteger(r.messageCount)).toBe(true);
  expect(r.messages.length).toBeGreaterThan(0);
  for (const m of r.messages) {
    for (const a of [m.from, ...m.to]) {
      expect(looksLikeEmail(a.email), a.email).toBe(true);
      expect(a.email).not.toMatch(INVISIBLE);
      if (a.name !== undefined) {
        expect(a.name.length).toBeLessThanOrEqual(200);
        expect(a.name).not.toMatch(INVISIBLE);
      }
    }
    if (m.at !== undefined) expect(Number.isFinite(m.at)).toBe(true);
  }
}

describe('parsePrintView fuzz', () => {
  it('never throws; a page it reads is well-formed text', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(printView, fc.constantFrom(...ACCOUNTS), fc.constantFrom(...ZONES), (html, expectedAccount, timeZone) => {
        const r = parsePrintView(html, { expectedAccount, timeZone });
        seen.add(r.ok ? 'ok' : r.reason);
        expectPrintView(r, html);
      }),
      runs(300),
    );
    expect(seen.has('ok')).toBe(true);
  }, 60_000);
});

// ── free-text due ────────────────────────────────────────────────────────

const WORDS = [
  'tomorrow', 'next', 'monday', 'friday', 'week', 'in', '3', 'days', 'at', '9am', '17:00', 'noon', 'morgen', 'übermorgen', 'nächste', 'woche',
  'um', '15', 'uhr', 'remind', 'me', 'bitte', 'am', 'Freitag', '31.12.', '2024-02-30', '25:99', 'yesterday', 'gestern', 'in 10000 years', '0', '-1',
];
const dueText = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), nastyString(6)), { maxLength: 8 }).map((ws) => ws.join(' ')),
  nastyString(60),
  anyString,
);
const NOW = Date.parse('2025-03-10T12:00:00Z');

describe('parseDue fuzz', () => {
  it('never throws; a reading is a future instant and says what it matched', () => {
    fc.assert(
      fc.property(
        dueText,
        fc.constantFrom<'en' | 'de'>('en', 'de'),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'UTC'),
        fc.boolean(),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (text, lang, zone, wh, now) => {
          const r = parseDue(text, now, prefs(zone, { whEnabled: wh }), lang);
          if (!r.ok) {
            expect(['empty', 'unrecognised', 'past']).toContain(r.reason);
            if (text.trim() === '') expect(r.reason).toBe('empty');
            return;
          }
          expect(Number.isFinite(r.at)).toBe(true);
          expect(r.at).toBeGreaterThan(now);
          expect(r.at).toBeLessThanOrEqual(8.64e15);
          expect(typeof r.moved).toBe('boolean');
          expect(typeof r.exactTime).toBe('boolean');
          expect(['en', 'de']).toContain(r.lang);
          expect(r.matched.length).toBeGreaterThan(0);
          expect(r.matched.length).toBeLessThanOrEqual(text.length);
          expect(r.matched).not.toMatch(LONE_SURROGATE);
        },
      ),
      runs(300),
    );
  }, 60_000);

  it('reads the seeded examples (the fuzz baseline)', () => {
    expect(parseDue('tomorrow 9am', NOW, prefs('Europe/Berlin'), 'en')).toMatchObject({ ok: true });
    expect(parseDue('übermorgen', NOW, prefs('Europe/Berlin'), 'de')).toMatchObject({ ok: true });
  });
});
