// @vitest-environment happy-dom
/**
 * Page-bridge fuzz: whatever the page posts (random values, damaged
 * envelopes, hostile getters and proxies), the listener never throws, and
 * what it hands on is well-formed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_SOURCE, KIND_PAGE_INFO, KIND_SYNC_SEND, looksLikeEmail } from '../../../src/content/bridge-protocol';
import { listenToPage } from '../../../src/content/gmail/page-bridge';
import type { SentMessage } from '../../../src/content/gmail/sync-response';
import { editText, mutate, mutations, nastyValue, runs, textEdit } from './arbitraries';
import { expectMessage } from './checks';

// Not fixtures.ts: under happy-dom the global URL is happy-dom's, which readFileSync does not accept.
const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/gmail/sync-2022', `2022-09-09-${name}.json`), 'utf8');
const ORIGIN = 'https://mail.google.com';
const PAIRS = ['cvOnReplySend_2', 'cvOnSend', 'cvOnSend_3'].map((n) => ({ request: read(`${n}_request`), response: read(`${n}_response`) }));

const sendEnvelope = (p: { request: string; response: string }) => ({
  source: BRIDGE_SOURCE,
  kind: KIND_SYNC_SEND,
  v: 1,
  url: `${ORIGIN}/sync/u/0/i/s`,
  status: 200,
  body: p.response,
  request: p.request,
});
const infoEnvelope = { source: BRIDGE_SOURCE, kind: KIND_PAGE_INFO, v: 1, account: 'Me@Example.COM', ik: '4b7e2c1a9f' };

/** Wraps a value so reading it throws, or answers differently each time. */
function hostile(value: unknown, how: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (how === 0) {
    return new Proxy(value, {
      get() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
    });
  }
  const copy = { ...(value as Record<string, unknown>) };
  let n = 0;
  for (const key of Object.keys(copy)) {
    const original = copy[key];
    Object.defineProperty(copy, key, {
      enumerable: true,
      get: () => (how === 1 ? (() => { throw new Error('getter'); })() : n++ % 2 ? original : 'me@evil.example'),
    });
  }
  if (how === 3) Object.defineProperty(copy, Symbol('x'), { value: 1, enumerable: true });
  return copy;
}

const pair = fc.constantFrom(...PAIRS);
const data = fc.oneof(
  { weight: 2, arbitrary: nastyValue },
  { weight: 4, arbitrary: fc.tuple(pair, mutations(3)).map(([p, ms]) => mutate(sendEnvelope(p), ms)) },
  { weight: 3, arbitrary: mutations(2).map((ms) => mutate(infoEnvelope, ms)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pair, fc.array(textEdit, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([p, edits, onRequest]) => ({ ...sendEnvelope(p), ...(onRequest ? { request: editText(p.request, edits) } : { body: editText(p.response, edits) }) })),
  },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(pair.map(sendEnvelope), fc.constant(infoEnvelope)), fc.nat({ max: 3 })).map(([d, how]) => hostile(d, how)) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(sendEnvelope(PAIRS[0]!), infoEnvelope) },
);

const origin = fc.oneof({ weight: 8, arbitrary: fc.constant(ORIGIN) }, { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'http://mail.google.com', 'null', '') });

describe('listenToPage fuzz', () => {
  const sent: SentMessage[][] = [];
  const accounts: unknown[][] = [];
  const windowErrors: unknown[] = [];
  const onError = (e: Event) => windowErrors.push(e);
  let stop: () => void;

  beforeAll(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}/mail/u/0/#inbox`);
    window.addEventListener('error', onError);
    stop = listenToPage(window, { onSend: (m) => sent.push(m), onAccount: (...args) => accounts.push(args) });
  });
  afterAll(() => {
    stop();
    window.removeEventListener('error', onError);
  });

  it('never throws; hands on only well-formed sends and accounts', () => {
    fc.assert(
      fc.property(data, origin, fc.boolean(), (d, from, ownSource) => {
        sent.length = 0;
        accounts.length = 0;
        const event = new MessageEvent('message', { data: d, origin: from, source: (ownSource ? window : null) as MessageEventSource });
        expect(() => window.dispatchEvent(event)).not.toThrow();
        if (!ownSource || from !== ORIGIN) {
          expect(sent).toEqual([]);
          expect(accounts).toEqual([]);
        }
        for (const messages of sent) {
          expect(messages.length).toBeGreaterThan(0);
          messages.forEach(expectMessage);
        }
        for (const args of accounts) {
          expect(args.length === 1 || args.length === 2).toBe(true);
          const [email, ik] = args;
          expect(looksLikeEmail(email)).toBe(true);
          expect(email).toBe((email as string).toLowerCase());
          if (args.length === 2) expect(ik).toMatch(/^[0-9a-f]{6,20}$/);
        }
      }),
      runs(500),
    );
    expect(windowErrors).toEqual([]);
  }, 60_000);

  it('the baseline envelopes are accepted (the fuzz is not only hitting the door)', () => {
    sent.length = 0;
    accounts.length = 0;
    window.dispatchEvent(new MessageEvent('message', { data: sendEnvelope(PAIRS[0]!), origin: ORIGIN, source: window as unknown as MessageEventSource }));
    window.dispatchEvent(new MessageEvent('message', { data: infoEnvelope, origin: ORIGIN, source: window as unknown as MessageEventSource }));
    expect(sent).toHaveLength(1);
    expect(accounts).toEqual([['me@example.com', '4b7e2c1a9f']]);
  });
});
