/**
 * Gmail id strings as they appear in the DOM, validated and normalised.
 * Gmail writes them in several shapes (`#msg-f:…` with a hash, hex legacy
 * ids with leading zeros, the perm id sometimes the literal "undefined"),
 * so every reader goes through here and gets either a clean id or nothing.
 */

import { permIdToHex } from '../../core/reminder';

const HEX = /^[0-9a-f]{1,16}$/i;
const CLIENT_MSG = /^msg-a:r-?\d{1,20}$/;
const CLIENT_THREAD = /^thread-a:r-?\d{1,20}$/;
const SERVER_MSG = /^msg-f:\d{1,20}$/;
/** The base64 JSON inside a `jslog` is small; anything larger is not what we expect. */
const MAX_JSLOG = 4096;

const unhash = (v: string | null | undefined) => (v ?? '').trim().replace(/^#/, '');

/** Legacy hex id (thread or message), lower case without leading zeros; undefined if it is not one. */
export function hexId(value: string | null | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (!HEX.test(v)) return undefined;
  const n = BigInt(`0x${v}`);
  return n > 0n ? n.toString(16) : undefined;
}

/** `thread-f:<decimal>` for a hex thread id (the two are the same number). */
export function hexToPermId(hex: string | undefined): string | undefined {
  const h = hexId(hex);
  return h ? `thread-f:${BigInt(`0x${h}`).toString(10)}` : undefined;
}

/**
 * A thread's hex and perm ids from the attributes that carry them. The hex
 * id wins: the perm id is often "undefined" (2024+) and is kept only when
 * it parses and names the same thread; a missing one is derived.
 */
export function threadIds(
  hexAttr: string | null | undefined,
  permAttr: string | null | undefined,
): { threadId?: string; permThreadId?: string } {
  const hex = hexId(hexAttr);
  const perm = unhash(permAttr);
  const permHex = permIdToHex(perm);
  const threadId = hex ?? permHex;
  if (!threadId) return {};
  const permThreadId = permHex === threadId ? perm : hexToPermId(threadId);
  return permThreadId ? { threadId, permThreadId } : { threadId };
}

/** `msg-a:r…` from `#msg-a:r…`, or undefined. */
export function clientMessageId(value: string | null | undefined): string | undefined {
  const v = unhash(value);
  return CLIENT_MSG.test(v) ? v : undefined;
}

/** `thread-a:r…` from `#thread-a:r…`, or undefined. */
export function clientThreadId(value: string | null | undefined): string | undefined {
  const v = unhash(value);
  return CLIENT_THREAD.test(v) ? v : undefined;
}

/** A message's `data-message-id`: server `msg-f:…` or, just after sending, client `msg-a:r…`. */
export function messageId(value: string | null | undefined): string | undefined {
  const v = unhash(value);
  return SERVER_MSG.test(v) || CLIENT_MSG.test(v) ? v : undefined;
}

/**
 * Client ids from a `jslog` attribute: its `11:` field is base64 JSON like
 * `["#msg-a:r-…",null,…,["#thread-a:r-…"],false]`. Ids are found by shape,
 * not by position, because the array layout is not ours to rely on.
 */
export function jslogIds(jslog: string | null | undefined): { messageId?: string; threadId?: string } {
  try {
    const field = (jslog ?? '').split(';').map((s) => s.trim()).find((s) => s.startsWith('11:'));
    const b64 = field?.slice(3).replace(/-/g, '+').replace(/_/g, '/');
    if (!b64 || b64.length > MAX_JSLOG) return {};
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    const data: unknown = JSON.parse(atob(padded));
    const out: { messageId?: string; threadId?: string } = {};
    const visit = (v: unknown, depth: number) => {
      if (typeof v === 'string') {
        out.messageId ??= clientMessageId(v);
        out.threadId ??= clientThreadId(v);
      } else if (Array.isArray(v) && depth < 4) {
        for (const item of v.slice(0, 64)) visit(item, depth + 1);
      }
    };
    visit(data, 0);
    return out;
  } catch {
    return {};
  }
}
