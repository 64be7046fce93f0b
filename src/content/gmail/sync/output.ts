/**
 * RawMessage (+ its request message) → SentMessage: ids derived from each
 * other, gaps filled from the request, duplicates dropped.
 */
import { permIdToHex } from '../../../core/reminder';
import { CLIENT_MSG_RE, SERVER_MSG_RE } from './shapes';
import type { RawMessage, RequestedMessage, SentMessage } from './types';

export function ids(m: RawMessage): {
  clientMessageId?: string;
  serverMessageId?: string;
  clientThreadId?: string;
  permThreadId?: string;
} {
  const out: { clientMessageId?: string; serverMessageId?: string; clientThreadId?: string; permThreadId?: string } = {};
  if (CLIENT_MSG_RE.test(m.id)) out.clientMessageId = m.id;
  else if (validServerId(m.id)) out.serverMessageId = m.id;
  if (m.thread?.clientThreadId) out.clientThreadId = m.thread.clientThreadId;
  if (m.thread?.permThreadId) out.permThreadId = m.thread.permThreadId;
  return out;
}

export function toSentMessage(m: RawMessage, req: RequestedMessage | undefined): SentMessage {
  const out: SentMessage = { ...ids(m), subject: m.subject, recipients: m.recipients };

  if (!out.serverMessageId && m.hex) out.serverMessageId = `msg-f:${BigInt(`0x${m.hex}`).toString(10)}`;
  const threadHex = m.thread?.hex;
  if (!out.permThreadId && threadHex) out.permThreadId = `thread-f:${BigInt(`0x${threadHex}`).toString(10)}`;
  if (!out.permThreadId && req?.permThreadId) out.permThreadId = req.permThreadId;
  if (!out.clientThreadId && req?.clientThreadId) out.clientThreadId = req.clientThreadId;
  const hex = permIdToHex(out.permThreadId);
  if (hex) out.threadId = hex;
  else delete out.permThreadId;

  if (m.rfcMessageId) out.rfcMessageId = m.rfcMessageId;
  if (!out.subject && req?.subject) out.subject = req.subject;
  const from = m.from ?? req?.from;
  if (from) out.from = from;
  if (out.recipients.length === 0 && req && req.recipients.length > 0) out.recipients = req.recipients;
  const sentAt = m.sentAt ?? req?.sentAt;
  if (sentAt !== undefined) out.sentAt = sentAt;
  if (m.labels?.has('^scheduled') || req?.scheduled) {
    out.scheduled = true;
    const latest = Math.max(m.latestTime ?? 0, req?.latestTime ?? 0);
    if (latest > 0) out.latestTime = latest;
  }
  return out;
}

function validServerId(id: string): boolean {
  if (!SERVER_MSG_RE.test(id)) return false;
  const n = BigInt(id.slice('msg-f:'.length));
  return n > 0n && n < 1n << 64n;
}

export function dedupe(list: SentMessage[]): SentMessage[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = m.clientMessageId ?? m.serverMessageId;
    if (!key) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
