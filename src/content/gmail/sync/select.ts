/**
 * Which parsed messages count as "sent" (rules in sync-response.ts): those
 * the request submitted, else the newest `^f` message per thread.
 */
import type { RawMessage, RequestedMessage, ThreadCtx } from './types';

const NOT_SENT_LABELS = ['^r', '^k'];

/** Sent, or scheduled to be sent ("Schedule send": the caller tells the two apart by the `scheduled` flag). */
function looksSent(m: RawMessage, requireLabels: boolean): boolean {
  if (!m.labels) return !requireLabels;
  if (!m.labels.has('^f') && !m.labels.has('^scheduled')) return false;
  return !NOT_SENT_LABELS.some((l) => m.labels!.has(l));
}

type Pick = [RawMessage, RequestedMessage | undefined];

export function pickRequested(found: RawMessage[], requested: RequestedMessage[]): Pick[] {
  const byId = new Map<string, RequestedMessage>();
  for (const r of requested) {
    if (r.draft) continue;
    if (r.clientMessageId) byId.set(r.clientMessageId, r);
    if (r.serverMessageId) byId.set(r.serverMessageId, r);
  }
  const out: Pick[] = [];
  for (const m of found) {
    const req = byId.get(m.id);
    if (req && looksSent(m, false)) out.push([m, req]);
  }
  return out;
}

export function pickNewestSent(found: RawMessage[]): Pick[] {
  const newest = new Map<ThreadCtx | undefined, RawMessage>();
  for (const m of found) {
    if (!looksSent(m, true)) continue;
    const best = newest.get(m.thread);
    if (!best || (m.sentAt ?? 0) >= (best.sentAt ?? 0)) newest.set(m.thread, m);
  }
  return [...newest.values()].sort((a, b) => a.order - b.order).map((m) => [m, undefined]);
}
