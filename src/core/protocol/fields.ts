/**
 * The field schemas every request and the backup format share. Kept apart
 * from schemas.ts so the backup format can use them and schemas.ts can use
 * the backup's Reminder schema without an import cycle.
 */
import * as v from 'valibot';
import { permIdToHex } from '../reminder';

export const time = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/, 'Invalid id'));
// Controls (C0, DEL, C1) and invisible characters (soft hyphen, zero-width space, bidi marks,
// embeddings, overrides and isolates, invisible operators, BOM): no real address has them, and
// shown raw (the account is, in notifications and the calendar file) they could disguise one.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
export const address = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(320),
  v.regex(/^[^\s@<>]+@[^\s@<>]+$/, 'Not an e-mail address'),
  v.check((s) => !INVISIBLE.test(s), 'Not an e-mail address: it holds a control or invisible character'),
  v.toLowerCase(),
);

export const threadIdField = v.pipe(v.string(), v.regex(/^[0-9a-f]{1,16}$/i, 'Invalid Gmail thread id'));
// `thread-f:<decimal>` that threadKeyOf can use: a regex alone would let 0 and ≥ 2^64 through.
export const permThreadIdField = v.pipe(
  v.string(),
  v.check((s) => permIdToHex(s) !== undefined, 'Invalid Gmail perm thread id'),
);
export const messageIdField = v.pipe(v.string(), v.maxLength(998), v.regex(/^<[^<>\s]+>$/, 'Invalid Message-ID'));

