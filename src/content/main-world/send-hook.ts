/**
 * Page-world observer of Gmail's send traffic (`POST /sync/u/<n>/i/s`).
 *
 * Runs inside Gmail's own JS world, so two rules trump everything else:
 * nothing here may throw into Gmail, and Gmail must see exactly what it
 * would see without us (same arguments, `this`, return values, events and
 * a response body it can still read). We only ever add a `load` listener to
 * matching XHRs and read a `clone()` of matching fetch responses.
 *
 * Bundled as one self-contained script: import only the bridge protocol.
 */

import {
  BRIDGE_SOURCE,
  BRIDGE_VERSION,
  KIND_SYNC_SEND,
  MAX_BODY_CHARS,
  SYNC_SEND_PATH,
  type SyncSendEnvelope,
} from '../bridge-protocol';
import { repostPageInfo } from './page-info';

type Win = Window & typeof globalThis;

// Symbol.for: a second copy of this script (a re-injection) must see the mark.
const INSTALLED = Symbol.for('follow-through.send-hook');

/** `origin + pathname` when this is a same-origin POST to the send endpoint. */
export function matchSend(win: Win, method: unknown, url: unknown): string | undefined {
  if (typeof method !== 'string' || method.toUpperCase() !== 'POST') return undefined;
  const origin = win.location.origin;
  const u = new URL(String(url), win.location.href);
  if (u.origin !== origin || !SYNC_SEND_PATH.test(u.pathname)) return undefined;
  return origin + u.pathname;
}

function post(win: Win, url: string, body: unknown, request: unknown): void {
  try {
    if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY_CHARS) return;
    const envelope: SyncSendEnvelope = { source: BRIDGE_SOURCE, kind: KIND_SYNC_SEND, v: BRIDGE_VERSION, url, status: 200, body };
    if (typeof request === 'string' && request.length <= MAX_BODY_CHARS) envelope.request = request;
    // The isolated world may have started listening after the page-info post.
    repostPageInfo(win);
    win.postMessage(envelope, win.location.origin);
  } catch {
    // A broken postMessage must not surface in Gmail's callbacks.
  }
}

function hookXhr(win: Win): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const open = proto.open;
  const send = proto.send;
  const pending = new WeakMap<XMLHttpRequest, string>();

  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = matchSend(win, args[0], args[1]);
      if (url) pending.set(this, url);
      else pending.delete(this); // a reused XHR re-opened for something else
    } catch {
      pending.delete(this);
    }
    // Same argument count: `open(m, u)` and `open(m, u, undefined)` differ.
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;

  proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = pending.get(this);
      if (url) {
        const xhr = this;
        const request = args[0];
        xhr.addEventListener(
          'load',
          () => {
            try {
              const type = xhr.responseType;
              if (xhr.status === 200 && (type === '' || type === 'text')) post(win, url, xhr.responseText, request);
            } catch {
              // responseText can throw for odd states; never Gmail's problem.
            }
          },
          { once: true },
        );
      }
    } catch {
      // fall through to Gmail's send untouched
    }
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.send;
}

function hookFetch(win: Win): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;

  win.fetch = function (this: unknown, ...args: unknown[]) {
    const result = (original as (...a: unknown[]) => Promise<Response>).apply(this, args);
    try {
      const [input, init] = args as [unknown, RequestInit | undefined];
      const isRequest = typeof win.Request === 'function' && input instanceof win.Request;
      const method = init?.method ?? (isRequest ? (input as Request).method : 'GET');
      const url = matchSend(win, method, isRequest ? (input as Request).url : input);
      if (url) {
        const request = init?.body;
        // The second callback only silences our own branch; Gmail still
        // receives `result` itself and handles its rejection as before.
        result.then(
          (res) => {
            if (res.status !== 200) return;
            res
              .clone()
              .text()
              .then((body) => post(win, url, body, request))
              .catch(() => undefined);
          },
          () => undefined,
        ).catch(() => undefined);
      }
    } catch {
      // never let our bookkeeping change Gmail's fetch
    }
    return result;
  } as typeof win.fetch;
}

/**
 * Installs the XHR and fetch hooks once per window. Returns false (and does
 * nothing) when they are already installed.
 */
export function installSendHook(win: Win): boolean {
  try {
    const marked = win as unknown as Record<symbol, unknown>;
    if (marked[INSTALLED]) return false;
    Object.defineProperty(win, INSTALLED, { value: true });
    hookXhr(win);
    hookFetch(win);
    return true;
  } catch {
    // a locked-down window: stay out of the way
    return false;
  }
}
