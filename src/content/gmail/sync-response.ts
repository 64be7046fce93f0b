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
 * whose response labels, when present, include `^f` (sent) or `^scheduled`
 * (Gmail's "Schedule send": flagged `scheduled`, with `latestTime`, the
 * latest time the message carries, from which the caller reads when it
 * goes out) and none of `^r`, `^k`. A request that parses but holds no such message (draft
 * save, archive, label change…) yields []: /i/s carries all of those and
 * their responses list whole threads with older `^f` messages in them.
 * Without a usable request (absent or not JSON): per thread, the newest
 * message labelled `^f` or `^scheduled` (and not `^r`/`^k`). Right for every
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

import { MAX_BODY_CHARS } from '../bridge-protocol';
import { decode } from './sync/decode';
import { dedupe, ids, toSentMessage } from './sync/output';
import { pickNewestSent, pickRequested } from './sync/select';
import type { RequestedMessage, SentMessage } from './sync/types';
import { collect } from './sync/walk';

export type { RequestedMessage, SentMessage } from './sync/types';

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
      ...(m.labels?.has('^scheduled') ? { scheduled: true as const, ...(m.latestTime !== undefined ? { latestTime: m.latestTime } : {}) } : {}),
    }));
  } catch {
    return null;
  }
}
