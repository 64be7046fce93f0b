/**
 * Body text → the top-level JSON array, or undefined. Size-checked before
 * parsing; Gmail's `)]}'` anti-XSSI prefix is stripped when present.
 */
import { MAX_BODY_CHARS } from '../../bridge-protocol';
import type { Arr } from './types';

const XSSI_RE = /^\)\]\}'[^\n]*(?:\n|$)/;

export function decode(body: unknown): Arr | undefined {
  if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY_CHARS) return undefined;
  let text = body.trim();
  const xssi = XSSI_RE.exec(text);
  if (xssi) text = text.slice(xssi[0].length).trim();
  if (!text.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) ? parsed : undefined;
}
