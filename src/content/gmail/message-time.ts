/**
 * When each message of an open thread was sent, without assuming a zone.
 *
 * Exact where Gmail's ids say it: a message's legacy hex id (and its
 * `msg-f:<decimal>` id, the same number) holds Gmail's server time
 * (core/gmail-id-time.ts).
 *
 * A message with neither (one just sent still has its client id `msg-a:r…`)
 * has only its date `title`, a wall-clock reading in whatever zone Gmail's UI
 * uses. That reading is calibrated against the messages that have both an
 * exact time and a title (core/time/page-clock.ts: the zones that fit every
 * such message, DST included); with none to calibrate against it gets no
 * time — a guessed zone could date a reply before the send or an old message
 * after it.
 */
import { legacyIdTime } from '../../core/gmail-id-time';
import { parsePrintDate } from '../../core/replies/print-view/dates';
import { pageClock, type ClockPoint } from '../../core/time/page-clock';
import type { LocalDateTime } from '../../core/time/zoned';
import { hexId } from './ids';
import type { ThreadMessage } from './thread-view';

const MAX_POINTS = 8;

export { legacyIdTime };

/** The legacy hex of a message: its attribute, else its `msg-f:<decimal>` id (the same number). */
export function legacyHexOf(m: Pick<ThreadMessage, 'legacyMessageId' | 'messageId'>): string | undefined {
  const legacy = hexId(m.legacyMessageId);
  if (legacy) return legacy;
  const perm = /^msg-f:(\d{1,20})$/.exec(m.messageId ?? '');
  if (!perm?.[1]) return undefined;
  const n = BigInt(perm[1]);
  return n > 0n && n < 1n << 64n ? n.toString(16) : undefined;
}

/** The exact send time Gmail's ids give a message, if they do. */
export const idTime = (m: Pick<ThreadMessage, 'legacyMessageId' | 'messageId'>): number | undefined => legacyIdTime(legacyHexOf(m));

export interface MessageTime {
  at?: number;
  /** From Gmail's id (exact to the ms); false for a calibrated title (whole minutes). */
  exact: boolean;
}

/**
 * The time of every message, in order. `hints`: zones worth trying first
 * (the browser's: Gmail's UI usually shows its times in it).
 */
export function threadTimes(messages: readonly ThreadMessage[], hints: readonly string[] = []): MessageTime[] {
  const exact = messages.map(idTime);
  const locals = messages.map((m, i): LocalDateTime | undefined => (exact[i] === undefined && m.dateTitle ? parsePrintDate(m.dateTitle) : undefined));
  if (locals.every((l) => l === undefined)) return exact.map((at) => (at === undefined ? { exact: false } : { at, exact: true }));

  const points: ClockPoint[] = [];
  messages.forEach((m, i) => {
    const at = exact[i];
    const local = at !== undefined && m.dateTitle ? parsePrintDate(m.dateTitle) : undefined;
    if (at !== undefined && local) points.push({ local, at });
  });
  // The newest few are enough (a message without an id is one just sent) and keep a long thread cheap.
  points.splice(0, points.length - MAX_POINTS);
  // Titles that no zone explains together (a title format we misread): trust none of them.
  const clock = pageClock(points, hints);
  return messages.map((_, i) => {
    const at = exact[i];
    if (at !== undefined) return { at, exact: true };
    const local = locals[i];
    return clock && local ? { at: clock.read(local).at, exact: false } : { exact: false };
  });
}
