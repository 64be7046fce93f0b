/**
 * Parse Gmail's sync "set" traffic (`POST /sync/u/<n>/i/s`) for the identity
 * of messages the user has just sent. Pure: no DOM, no extension APIs.
 *
 * ── What the samples show (test/fixtures/gmail/sync-2022, captured 2022-09) ──
 *
 * Request and response are JSON arrays of arrays (no keys, lots of nulls).
 * Request: `[[null,null,2], [[ [opId, [threadId, payload]], … ]], null, [timings], 2]`.
 * A send op carries the composed message somewhere inside `payload` (at
 * payload[13] in most samples, at payload[1] in cvOnReplySend: the position
 * varies even inside one capture); label-only ops (`^io_re`, `^io_lr`, …)
 * carry no message. cvOnSend_4 also contains a draft save (labels `^r`,
 * `^r_bt`) next to the send (labels `^f_bt`, `^f_btns`, `^f_cl`).
 * Response: `[[[[opId,0,null,version],…]], [0,null×4, [ [threadId, null,
 * [null×6, [ THREAD, version ]]], … ]], [[label counts]], [version]]` with
 * THREAD = `[subject, null, ts, threadId, [MESSAGE…], …, "msg-a:bump-…", …,
 * [[[name,email]…]], null, 0, null, null, "<legacy hex thread id>"]` and
 * MESSAGE = `[messageId, [1,email,name], [to…], [cc…], [bcc…], null, ts,
 * subject, null, snippet, [labels], null, null, "<Message-ID>",
 * ["<references>"], "<In-Reply-To>", null, serverTs, …, "<legacy hex msg id>"]`.
 * The response returns the WHOLE thread: for a reply it also lists the
 * earlier messages, including ones the user sent before (also labelled `^f`).
 *
 * Facts checked by hand on the samples:
 * - the trailing hex of a THREAD is the legacy thread id: cvOnReplySend_2 has
 *   `thread-f:1743802434391390786` and `18333b13345c3a42` (same number);
 * - the trailing hex of a MESSAGE is the legacy message id, the same number
 *   as its `msg-f:` id (`msg-f:1743802434391390786` ↔ `18333b13345c3a42`),
 *   and `hex >> 20` is the message's server timestamp in ms;
 * - for a new thread the legacy thread id is NOT the sent message's id (the
 *   thread keeps the id of its first draft): cvOnSend thread `183234ce86ffa010`,
 *   message `183234eaadcf41e5`;
 * - only cvOnReplySend_2 carries `thread-f:`/`msg-f:` ids; every other sample
 *   has client ids only (`thread-a:r…`, `msg-a:r…`, negative forms `r-…`);
 * - cvOnSend*_response has an EMPTY subject ("") although the request says
 *   "subject_111"; cvOnReplySend_2_response has sender/recipient "emails"
 *   that are not emails ("Test Test", anonymised): the request has them;
 * - the request message carries the In-Reply-To Message-ID of the message it
 *   answers, never its own Message-ID (that only exists in the response).
 *
 * ── Shape rules relied on (no fixed indexes) ──
 * - MESSAGE: an array whose first element is a `msg-a:r<int>` / `msg-f:<int>`
 *   string and which has a DIRECT child contact tuple `[1, string, string?]`
 *   (the sender; its string need not be a valid email for the array to count
 *   as a message, but `from` is only set when it is one).
 * - recipients: every `[1, email, name?]` tuple inside lists (arrays made only
 *   of such tuples) nested 1–3 levels below the message's direct children;
 *   to/cc/bcc are merged, so their order and wrapping do not matter.
 * - labels: a direct child array of strings with at least one `^…` string.
 * - sentAt + subject: the first direct child number that is a plausible ms
 *   time (2000–2100) IMMEDIATELY followed by a string (not an id) — that pair
 *   is (client send time, subject); the later server times are followed by
 *   null. Without such a pair: the first plausible time, subject ''. This
 *   adjacency is the one positional assumption: it held in every sample,
 *   request and response, and nothing else tells a subject from the snippet
 *   by type (both are free text).
 * - Message-ID: a direct child string `<…@…>` that is not also listed in a
 *   direct child string array (that is References; In-Reply-To repeats one of
 *   them). First such string wins.
 * - legacy message hex: a direct child string of 12–16 lower-case hex digits
 *   whose `>> 20` lies within 7 days of sentAt; used only when exactly one
 *   candidate remains. Turned into `msg-f:<decimal>` when no msg-f id is given.
 * - THREAD: the nearest enclosing array with a direct child `thread-a:r<int>`
 *   / `thread-f:<int>` string; its legacy hex is a direct child hex string
 *   whose `>> 20` is plausible and not after the thread's newest message (+1
 *   day), used only when unambiguous. `thread-f:` wins over the hex when both
 *   exist; otherwise each is derived from the other (they are one number).
 *   A wrapper with the same thread id string passes its fields down.
 *   `thread-a:r…|msg-a:r…` (seen in cvOnSend_2_customThreadId) keeps the part
 *   before `|`.
 *
 * ── Which messages count as "sent" ──
 * With the request body: the response messages whose id is the first element
 * of a message array in the request that is not a draft (no `^r` label), and
 * whose response labels, when present, include `^f` and none of `^r`,
 * `^scheduled`, `^k`. A request that parses but holds no such message (draft
 * save, archive, label change…) yields []: /i/s carries all of those and
 * their responses list whole threads with older `^f` messages in them.
 * Without a usable request (absent or not JSON): per thread, the newest
 * message labelled `^f` (and not `^r`/`^scheduled`/`^k`). Right for every
 * sample, but a label change on a thread whose last message is the user's
 * would report that message again; callers must match against a send they
 * saw (see controller/send-tracker.ts).
 * From the request the result also takes what the response lacks: subject,
 * sender, recipients, time, thread ids. Never its Message-ID (see above).
 *
 * ── Deliberately not relied on ──
 * Absolute indexes; the thread-level `[[name,email]]` summary (not per
 * message); the snippet and body parts (never read: they are private and a
 * reminder does not need them); the `msg-a:bump-…` marker (points at the
 * thread's first message, not the new one); op ids / version numbers; objects
 * (Gmail sends none here: any object is skipped, so keys such as `__proto__`
 * are never read).
 *
 * Limits: input ≤ MAX_BODY_CHARS, arrays nested ≤ 64 deep are visited, at
 * most 600,000 array elements in total (then the whole body is rejected).
 * Every failure returns [] — nothing here throws.
 */

import { permIdToHex } from '../../core/reminder';
import { looksLikeEmail, MAX_BODY_CHARS } from '../bridge-protocol';

export interface SentMessage {
  /** `msg-a:r8190137112111191537` (also `msg-a:r-123`). */
  clientMessageId?: string;
  /** `msg-f:<decimal>`, given or derived from the legacy message hex id. */
  serverMessageId?: string;
  /** `thread-a:r…` */
  clientThreadId?: string;
  /** `thread-f:<decimal>`, given or derived from the legacy thread hex id. */
  permThreadId?: string;
  /** Legacy hex of the thread-f number (the URL form). */
  threadId?: string;
  /** RFC 822 Message-ID, angle brackets kept: `<…@mail.gmail.com>`. */
  rfcMessageId?: string;
  /** '' if none. */
  subject: string;
  from?: { email: string; name?: string };
  /** to + cc + bcc, de-duplicated, lower-cased emails. */
  recipients: { email: string; name?: string }[];
  /** ms timestamp. */
  sentAt?: number;
}

/** A message found in a send request (what the compose submitted). */
export interface RequestedMessage {
  clientMessageId?: string;
  serverMessageId?: string;
  clientThreadId?: string;
  permThreadId?: string;
  /** True for a draft save (`^r` label): not a send. */
  draft: boolean;
  subject: string;
  from?: { email: string; name?: string };
  recipients: { email: string; name?: string }[];
  sentAt?: number;
}

// ── limits and patterns ─────────────────────────────────────────────────

const MAX_DEPTH = 64;
// ~12–25 body chars per array element in the samples: a full-size body stays
// well inside this, so only padding-heavy junk is rejected.
const MAX_NODES = 600_000;
const MAX_SUBJECT = 2000;
const MAX_NAME = 256;
const MAX_LABELS = 500;
const MAX_RECIPIENTS = 500;
const RECIPIENT_DEPTH = 3;
const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);
const HEX_SLACK_MS = 7 * 24 * 3600_000;
const THREAD_HEX_SLACK_MS = 24 * 3600_000;

const CLIENT_MSG_RE = /^msg-a:r-?\d{1,20}$/;
const SERVER_MSG_RE = /^msg-f:\d{1,20}$/;
const CLIENT_THREAD_RE = /^thread-a:r-?\d{1,20}$/;
const CUSTOM_THREAD_RE = /^(thread-a:r-?\d{1,20})\|msg-a:r-?\d{1,20}$/;
const PERM_THREAD_RE = /^thread-f:\d{1,20}$/;
const RFC_ID_RE = /^<[^<>\s@]{1,500}@[^<>\s@]{1,300}>$/;
const HEX_ID_RE = /^[0-9a-f]{12,16}$/;
const XSSI_RE = /^\)\]\}'[^\n]*(?:\n|$)/;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NOT_SENT_LABELS = ['^r', '^scheduled', '^k'];

type Arr = readonly unknown[];

class Budget {
  nodes = 0;
  exceeded = false;
  spend(n: number): boolean {
    this.nodes += n;
    if (this.nodes > MAX_NODES) this.exceeded = true;
    return !this.exceeded;
  }
}

// ── public API ──────────────────────────────────────────────────────────

/**
 * The messages the user just sent, from the body of a `/sync/u/N/i/s`
 * response; pass the request body too when available (see the rules at the
 * top). Returns [] for anything unrecognisable; never throws.
 */
export function parseSendResponse(body: string, requestBody?: string): SentMessage[] {
  try {
    const root = decode(body);
    if (!root) return [];
    const found = collect(root, true);
    if (!found) return [];

    const requested = typeof requestBody === 'string' ? parseSendRequest(requestBody) : null;
    const picked = requested ? pickRequested(found, requested) : pickNewestSent(found);
    return dedupe(picked.map(([m, req]) => toSentMessage(m, req)));
  } catch {
    return [];
  }
}

/**
 * The messages a send request submits (drafts included, flagged), or null
 * when the body is not a recognisable request (not JSON / not an array).
 * The body is JSON in every sample; a form-encoded body is searched for a
 * JSON-array parameter. Never throws.
 */
export function parseSendRequest(body: string): RequestedMessage[] | null {
  try {
    let root = decode(body);
    if (!root && typeof body === 'string' && body.length <= MAX_BODY_CHARS && !/^\s*[[{]/.test(body)) {
      for (const value of new URLSearchParams(body).values()) {
        root = decode(value);
        if (root) break;
      }
    }
    if (!root) return null;
    const found = collect(root, false);
    if (!found) return null;
    return found.map((m) => ({
      ...ids(m),
      draft: m.labels?.has('^r') ?? false,
      subject: m.subject,
      ...(m.from ? { from: m.from } : {}),
      recipients: m.recipients,
      ...(m.sentAt !== undefined ? { sentAt: m.sentAt } : {}),
    }));
  } catch {
    return null;
  }
}

// ── decoding ────────────────────────────────────────────────────────────

function decode(body: unknown): Arr | undefined {
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

// ── walking ─────────────────────────────────────────────────────────────

interface ThreadCtx {
  raw: string;
  clientThreadId?: string;
  permThreadId?: string;
  hexCandidates: string[];
  /** Newest message time seen under this thread (for the hex sanity check). */
  newest?: number;
  hex?: string;
}

interface RawMessage {
  id: string;
  thread?: ThreadCtx;
  labels?: Set<string>;
  subject: string;
  from?: { email: string; name?: string };
  recipients: { email: string; name?: string }[];
  sentAt?: number;
  rfcMessageId?: string;
  hex?: string;
  order: number;
}

/** Every message array in document order, or undefined when over budget. */
function collect(root: Arr, wantServerFields: boolean): RawMessage[] | undefined {
  const budget = new Budget();
  const out: RawMessage[] = [];
  const threads: ThreadCtx[] = [];
  const stack: { node: Arr; depth: number; thread: ThreadCtx | undefined }[] = [
    { node: root, depth: 0, thread: undefined },
  ];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (!budget.spend(node.length + 1)) return undefined;

    const message = readMessage(node, budget, wantServerFields);
    if (message) {
      message.thread = frame.thread;
      message.order = out.length;
      out.push(message);
      if (frame.thread && message.sentAt !== undefined) {
        frame.thread.newest = Math.max(frame.thread.newest ?? 0, message.sentAt);
      }
      continue; // messages do not nest
    }
    if (budget.exceeded) return undefined;

    const thread = readThread(node, frame.thread);
    if (thread && thread !== frame.thread) threads.push(thread);
    if (frame.depth >= MAX_DEPTH) continue;
    for (let i = node.length - 1; i >= 0; i--) {
      const child = node[i];
      if (Array.isArray(child)) stack.push({ node: child, depth: frame.depth + 1, thread: thread ?? frame.thread });
    }
  }
  for (const t of threads) settleThreadHex(t);
  return out;
}

function readThread(node: Arr, parent: ThreadCtx | undefined): ThreadCtx | undefined {
  let raw: string | undefined;
  const hexes: string[] = [];
  for (const v of node) {
    if (typeof v !== 'string') continue;
    if (raw === undefined && (CLIENT_THREAD_RE.test(v) || PERM_THREAD_RE.test(v) || CUSTOM_THREAD_RE.test(v))) raw = v;
    else if (HEX_ID_RE.test(v)) hexes.push(v);
  }
  if (raw === undefined) return undefined;
  if (parent && parent.raw === raw) {
    // The same thread, one level further in: add what this level knows.
    parent.hexCandidates.push(...hexes);
    return parent;
  }
  const ctx: ThreadCtx = { raw, hexCandidates: hexes };
  const custom = CUSTOM_THREAD_RE.exec(raw);
  if (custom?.[1]) ctx.clientThreadId = custom[1];
  else if (CLIENT_THREAD_RE.test(raw)) ctx.clientThreadId = raw;
  else if (permIdToHex(raw)) ctx.permThreadId = raw;
  return ctx;
}

function settleThreadHex(t: ThreadCtx): void {
  const limit = (t.newest ?? MAX_TIME) + THREAD_HEX_SLACK_MS;
  const ok = [...new Set(t.hexCandidates)].filter((h) => {
    const ts = hexTime(h);
    return ts !== undefined && ts <= limit;
  });
  if (t.permThreadId) {
    // The perm id is authoritative; the hex is only its other spelling.
    t.hex = permIdToHex(t.permThreadId);
    return;
  }
  if (ok.length === 1) t.hex = ok[0];
}

function readMessage(node: Arr, budget: Budget, wantServerFields: boolean): RawMessage | undefined {
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

// ── shapes ──────────────────────────────────────────────────────────────

/** `[1, string, string?, …]`: Gmail's contact tuple (email, display name). */
function isContactTuple(v: unknown): v is Arr {
  return (
    Array.isArray(v) &&
    v.length >= 2 &&
    v.length <= 32 &&
    v[0] === 1 &&
    typeof v[1] === 'string' &&
    v[1].length <= 512 &&
    (v[2] === undefined || v[2] === null || typeof v[2] === 'string')
  );
}

/** A string that may be a subject: not one of the id forms found next to times. */
function isSubjectLike(s: string): boolean {
  return !(CLIENT_MSG_RE.test(s) || SERVER_MSG_RE.test(s) || RFC_ID_RE.test(s) || CLIENT_THREAD_RE.test(s) || PERM_THREAD_RE.test(s));
}

function isLabelList(v: Arr): boolean {
  if (v.length === 0 || v.length > MAX_LABELS) return false;
  let system = false;
  for (const s of v) {
    if (typeof s !== 'string' || s.length > 200) return false;
    if (s.startsWith('^')) system = true;
  }
  return system;
}

function toAddress(t: Arr): { email: string; name?: string } | undefined {
  const email = typeof t[1] === 'string' ? t[1].trim() : '';
  if (!looksLikeEmail(email)) return undefined;
  const name = typeof t[2] === 'string' ? cleanText(t[2], MAX_NAME).trim() : '';
  return name ? { email: email.toLowerCase(), name } : { email: email.toLowerCase() };
}

function isPlausibleTime(v: number): boolean {
  return Number.isSafeInteger(v) && v >= MIN_TIME && v < MAX_TIME;
}

/** `hex >> 20` as ms, when plausible. */
function hexTime(hex: string): number | undefined {
  const n = BigInt(`0x${hex}`);
  if (n <= 0n || n >= 1n << 64n) return undefined;
  const ts = Number(n >> 20n);
  return isPlausibleTime(ts) ? ts : undefined;
}

function cleanText(s: string, max: number): string {
  let out = s.replace(CONTROL_RE, ' ');
  if (out.length > max) {
    out = out.slice(0, max);
    // Do not leave half a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

// ── selection ───────────────────────────────────────────────────────────

function looksSent(m: RawMessage, requireLabels: boolean): boolean {
  if (!m.labels) return !requireLabels;
  if (!m.labels.has('^f')) return false;
  return !NOT_SENT_LABELS.some((l) => m.labels!.has(l));
}

type Pick = [RawMessage, RequestedMessage | undefined];

function pickRequested(found: RawMessage[], requested: RequestedMessage[]): Pick[] {
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

function pickNewestSent(found: RawMessage[]): Pick[] {
  const newest = new Map<ThreadCtx | undefined, RawMessage>();
  for (const m of found) {
    if (!looksSent(m, true)) continue;
    const best = newest.get(m.thread);
    if (!best || (m.sentAt ?? 0) >= (best.sentAt ?? 0)) newest.set(m.thread, m);
  }
  return [...newest.values()].sort((a, b) => a.order - b.order).map((m) => [m, undefined]);
}

// ── output ──────────────────────────────────────────────────────────────

function ids(m: RawMessage): {
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

function toSentMessage(m: RawMessage, req: RequestedMessage | undefined): SentMessage {
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
  return out;
}

function validServerId(id: string): boolean {
  if (!SERVER_MSG_RE.test(id)) return false;
  const n = BigInt(id.slice('msg-f:'.length));
  return n > 0n && n < 1n << 64n;
}

function dedupeAddresses(list: { email: string; name?: string }[]): { email: string; name?: string }[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.email) ? false : (seen.add(a.email), true)));
}

function dedupe(list: SentMessage[]): SentMessage[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = m.clientMessageId ?? m.serverMessageId;
    if (!key) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
