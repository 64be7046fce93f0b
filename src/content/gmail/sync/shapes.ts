/**
 * The shape rules (see sync-response.ts): id patterns and the predicates
 * that recognise contact tuples, label lists, times and legacy hex ids by
 * type and content, never by index.
 */
import { looksLikeEmail } from '../../bridge-protocol';
import type { Arr } from './types';

const MAX_NAME = 256;
const MAX_LABELS = 500;
const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2100, 0, 1);

export const CLIENT_MSG_RE = /^msg-a:r-?\d{1,20}$/;
export const SERVER_MSG_RE = /^msg-f:\d{1,20}$/;
export const CLIENT_THREAD_RE = /^thread-a:r-?\d{1,20}$/;
export const CUSTOM_THREAD_RE = /^(thread-a:r-?\d{1,20})\|msg-a:r-?\d{1,20}$/;
export const PERM_THREAD_RE = /^thread-f:\d{1,20}$/;
export const RFC_ID_RE = /^<[^<>\s@]{1,500}@[^<>\s@]{1,300}>$/;
export const HEX_ID_RE = /^[0-9a-f]{12,16}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `[1, string, string?, …]`: Gmail's contact tuple (email, display name). */
export function isContactTuple(v: unknown): v is Arr {
  return (
    Array.isArray(v) &&
    v.length >= 2 &&
    v.length <= 32 &&
    v[0] === 1 &&
    typeof v[1] === 'string' &&
    v[1].length <= 512 &&
    (v[2] === undefined || v[2] === null || typeof v[2] === 'string')
  );
}

/** A string that may be a subject: not one of the id forms found next to times. */
export function isSubjectLike(s: string): boolean {
  return !(CLIENT_MSG_RE.test(s) || SERVER_MSG_RE.test(s) || RFC_ID_RE.test(s) || CLIENT_THREAD_RE.test(s) || PERM_THREAD_RE.test(s));
}

export function isLabelList(v: Arr): boolean {
  if (v.length === 0 || v.length > MAX_LABELS) return false;
  let system = false;
  for (const s of v) {
    if (typeof s !== 'string' || s.length > 200) return false;
    if (s.startsWith('^')) system = true;
  }
  return system;
}

export function toAddress(t: Arr): { email: string; name?: string } | undefined {
  const email = typeof t[1] === 'string' ? t[1].trim() : '';
  if (!looksLikeEmail(email)) return undefined;
  const name = typeof t[2] === 'string' ? cleanText(t[2], MAX_NAME).trim() : '';
  return name ? { email: email.toLowerCase(), name } : { email: email.toLowerCase() };
}

export function isPlausibleTime(v: number): boolean {
  return Number.isSafeInteger(v) && v >= MIN_TIME && v < MAX_TIME;
}

/** `hex >> 20` as ms, when plausible. */
export function hexTime(hex: string): number | undefined {
  const n = BigInt(`0x${hex}`);
  if (n <= 0n || n >= 1n << 64n) return undefined;
  const ts = Number(n >> 20n);
  return isPlausibleTime(ts) ? ts : undefined;
}

export function cleanText(s: string, max: number): string {
  let out = s.replace(CONTROL_RE, ' ');
  if (out.length > max) {
    out = out.slice(0, max);
    // Do not leave half a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}
