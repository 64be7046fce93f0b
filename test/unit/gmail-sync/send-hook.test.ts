import { beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_SOURCE, KIND_PAGE_INFO, KIND_SYNC_SEND, MAX_BODY_CHARS } from '../../../src/content/bridge-protocol';
import { installSendHook } from '../../../src/content/main-world/send-hook';
import { repostPageInfo, watchPageInfo } from '../../../src/content/main-world/page-info';
import { pair } from './fixtures';

const ORIGIN = 'https://mail.google.com';
const SEND_URL = '/sync/u/0/i/s?hl=en&c=3';

/** Just enough of XMLHttpRequest: Gmail's code and ours both use this. */
class FakeXhr extends EventTarget {
  static respond = { status: 200, text: '' };
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  opened: unknown[] = [];
  sent: unknown[] = [];
  open(...args: unknown[]): string {
    this.opened = args;
    return 'open-result';
  }
  send(...args: unknown[]): string {
    this.sent = args;
    return 'send-result';
  }
  /** The "network" answers; `load` fires like a real XHR. */
  finish(): void {
    this.status = FakeXhr.respond.status;
    this.responseText = FakeXhr.respond.text;
    this.dispatchEvent(new Event('load'));
  }
}

interface FakeWin {
  win: Window & typeof globalThis;
  posted: [unknown, string][];
  fetchCalls: unknown[][];
  doc: EventTarget;
  timers: (() => void)[];
}

function fakeWindow(fetchResponse: () => Promise<Response>): FakeWin {
  const posted: [unknown, string][] = [];
  const fetchCalls: unknown[][] = [];
  const doc = new EventTarget();
  const timers: (() => void)[] = [];
  class Xhr extends FakeXhr {}
  const target = new EventTarget();
  const win = Object.assign(target, {
    location: { origin: ORIGIN, href: `${ORIGIN}/mail/u/0/#inbox` },
    XMLHttpRequest: Xhr,
    Request,
    document: doc,
    postMessage: (data: unknown, origin: string) => posted.push([data, origin]),
    setTimeout: (fn: () => void) => timers.push(fn),
    fetch(this: unknown, ...args: unknown[]) {
      fetchCalls.push([this, ...args]);
      return fetchResponse();
    },
  });
  return { win: win as unknown as Window & typeof globalThis, posted, fetchCalls, doc, timers };
}

function xhrOf(f: FakeWin): FakeXhr {
  return new (f.win.XMLHttpRequest as unknown as typeof FakeXhr)();
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('installSendHook: XMLHttpRequest', () => {
  const { request, response } = pair('cvOnSend_3');
  let f: FakeWin;
  beforeEach(() => {
    FakeXhr.respond = { status: 200, text: response };
    f = fakeWindow(async () => new Response(''));
    expect(installSendHook(f.win)).toBe(true);
  });

  it('posts the envelope for a same-origin POST to the send path', () => {
    const xhr = xhrOf(f);
    const seen: string[] = [];
    xhr.addEventListener('load', () => seen.push(xhr.responseText));
    expect(xhr.open('POST', SEND_URL, true)).toBe('open-result');
    expect(xhr.opened).toEqual(['POST', SEND_URL, true]);
    expect(xhr.send(request)).toBe('send-result');
    expect(xhr.sent).toEqual([request]);
    xhr.finish();
    expect(f.posted).toEqual([
      [
        {
          source: BRIDGE_SOURCE,
          kind: KIND_SYNC_SEND,
          v: 1,
          url: `${ORIGIN}/sync/u/0/i/s`,
          status: 200,
          body: response,
          request,
        },
        ORIGIN,
      ],
    ]);
    expect(seen).toEqual([response]); // Gmail's own listener still reads it
  });

  it('keeps the exact argument count (async omitted ≠ async undefined)', () => {
    const xhr = xhrOf(f);
    xhr.open('post', `${ORIGIN}/sync/u/1/i/s`);
    expect(xhr.opened).toHaveLength(2);
    xhr.send();
    expect(xhr.sent).toHaveLength(0);
    xhr.finish();
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]![0]).not.toHaveProperty('request'); // no string body
  });

  it.each([
    ['GET', SEND_URL],
    ['POST', '/sync/u/0/i/fd'],
    ['POST', '/sync/u/0/i/s/extra'],
    ['POST', 'https://evil.example/sync/u/0/i/s'],
    ['POST', 'http://mail.google.com/sync/u/0/i/s'],
  ])('ignores %s %s', (method, url) => {
    const xhr = xhrOf(f);
    xhr.open(method, url);
    xhr.send('x');
    xhr.finish();
    expect(f.posted).toEqual([]);
  });

  it('ignores non-200, non-text and oversize responses', () => {
    for (const [status, type, text] of [
      [500, '', response],
      [0, '', ''],
      [200, 'json', response],
      [200, '', 'x'.repeat(MAX_BODY_CHARS + 1)],
    ] as const) {
      FakeXhr.respond = { status, text };
      const xhr = xhrOf(f);
      xhr.responseType = type;
      xhr.open('POST', SEND_URL);
      xhr.send(request);
      xhr.finish();
    }
    expect(f.posted).toEqual([]);
  });

  it('a re-opened XHR for another URL is no longer watched', () => {
    const xhr = xhrOf(f);
    xhr.open('POST', SEND_URL);
    xhr.open('POST', '/mail/u/0/other');
    xhr.send('x');
    xhr.finish();
    expect(f.posted).toEqual([]);
  });

  it('a throwing postMessage does not break the request', () => {
    f.win.postMessage = () => {
      throw new Error('boom');
    };
    const xhr = xhrOf(f);
    const seen: number[] = [];
    xhr.addEventListener('load', () => seen.push(xhr.status));
    xhr.open('POST', SEND_URL);
    expect(() => xhr.send(request)).not.toThrow();
    expect(() => xhr.finish()).not.toThrow();
    expect(seen).toEqual([200]);
  });

  it('a throwing URL parse (bad input) still calls the real open', () => {
    const xhr = xhrOf(f);
    expect(xhr.open('POST', 'http://[bad')).toBe('open-result');
    expect(xhr.opened).toEqual(['POST', 'http://[bad']);
  });

  it('installs once', () => {
    const open = f.win.XMLHttpRequest.prototype.open;
    expect(installSendHook(f.win)).toBe(false);
    expect(f.win.XMLHttpRequest.prototype.open).toBe(open);
    const xhr = xhrOf(f);
    xhr.open('POST', SEND_URL);
    xhr.send(request);
    xhr.finish();
    expect(f.posted).toHaveLength(1);
  });
});

describe('installSendHook: fetch', () => {
  const { request, response } = pair('cvOnReplySend_2');

  it('posts the envelope and leaves the response readable by Gmail', async () => {
    const f = fakeWindow(async () => new Response(response, { status: 200 }));
    installSendHook(f.win);
    const res = await f.win.fetch(SEND_URL, { method: 'POST', body: request });
    expect(await res.text()).toBe(response);
    await settle();
    expect(f.fetchCalls).toEqual([[f.win, SEND_URL, { method: 'POST', body: request }]]);
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]).toEqual([
      { source: BRIDGE_SOURCE, kind: KIND_SYNC_SEND, v: 1, url: `${ORIGIN}/sync/u/0/i/s`, status: 200, body: response, request },
      ORIGIN,
    ]);
  });

  it('reads the method and URL of a Request object', async () => {
    const f = fakeWindow(async () => new Response(response));
    installSendHook(f.win);
    await f.win.fetch(new Request(`${ORIGIN}/sync/u/2/i/s`, { method: 'POST', body: request }));
    await settle();
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]![0]).toMatchObject({ url: `${ORIGIN}/sync/u/2/i/s` });
    expect(f.posted[0]![0]).not.toHaveProperty('request'); // a stream body is not read
  });

  it('ignores GET, other paths, other origins and non-200', async () => {
    const f = fakeWindow(async () => new Response(response, { status: 200 }));
    installSendHook(f.win);
    await f.win.fetch(SEND_URL);
    await f.win.fetch('/sync/u/0/i/bv', { method: 'POST' });
    await f.win.fetch('https://evil.example/sync/u/0/i/s', { method: 'POST' });
    const g = fakeWindow(async () => new Response(response, { status: 404 }));
    installSendHook(g.win);
    await g.win.fetch(SEND_URL, { method: 'POST' });
    await settle();
    expect(f.posted).toEqual([]);
    expect(g.posted).toEqual([]);
  });

  it('returns the very same promise and rejection', async () => {
    const failure = new TypeError('offline');
    let promise: Promise<Response> | undefined;
    const f = fakeWindow(() => (promise = Promise.reject(failure)));
    installSendHook(f.win);
    const got = f.win.fetch(SEND_URL, { method: 'POST' });
    expect(got).toBe(promise);
    await expect(got).rejects.toBe(failure);
    expect(f.posted).toEqual([]);
  });

  it('a throwing postMessage does not break the fetch', async () => {
    const f = fakeWindow(async () => new Response(response));
    f.win.postMessage = () => {
      throw new Error('boom');
    };
    installSendHook(f.win);
    const res = await f.win.fetch(SEND_URL, { method: 'POST', body: request });
    expect(await res.text()).toBe(response);
    await settle();
  });

  it('installs once', async () => {
    const f = fakeWindow(async () => new Response(response));
    installSendHook(f.win);
    const hooked = f.win.fetch;
    installSendHook(f.win);
    expect(f.win.fetch).toBe(hooked);
    await f.win.fetch(SEND_URL, { method: 'POST' });
    await settle();
    expect(f.posted).toHaveLength(1);
  });
});

describe('watchPageInfo', () => {
  const info = (account: string, ik?: string) => [{ source: BRIDGE_SOURCE, kind: KIND_PAGE_INFO, v: 1, account, ...(ik ? { ik } : {}) }, ORIGIN];
  const setGlobals = (f: FakeWin, values: Record<number, unknown>) => ((f.win as unknown as { GLOBALS: unknown[] }).GLOBALS = Object.assign([], values));

  it('posts GLOBALS[10] once it appears, at DOMContentLoaded', () => {
    const f = fakeWindow(async () => new Response(''));
    watchPageInfo(f.win);
    expect(f.posted).toEqual([]);
    (f.win as unknown as { GLOBALS: unknown[] }).GLOBALS = Object.assign([], { 10: 'Me@Example.com' });
    f.doc.dispatchEvent(new Event('DOMContentLoaded'));
    f.win.dispatchEvent(new Event('load'));
    expect(f.posted).toEqual([info('Me@Example.com')]);
    expect(f.timers).toEqual([]);
  });

  it('retries a bounded number of times after load, then stops', () => {
    const f = fakeWindow(async () => new Response(''));
    watchPageInfo(f.win);
    f.doc.dispatchEvent(new Event('DOMContentLoaded'));
    f.win.dispatchEvent(new Event('load'));
    expect(f.timers.length).toBeGreaterThan(0);
    expect(f.timers.length).toBeLessThanOrEqual(5);
    (f.win as unknown as { GLOBALS: unknown[] }).GLOBALS = Object.assign([], { 10: 'not an email' });
    f.timers.shift()!();
    expect(f.posted).toEqual([]);
    (f.win as unknown as { GLOBALS: unknown[] }).GLOBALS = Object.assign([], { 10: 'me@example.com' });
    for (const t of f.timers.splice(0)) t();
    expect(f.posted).toEqual([info('me@example.com')]);
  });

  it('posts the page key from GLOBALS[9] with the account', () => {
    const f = fakeWindow(async () => new Response(''));
    setGlobals(f, { 9: '4b7e2c1a9f', 10: 'me@example.com' });
    watchPageInfo(f.win);
    expect(f.posted).toEqual([info('me@example.com', '4b7e2c1a9f')]);
  });

  it.each<[string, unknown]>([
    ['upper-case hex', '4B7E2C1A9F'],
    ['too short', 'abc'],
    ['not hex', 'xyz123456'],
    ['a number', 12345678],
    ['an object', { toString: () => '4b7e2c1a9f' }],
  ])('leaves out a page key that is %s, still posting the account', (_, ik) => {
    const f = fakeWindow(async () => new Response(''));
    setGlobals(f, { 9: ik, 10: 'me@example.com' });
    watchPageInfo(f.win);
    expect(f.posted).toEqual([info('me@example.com')]);
  });

  it('a page key that shows up after the account goes with the next re-post', () => {
    const f = fakeWindow(async () => new Response(''));
    setGlobals(f, { 10: 'me@example.com' });
    watchPageInfo(f.win);
    setGlobals(f, { 9: '4b7e2c1a9f', 10: 'me@example.com' });
    repostPageInfo(f.win);
    expect(f.posted).toEqual([info('me@example.com'), info('me@example.com', '4b7e2c1a9f')]);
  });

  it('a throwing GLOBALS[9] getter does not escape', () => {
    const f = fakeWindow(async () => new Response(''));
    const globals = Object.assign([], { 10: 'me@example.com' });
    Object.defineProperty(globals, 9, {
      get() {
        throw new Error('nope');
      },
    });
    (f.win as unknown as { GLOBALS: unknown[] }).GLOBALS = globals;
    expect(() => watchPageInfo(f.win)).not.toThrow();
    expect(() => f.doc.dispatchEvent(new Event('DOMContentLoaded'))).not.toThrow();
    expect(() => repostPageInfo(f.win)).not.toThrow();
  });

  it('survives a hostile GLOBALS getter', () => {
    const f = fakeWindow(async () => new Response(''));
    Object.defineProperty(f.win, 'GLOBALS', {
      get() {
        throw new Error('nope');
      },
    });
    expect(() => watchPageInfo(f.win)).not.toThrow();
    expect(() => f.doc.dispatchEvent(new Event('DOMContentLoaded'))).not.toThrow();
  });

  it('re-posts the account just before a send envelope', () => {
    const f = fakeWindow(async () => new Response(''));
    (f.win as unknown as { GLOBALS: unknown[] }).GLOBALS = Object.assign([], { 10: 'me@example.com' });
    installSendHook(f.win);
    watchPageInfo(f.win);
    FakeXhr.respond = { status: 200, text: '[]' };
    const xhr = xhrOf(f);
    xhr.open('POST', SEND_URL);
    xhr.send('[]');
    xhr.finish();
    expect(f.posted.map(([d]) => (d as { kind: string }).kind)).toEqual([KIND_PAGE_INFO, KIND_PAGE_INFO, KIND_SYNC_SEND]);
  });
});
