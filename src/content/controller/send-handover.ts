/**
 * Sends still waiting for Gmail's answer when the content script is
 * replaced (an update lands during Gmail's "Undo send" delay, up to 30 s).
 * The old script can no longer store anything; it leaves what it knew on
 * the page, and the new one picks it up before it starts listening to the
 * send hook, so that send still stores its reminder.
 *
 * The page can read and write the attribute too: each record is checked for
 * shape and size, and the background validates the reminder again.
 */
import type { Address } from '../../core/reminder';
import type { ComposeSnapshot } from '../gmail/compose-read';
import type { SentMessage } from '../gmail/sync-response';
import type { Armed } from '../ui/types';
import type { ThreadContext } from './identity';
import { isArmed, isPlain } from './armed-store';
import { looksLikeEmail } from '../bridge-protocol';

export const HANDOVER_ATTR = 'data-follow-through-sends';
/** Dispatched on the document after sends were left: a replacement already running takes them at once. */
export const SENDS_LEFT_EVENT = 'follow-through:sends-left';
const MAX_CHARS = 200_000;
const MAX_SENDS = 20;
/** Older than the send tracker's wait: nothing would answer it any more. */
const MAX_AGE_MS = 60_000;

export interface PendingSend {
  /** The reminder's id, chosen at Send. */
  id: string;
  snapshot: ComposeSnapshot;
  context?: ThreadContext;
  armed: Armed;
  theme: 'light' | 'dark';
  clickedAt: number;
  /** Gmail's answer when it had already arrived (the old script only failed to store it). */
  sent?: SentMessage;
  /** The account the old script had found (the page posts it once per load; the new script may not have heard it yet). */
  account?: string;
}

/** Adds `sends` to what is left on the page and tells a running replacement. */
export function leaveSends(doc: Document, sends: readonly PendingSend[]): void {
  if (sends.length === 0) return;
  try {
    const root = doc.documentElement;
    const earlier = parseList(root.getAttribute(HANDOVER_ATTR));
    const json = JSON.stringify([...earlier, ...sends].slice(-MAX_SENDS));
    if (json.length <= MAX_CHARS) root.setAttribute(HANDOVER_ATTR, json);
    doc.dispatchEvent(new CustomEvent(SENDS_LEFT_EVENT));
  } catch {
    // nothing to hand over then: the send is not stored, as before hand-overs existed
  }
}

function parseList(raw: string | null): unknown[] {
  if (!raw || raw.length > MAX_CHARS) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

const isStr = (v: unknown, max = 2_000): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown) => v === undefined || isStr(v, 200);
const optNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

function isAddress(v: unknown): v is Address {
  return isPlain(v) && isStr(v.email, 320) && (v.name === undefined || isStr(v.name, 500));
}

function isSnapshot(v: unknown): v is ComposeSnapshot {
  return (
    isPlain(v) &&
    isStr(v.subject) &&
    Array.isArray(v.recipients) &&
    v.recipients.length <= 500 &&
    v.recipients.every(isAddress) &&
    optStr(v.clientMessageId) &&
    optStr(v.clientThreadId) &&
    optStr(v.legacyThreadId) &&
    optStr(v.composeId)
  );
}

function isSent(v: unknown): v is SentMessage | undefined {
  if (v === undefined) return true;
  if (!isPlain(v) || !isStr(v.subject) || !Array.isArray(v.recipients) || v.recipients.length > 500 || !v.recipients.every(isAddress)) return false;
  const ids = [v.clientMessageId, v.serverMessageId, v.clientThreadId, v.permThreadId, v.threadId, v.rfcMessageId];
  return ids.every(optStr) && (v.from === undefined || isAddress(v.from)) && optNum(v.sentAt);
}

function isContext(v: unknown): v is ThreadContext | undefined {
  return v === undefined || (isPlain(v) && isStr(v.subject) && optStr(v.threadId) && optStr(v.permThreadId));
}

function isPendingSend(v: unknown, now: number): v is PendingSend {
  return (
    isPlain(v) &&
    isStr(v.id, 100) &&
    v.id.length > 0 &&
    isSnapshot(v.snapshot) &&
    isSent(v.sent) &&
    (v.account === undefined || looksLikeEmail(v.account)) &&
    isContext(v.context) &&
    isArmed(v.armed) &&
    (v.theme === 'light' || v.theme === 'dark') &&
    typeof v.clickedAt === 'number' &&
    now - v.clickedAt >= 0 &&
    now - v.clickedAt <= MAX_AGE_MS
  );
}

/** Takes (and removes) what a replaced script left; invalid records are dropped. */
export function takeSends(doc: Document, now: number): PendingSend[] {
  const root = doc.documentElement;
  const raw = root?.getAttribute(HANDOVER_ATTR);
  if (raw == null) return [];
  root!.removeAttribute(HANDOVER_ATTR);
  return parseList(raw)
    .slice(-MAX_SENDS)
    .filter((s): s is PendingSend => isPendingSend(s, now));
}
