import type { Address } from '../../../src/core/reminder';
import type { ObservedMessage, ReplyRules } from '../../../src/core/replies/types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What Gmail shows for the tracked message: Tue, Jun 3, 2025 at 10:12 (whole minutes). */
export const SHOWN = Date.UTC(2025, 5, 3, 10, 12);
/** When the extension saw the tracked message go out: 10:12:40.123. */
export const SENT_AT = SHOWN + 40_123;
export const TRACKED_ID = '<CAF=tracked-0001@mail.gmail.com>';
export const TRACKED = { sentAt: SENT_AT, id: TRACKED_ID };
export const SUBJECT = 'Quarterly numbers';

export const ME: Address = { email: 'me@example.com', name: 'Me Myself' };
export const BOB: Address = { email: 'bob@acme.com', name: 'Bob Baker' };
export const CAROL: Address = { email: 'carol@acme.com', name: 'Carol Cruz' };
export const DAVE: Address = { email: 'dave@other.org', name: 'Dave' };

export function rules(over: Partial<ReplyRules> = {}): ReplyRules {
  return { ownAddresses: ['me@example.com'], plusAddressing: false, autoRepliesCount: false, ignoredIds: [], ...over };
}

let seq = 0;
/** A message from `from`, a few hours after the tracked one unless told otherwise. */
export function msg(from: Address | string, over: Partial<ObservedMessage> = {}): ObservedMessage {
  seq += 1;
  return {
    from: typeof from === 'string' ? { email: from } : from,
    to: [ME],
    at: SHOWN + 3 * HOUR,
    subject: `Re: ${SUBJECT}`,
    id: `<m${seq}@mail.example>`,
    ...over,
  };
}

/** The tracked message as a thread source shows it. */
export function tracked(over: Partial<ObservedMessage> = {}): ObservedMessage {
  return { from: ME, to: [BOB], at: SHOWN, subject: SUBJECT, id: TRACKED_ID, ...over };
}

/** Drops `at` (keys with undefined values are not the same as missing keys to every caller). */
export function untimed(m: ObservedMessage): ObservedMessage {
  const { at: _at, ...rest } = m;
  return rest;
}

export { seeded as prng } from '../seeded';

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

export function shuffle<T>(rand: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
