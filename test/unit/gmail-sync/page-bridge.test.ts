// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_SOURCE, KIND_PAGE_INFO, KIND_SYNC_SEND, MAX_BODY_CHARS } from '../../../src/content/bridge-protocol';
import { Window as HappyWindow } from 'happy-dom';
import { listenToPage } from '../../../src/content/gmail/page-bridge';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Not fixtures.ts: under happy-dom the global URL is happy-dom's, which
// readFileSync does not accept.
const read = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../fixtures/gmail/sync-2022', `2022-09-09-${name}.json`), 'utf8');
const ORIGIN = 'https://mail.google.com';
const request = read('cvOnReplySend_2_request');
const response = read('cvOnReplySend_2_response');

function sendEnvelope(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source: BRIDGE_SOURCE,
    kind: KIND_SYNC_SEND,
    v: 1,
    url: `${ORIGIN}/sync/u/0/i/s`,
    status: 200,
    body: response,
    request,
    ...extra,
  };
}

function infoEnvelope(account: unknown = 'Me@Example.COM', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { source: BRIDGE_SOURCE, kind: KIND_PAGE_INFO, v: 1, account, ...extra };
}

function deliver(data: unknown, init: { origin?: string; source?: unknown } = {}): void {
  const event = new MessageEvent('message', {
    data,
    origin: init.origin ?? ORIGIN,
    source: ('source' in init ? init.source : window) as MessageEventSource,
  });
  window.dispatchEvent(event);
}

describe('listenToPage', () => {
  const onSend = vi.fn();
  const onAccount = vi.fn();
  let stop: () => void;

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}/mail/u/0/#inbox`);
    onSend.mockReset();
    onAccount.mockReset();
    stop = listenToPage(window, { onSend, onAccount });
  });
  afterEach(() => stop());

  it('accepts a real sample envelope and hands over the parsed ids', () => {
    deliver(sendEnvelope());
    expect(onSend).toHaveBeenCalledTimes(1);
    const [messages] = onSend.mock.calls[0]!;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      clientMessageId: 'msg-a:r2026878197680476540',
      serverMessageId: 'msg-f:1743802486513399385',
      permThreadId: 'thread-f:1743802434391390786',
      threadId: '18333b13345c3a42',
      rfcMessageId: '<CAFxDt-NiTcOcChGTdnjfqAW4x-A6VaVkW=jd2y8jE1bJajCULg@mail.gmail.com>',
      subject: 'Re: hey2',
    });
  });

  it('skips the parse while no send is waited for (draft saves and label changes use the same endpoint)', () => {
    stop();
    let waiting = false;
    stop = listenToPage(window, { onSend, onAccount, wantsSends: () => waiting });
    deliver(sendEnvelope());
    expect(onSend).not.toHaveBeenCalled();
    waiting = true;
    deliver(sendEnvelope());
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('accepts an envelope without the request', () => {
    const env = sendEnvelope();
    delete env.request;
    deliver(env);
    expect(onSend.mock.calls[0]![0][0]).toMatchObject({ clientMessageId: 'msg-a:r2026878197680476540' });
  });

  it('works through a real postMessage (a standalone happy-dom window)', async () => {
    // vitest's global `window` is not the event's `source` under happy-dom,
    // so use a window of its own, as the browser gives the content script.
    const page = new HappyWindow({ url: `${ORIGIN}/mail/u/0/` });
    const seen = vi.fn();
    const off = listenToPage(page as unknown as Window, { onSend: seen, onAccount });
    page.postMessage(sendEnvelope(), ORIGIN);
    page.postMessage(infoEnvelope(), ORIGIN);
    await vi.waitFor(() => expect(onAccount).toHaveBeenCalledWith('me@example.com'));
    expect(seen).toHaveBeenCalledTimes(1);
    off();
    await page.happyDOM.close();
  });

  it('does not call onSend when nothing was sent', () => {
    deliver(sendEnvelope({ body: '[]' }));
    const labelOnly = JSON.parse(request) as unknown[][][];
    labelOnly[1]![0] = [labelOnly[1]![0]![1]];
    deliver(sendEnvelope({ request: JSON.stringify(labelOnly) }));
    expect(onSend).not.toHaveBeenCalled();
  });

  it('passes on a plausible account, lower-cased', () => {
    deliver(infoEnvelope());
    expect(onAccount).toHaveBeenCalledWith('me@example.com');
  });

  it('passes on the page key with the account; without one, the account alone', () => {
    deliver(infoEnvelope('Me@Example.COM', { ik: '4b7e2c1a9f' }));
    expect(onAccount).toHaveBeenLastCalledWith('me@example.com', '4b7e2c1a9f');
    deliver(infoEnvelope());
    expect(onAccount).toHaveBeenLastCalledWith('me@example.com');
    expect(onAccount.mock.calls[1]).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['upper-case', '4B7E2C1A9F'],
    ['too short', 'abcde'],
    ['too long', 'a'.repeat(21)],
    ['not hex', '4b7e2c1a9g'],
    ['with a query string', '4b7e2c1a9f&view=pt'],
    ['empty', ''],
    ['a number', 0x4b7e2c1a9f],
    ['null', null],
  ])('drops the whole page info when its key is %s', (_, ik) => {
    deliver(infoEnvelope('me@example.com', { ik }));
    expect(onAccount).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['not an email', 'Me Example'],
    ['a number', 42],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(200)}.com`],
    ['with a name', 'Me <me@example.com>'],
  ])('rejects an account that is %s', (_, account) => {
    deliver(infoEnvelope(account));
    expect(onAccount).not.toHaveBeenCalled();
  });

  it.each<[string, unknown, { origin?: string; source?: unknown }?]>([
    ['another source window', sendEnvelope(), { source: {} }],
    ['no source window', sendEnvelope(), { source: null }],
    ['another origin', sendEnvelope(), { origin: 'https://evil.example' }],
    ['the http origin', sendEnvelope(), { origin: 'http://mail.google.com' }],
    ['another version', sendEnvelope({ v: 2 })],
    ['a string version', sendEnvelope({ v: '1' })],
    ['another kind', sendEnvelope({ kind: 'sync-sent' })],
    ['another source tag', sendEnvelope({ source: 'follow-through ' })],
    ['another status', sendEnvelope({ status: 201 })],
    ['an oversize body', sendEnvelope({ body: `[${' '.repeat(MAX_BODY_CHARS)}]` })],
    ['an oversize request', sendEnvelope({ request: `[${' '.repeat(MAX_BODY_CHARS)}]` })],
    ['a non-string body', sendEnvelope({ body: JSON.parse(response) })],
    ['an empty body', sendEnvelope({ body: '' })],
    ['a non-string request', sendEnvelope({ request: null })],
    ['an extra field', sendEnvelope({ trusted: true })],
    ['a missing field', (({ status: _s, ...rest }) => rest)(sendEnvelope())],
    ['another origin in the url', sendEnvelope({ url: 'https://evil.example/sync/u/0/i/s' })],
    ['another path', sendEnvelope({ url: `${ORIGIN}/sync/u/0/i/fd` })],
    ['a query string', sendEnvelope({ url: `${ORIGIN}/sync/u/0/i/s?x=1` })],
    ['a fragment', sendEnvelope({ url: `${ORIGIN}/sync/u/0/i/s#x` })],
    ['a relative url', sendEnvelope({ url: '/sync/u/0/i/s' })],
    ['a non-string url', sendEnvelope({ url: 7 })],
    ['an array', [sendEnvelope()]],
    ['a string', JSON.stringify(sendEnvelope())],
    ['null', null],
    ['page info with an extra field', { ...infoEnvelope(), extra: 1 }],
    ['page info without account', (({ account: _a, ...rest }) => rest)(infoEnvelope())],
  ])('ignores %s', (_, data, init) => {
    deliver(data, init);
    expect(onSend).not.toHaveBeenCalled();
    expect(onAccount).not.toHaveBeenCalled();
  });

  it('a throwing handler does not escape and the next message still arrives', () => {
    onSend.mockImplementation(() => {
      throw new Error('handler broke');
    });
    onAccount.mockImplementation(() => {
      throw new Error('handler broke');
    });
    const errors: unknown[] = [];
    const onError = (e: Event) => errors.push(e);
    window.addEventListener('error', onError);
    expect(() => deliver(sendEnvelope())).not.toThrow();
    expect(() => deliver(infoEnvelope())).not.toThrow();
    deliver(sendEnvelope());
    window.removeEventListener('error', onError);
    expect(onSend).toHaveBeenCalledTimes(2);
    expect(onAccount).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);
  });

  it('a getter-laden data object is ignored, not trusted', () => {
    const data = sendEnvelope();
    Object.defineProperty(data, 'body', {
      enumerable: true,
      get() {
        throw new Error('trap');
      },
    });
    expect(() => deliver(data)).not.toThrow();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('stops listening after the returned unsubscribe', () => {
    stop();
    deliver(sendEnvelope());
    deliver(infoEnvelope());
    expect(onSend).not.toHaveBeenCalled();
    expect(onAccount).not.toHaveBeenCalled();
  });
});
