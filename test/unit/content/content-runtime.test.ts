/**
 * The content script's own runtime.onMessage: only our background may talk
 * to it (our extension id and no tab). Our content scripts in other tabs,
 * other extensions and pages are ignored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const OUR_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER_ID = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';

type Sender = { id?: string; tab?: unknown; url?: string };
type Listener = (message: unknown, sender: Sender) => void;

/** A fake `chrome`/`browser` global, then a fresh import of the module that reads it at load. */
async function load(global: 'chrome' | 'browser') {
  const listeners: Listener[] = [];
  const api = {
    runtime: {
      id: OUR_ID,
      sendMessage: vi.fn(async () => ({ ok: true, data: null })),
      onMessage: { addListener: (fn: Listener) => listeners.push(fn) },
    },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
  };
  vi.stubGlobal(global, api);
  vi.resetModules();
  const runtime = await import('../../../src/platform/content-runtime');
  const received: unknown[] = [];
  runtime.onBackgroundMessage((m) => received.push(m));
  expect(listeners).toHaveLength(1);
  const deliver = (message: unknown, sender: Sender) => listeners[0]!(message, sender);
  return { deliver, received, api, runtime };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe.each(['chrome', 'browser'] as const)('onBackgroundMessage (%s global)', (global) => {
  it('passes on a message from our background (our id, no tab)', async () => {
    const { deliver, received } = await load(global);
    deliver({ type: 'arm' }, { id: OUR_ID });
    deliver({ type: 'arm', n: 2 }, { id: OUR_ID, url: `chrome-extension://${OUR_ID}/service-worker-loader.js` });
    expect(received).toEqual([{ type: 'arm' }, { type: 'arm', n: 2 }]);
  });

  const refused: [string, Sender][] = [
    ['another extension', { id: OTHER_ID }],
    ['another extension claiming our background url', { id: OTHER_ID, url: `chrome-extension://${OUR_ID}/service-worker-loader.js` }],
    ['our own content script in another tab', { id: OUR_ID, url: GMAIL, tab: { id: 7, url: GMAIL } }],
    ['our own page opened in a tab', { id: OUR_ID, url: `chrome-extension://${OUR_ID}/src/options/index.html`, tab: { id: 3 } }],
    ['a sender with an empty tab object', { id: OUR_ID, tab: {} }],
    ['a sender without an id', { url: GMAIL }],
    ['an empty sender', {}],
    ['a web page of a non-mail site', { url: 'https://example.com/', tab: { url: 'https://example.com/' } }],
  ];

  it.each(refused)('ignores %s', async (_name, sender) => {
    const { deliver, received } = await load(global);
    deliver({ type: 'arm' }, sender);
    expect(received).toEqual([]);
  });

  it('sends requests through runtime.sendMessage in the protocol envelope', async () => {
    const { api, runtime } = await load(global);
    await runtime.request('settings.get', {});
    expect(api.runtime.sendMessage).toHaveBeenCalledWith({ v: 1, type: 'settings.get', payload: {} });
  });
});

describe.each(['chrome', 'browser'] as const)('an orphaned context (%s global)', (global) => {
  it('is alive while the runtime has an id', async () => {
    const { runtime } = await load(global);
    expect(runtime.extensionAlive()).toBe(true);
  });

  it('after an update (id gone, sendMessage throwing synchronously) requests fail quietly with ExtensionGoneError and the gone callbacks run once', async () => {
    const { api, runtime } = await load(global);
    const gone = vi.fn();
    runtime.onExtensionGone(gone);
    (api.runtime as { id?: string }).id = undefined;
    api.runtime.sendMessage.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(runtime.extensionAlive()).toBe(false);
    await expect(runtime.request('settings.get', {})).rejects.toMatchObject({ name: 'ExtensionGoneError' });
    await expect(runtime.request('settings.get', {})).rejects.toMatchObject({ name: 'ExtensionGoneError' });
    expect(gone).toHaveBeenCalledTimes(1);
    // Never even tried: no "Extension context invalidated" can surface.
    expect(api.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('a call in flight when the context goes rejects with ExtensionGoneError, not the browser\'s message', async () => {
    const { api, runtime } = await load(global);
    const gone = vi.fn();
    runtime.onExtensionGone(gone);
    api.runtime.sendMessage.mockImplementation(async () => {
      (api.runtime as { id?: string }).id = undefined;
      throw new Error('Extension context invalidated.');
    });
    await expect(runtime.request('settings.get', {})).rejects.toMatchObject({ name: 'ExtensionGoneError' });
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('an ordinary failure while alive stays that failure', async () => {
    const { api, runtime } = await load(global);
    const gone = vi.fn();
    runtime.onExtensionGone(gone);
    api.runtime.sendMessage.mockImplementation(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(runtime.request('settings.get', {})).rejects.toThrow('Receiving end does not exist');
    expect(gone).not.toHaveBeenCalled();
    expect(runtime.extensionAlive()).toBe(true);
  });

  it('an orphan ignores messages even from a sender without an id', async () => {
    const { api, deliver, received } = await load(global);
    (api.runtime as { id?: string }).id = undefined;
    deliver({ type: 'arm' }, {});
    expect(received).toEqual([]);
  });
});

describe('a call failing just before the context goes (update race)', () => {
  it('the channel closes first, the id goes a moment later: still ExtensionGoneError', async () => {
    const { api, runtime } = await load('chrome');
    api.runtime.sendMessage.mockImplementation(async () => {
      setTimeout(() => ((api.runtime as { id?: string }).id = undefined), 200);
      throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
    });
    await expect(runtime.request('settings.get', {})).rejects.toMatchObject({ name: 'ExtensionGoneError' });
  });
});
