/**
 * One MESSAGE array → a RawMessage: sender, recipients, labels, the
 * (time, subject) pair and, for responses, Message-ID and legacy hex id.
 */
import type { Budget } from './budget';
import {
  CLIENT_MSG_RE,
  cleanText,
  hexTime,
  HEX_ID_RE,
  isContactTuple,
  isLabelList,
  isPlausibleTime,
  isSubjectLike,
  RFC_ID_RE,
  SERVER_MSG_RE,
  toAddress,
} from './shapes';
import type { Arr, RawMessage } from './types';

const MAX_SUBJECT = 2000;
const MAX_RECIPIENTS = 500;
const RECIPIENT_DEPTH = 3;
const HEX_SLACK_MS = 7 * 24 * 3600_000;

export function readMessage(node: Arr, budget: Budget, wantServerFields: boolean): RawMessage | undefined {
  const id = node[0];
  if (typeof id !== 'string' || !(CLIENT_MSG_RE.test(id) || SERVER_MSG_RE.test(id))) return undefined;

  let senderTuple: Arr | undefined;
  for (let i = 1; i < node.length; i++) {
    const v = node[i];
    if (isContactTuple(v)) {
      senderTuple = v;
      break;
    }
  }
  if (!senderTuple) return undefined;

  let labels: Set<string> | undefined;
  let sentAt: number | undefined;
  let latestTime: number | undefined;
  let subject = '';
  let subjectIndex = -1;
  const refs = new Set<string>();
  const rfcCandidates: string[] = [];
  const hexCandidates: { index: number; hex: string }[] = [];
  const recipients: { email: string; name?: string }[] = [];

  for (let i = 1; i < node.length; i++) {
    const v = node[i];
    if (typeof v === 'number') {
      if (isPlausibleTime(v)) {
        if (latestTime === undefined || v > latestTime) latestTime = v;
        const next = node[i + 1];
        if (subjectIndex < 0 && typeof next === 'string' && isSubjectLike(next)) {
          // The (time, subject) pair: wins over any lone time seen before.
          sentAt = v;
          subject = cleanText(next, MAX_SUBJECT);
          subjectIndex = i + 1;
        } else if (sentAt === undefined) {
          sentAt = v;
        }
      }
    } else if (typeof v === 'string') {
      if (RFC_ID_RE.test(v)) rfcCandidates.push(v);
      else if (HEX_ID_RE.test(v)) hexCandidates.push({ index: i, hex: v });
    } else if (Array.isArray(v) && v !== senderTuple) {
      if (!labels && isLabelList(v)) labels = new Set(v as string[]);
      else if (v.length > 0 && v.every((s) => typeof s === 'string' && RFC_ID_RE.test(s))) {
        for (const s of v as string[]) refs.add(s);
      } else collectRecipients(v, 1, recipients, budget);
    }
  }
  if (budget.exceeded) return undefined;

  const from = toAddress(senderTuple);
  const message: RawMessage = {
    id,
    subject,
    recipients: dedupeAddresses(recipients),
    order: 0,
    ...(labels ? { labels } : {}),
    ...(from ? { from } : {}),
    ...(sentAt !== undefined ? { sentAt } : {}),
    ...(latestTime !== undefined ? { latestTime } : {}),
  };
  if (wantServerFields) {
    const own = rfcCandidates.find((s) => !refs.has(s));
    if (own) message.rfcMessageId = own;
    const hexes = hexCandidates.filter((h) => {
      if (h.index === subjectIndex) return false;
      const ts = hexTime(h.hex);
      if (ts === undefined) return false;
      return sentAt === undefined || Math.abs(ts - sentAt) <= HEX_SLACK_MS;
    });
    const unique = [...new Set(hexes.map((h) => h.hex))];
    if (unique.length === 1) message.hex = unique[0];
  }
  return message;
}

function collectRecipients(node: Arr, depth: number, out: { email: string; name?: string }[], budget: Budget): void {
  if (depth > RECIPIENT_DEPTH || node.length === 0 || out.length >= MAX_RECIPIENTS) return;
  if (!budget.spend(node.length)) return;
  if (node.every(isContactTuple)) {
    for (const t of node as Arr[]) {
      const a = toAddress(t);
      if (a && out.length < MAX_RECIPIENTS) out.push(a);
    }
    return;
  }
  for (const child of node) {
    if (Array.isArray(child) && !isContactTuple(child)) collectRecipients(child, depth + 1, out, budget);
  }
}

function dedupeAddresses(list: { email: string; name?: string }[]): { email: string; name?: string }[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.email) ? false : (seen.add(a.email), true)));
}
