/**
 * The time inside a Gmail legacy id. Message and thread ids (the hex form,
 * and `msg-f:` / `thread-f:` decimals, the same numbers) are Gmail's server
 * time in ms shifted left by 20 bits: in the 2022 send responses the message
 * 18333b13345c3a42 >> 20 is 1663019594565 (21:53:14.565 Z), the response's
 * own time for it. A thread's id is its first message's (or the draft's that
 * became it, so at or before its first message).
 */
import { permIdToHex } from './reminder';

const MIN_AT = Date.UTC(2000, 0, 1);
const MAX_AT = Date.UTC(2100, 0, 1);

/** ms since the epoch; undefined when the value is not a legacy id (a time outside 2000–2100 says it is something else). */
export function legacyIdTime(hex: string | null | undefined): number | undefined {
  const v = (hex ?? '').trim();
  if (!/^[0-9a-f]{1,16}$/i.test(v)) return undefined;
  const ms = Number(BigInt(`0x${v}`) >> 20n);
  return ms >= MIN_AT && ms < MAX_AT ? ms : undefined;
}

/** When a thread began (its first message or draft), from its hex or perm id. */
export function threadStartOf(thread: { threadId?: string; permThreadId?: string }): number | undefined {
  return legacyIdTime(thread.threadId) ?? legacyIdTime(permIdToHex(thread.permThreadId));
}
