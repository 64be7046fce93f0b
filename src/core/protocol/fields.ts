/**
 * The field schemas every request and the backup format share. Kept apart
 * from schemas.ts so the backup format can use them and schemas.ts can use
 * the backup's Reminder schema without an import cycle.
 */
import * as v from 'valibot';
import { permIdToHex } from '../reminder';

export const time = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/, 'Invalid id'));
export const address = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(320),
  v.regex(/^[^\s@<>]+@[^\s@<>]+$/, 'Not an e-mail address'),
  v.toLowerCase(),
);

export const threadIdField = v.pipe(v.string(), v.regex(/^[0-9a-f]{1,16}$/i, 'Invalid Gmail thread id'));
// `thread-f:<decimal>` that threadKeyOf can use: a regex alone would let 0 and ≥ 2^64 through.
export const permThreadIdField = v.pipe(
  v.string(),
  v.check((s) => permIdToHex(s) !== undefined, 'Invalid Gmail perm thread id'),
);
export const messageIdField = v.pipe(v.string(), v.maxLength(998), v.regex(/^<[^<>\s]+>$/, 'Invalid Message-ID'));

