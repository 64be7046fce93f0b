/**
 * The reminder model. Pure data: every field is JSON-serialisable so the
 * same object goes into IndexedDB, across runtime messages and into a backup.
 */

import type { MessageNote } from './replies/types';
import type { FollowUpChain } from './chain';

export type Provider = 'gmail';

/**
 * What the reminder is about: `no-reply` waits for the others to answer the
 * user; `owed-reply` waits for the user to answer the others (it ends with
 * the user's own message in the thread); `always` ("remind me regardless")
 * fires at its time whatever anyone wrote — only the user ends it.
 */
export const REMINDER_KINDS = ['no-reply', 'owed-reply', 'always'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** Why another kind is refused, for the error the caller gets. */
export const UNSUPPORTED_KIND_MESSAGE = 'A reminder\'s kind is "no-reply", "owed-reply" or "always"';

/**
 * Whether messages in the thread can end or move the reminder (a reply, the
 * user's own answer, a bounce, an automatic answer's return date). An
 * `always` reminder is the user's own appointment with the thread: nothing
 * in it is looked at, and no look is spent on it.
 */
export function watchesReplies(r: Pick<Reminder, 'kind'>): boolean {
  return r.kind !== 'always';
}

export type ReminderStatus =
  | 'pending' // waiting for its due time
  | 'notified' // due time reached and announced; waits for the user
  | 'snoozed' // the user pushed a notified reminder to a later time
  | 'replied' // resolved by a reply (or another verdict, see `resolution`)
  | 'done' // checked off by the user
  | 'cancelled'; // withdrawn by the user (e.g. disarmed after the fact)

/*
 * The status sets, defined once here and used everywhere (background,
 * storage, popup, content scripts).
 */

/** Every status, in the order of a reminder's life. */
export const REMINDER_STATUSES = ['pending', 'notified', 'snoozed', 'replied', 'done', 'cancelled'] as const satisfies readonly ReminderStatus[];

/** Statuses whose `dueAt` still matters: an alarm must wake us for them. */
export const WAITING_STATUSES = ['pending', 'snoozed'] as const satisfies readonly ReminderStatus[];
export type WaitingStatus = (typeof WAITING_STATUSES)[number];

/** Still waiting for a reply or for the user: waiting, or due and shown. A reply resolves these; one thread has at most one. */
export const LIVE_STATUSES = ['pending', 'notified', 'snoozed'] as const satisfies readonly ReminderStatus[];
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** What the thread's own control shows (and lets the user act on): a live reminder, or the reply that resolved it. */
export const SHOWN_IN_THREAD_STATUSES = [...LIVE_STATUSES, 'replied'] as const satisfies readonly ReminderStatus[];

export function isWaiting(status: ReminderStatus): status is WaitingStatus {
  return (WAITING_STATUSES as readonly ReminderStatus[]).includes(status);
}

export function isLive(status: ReminderStatus): status is LiveStatus {
  return (LIVE_STATUSES as readonly ReminderStatus[]).includes(status);
}

export function isShownInThread(status: ReminderStatus): boolean {
  return (SHOWN_IN_THREAD_STATUSES as readonly ReminderStatus[]).includes(status);
}

export interface Address {
  email: string;
  name?: string;
}

/** Everything we know that identifies the mail thread the reminder is about. */
export interface ThreadIdentity {
  provider: Provider;
  /** Gmail's legacy hex thread id (e.g. `15f1123136926bff`), the URL form. */
  threadId?: string;
  /** Gmail's server perm id, `thread-f:<decimal>`. */
  permThreadId?: string;
  /** RFC 822 Message-ID of the tracked message, `<…@mail.gmail.com>`. */
  messageId?: string;
  subject: string;
  recipients: Address[];
}

export interface Transition {
  from: ReminderStatus | null;
  to: ReminderStatus;
  at: number;
  /** Why it happened, e.g. `alarm`, `user`, `reply`, `startup`. */
  cause: string;
}

/** Where a verdict about replies came from. */
/** `compose`: a send the user made in the thread, seen by a Gmail tab. */
export type CheckSource = 'print-view' | 'gmail-tab' | 'compose';

/**
 * How a look read the times of the thread's messages:
 * - 'exact': from Gmail's own message ids (an open Gmail tab);
 * - 'calibrated': printed times read in the page's own zone, found from the
 *   tracked message's exact send time;
 * - 'ambiguous': calibrated, but several of the user's messages fitted; the
 *   latest was taken as the tracked one (a reply between them may be missed);
 * - 'settings-zone': no message to calibrate against (not found on the page,
 *   or none tracked): printed times read in the settings zone, which may not
 *   be the zone Gmail printed them in.
 */
export type TimesRead = 'exact' | 'calibrated' | 'ambiguous' | 'settings-zone';
export const TIMES_READ = ['exact', 'calibrated', 'ambiguous', 'settings-zone'] as const satisfies readonly TimesRead[];

/**
 * What an after-the-fact reminder counts from: 'message' = the user's own
 * message that was the thread's latest (its send time is in its Gmail id);
 * 'added' = the moment the reminder was added (the thread's latest message
 * was somebody else's). Absent: the send it was armed on.
 */
export type Anchor = 'message' | 'added';
export const ANCHORS = ['message', 'added'] as const satisfies readonly Anchor[];

/** How a reminder left the waiting states other than by the user. */
export interface Resolution {
  /** `reply`: the others answered; `answered`: the user answered a thread they owed a reply to. */
  kind: 'reply' | 'answered';
  by?: Address;
  at?: number;
  explanation?: string;
  /** The message that counted (for "that wasn't a real reply"). */
  messageId?: string;
  source?: CheckSource;
  /** Why each message of the thread did or did not count. */
  notes?: MessageNote[];
  /** How the messages' times were read. */
  times?: TimesRead;
}

/** `answered`: the user's own answer, for an owed reply (`no-reply` there means still owed). */
export type CheckOutcome = 'no-reply' | 'replied' | 'bounced' | 'failed' | 'answered';
/** Why a reply check could not be made; the reminder is never dropped for it. */
export type CheckFailure = 'signed-out' | 'no-access' | 'network' | 'wrong-account' | 'unrecognised' | 'no-thread-id';

/** The last look at the thread for replies. */
export interface ReplyCheck {
  at: number;
  source: CheckSource;
  outcome: CheckOutcome;
  failure?: CheckFailure;
  /** Who bounced or replied, for the bounce notification and the popup. */
  by?: Address;
  notes?: MessageNote[];
  /** Consecutive failed checks, for the retry backoff. */
  failures: number;
  /** An owed reply: the others wrote again after the message owed (the latest of them). */
  wroteAgain?: { by: Address; at?: number };
  /** When a failed check is tried again. */
  retryAt?: number;
  /** The latest automatic answer that kept the reminder waiting, for the popup, the thread control and the notification. */
  autoAnswer?: AutoAnswerInfo;
  /** How the messages' times were read. */
  times?: TimesRead;
}

/** What an automatic answer said and what it did to the reminder. */
export interface AutoAnswerInfo {
  by: Address;
  /** See AutoNote.family. */
  family?: string;
  /** Last day away as stated (ISO YYYY-MM-DD). */
  until?: string;
  /** First day back (ISO YYYY-MM-DD). */
  backOn?: string;
  /** The due time before the reminder was moved past the return (absent: not moved by this look). */
  movedFrom?: number;
}

export interface Reminder {
  id: string;
  /** The Gmail account's own address, lower-cased. */
  account: string;
  thread: ThreadIdentity;
  /** Key for the account+thread index: the best thread id we have. */
  threadKey: string;
  kind: ReminderKind;
  status: ReminderStatus;
  sentAt: number;
  /** For a reminder added to a thread after the fact: what `sentAt` is. */
  anchor?: Anchor;
  dueAt: number;
  createdAt: number;
  updatedAt: number;
  /** Bumped on every write: the compare-and-set token. */
  rev: number;
  /** When the notification for the current `notified` state was shown. */
  announcedAt?: number;
  resolution?: Resolution;
  /** The last reply check (absent until the first one). */
  check?: ReplyCheck;
  /** Messages the user said were not a real reply: never count them again. */
  ignoredReplyIds?: string[];
  /** Messages the user said were automatic answers ("that was an automatic answer"). */
  autoReplyIds?: string[];
  /** "Repeat until answered" and the follow-ups sent so far (core/chain.ts). Absent: a single reminder, as before chains. */
  chain?: FollowUpChain;
  history: Transition[];
}

/**
 * The one key used to find a reminder by thread. Prefer the hex id (what
 * Gmail shows in URLs), derive it from the perm id when only that is known,
 * and fall back to the Message-ID for a thread whose ids we never saw.
 */
export function threadKeyOf(thread: ThreadIdentity): string {
  const [best] = threadKeysOf(thread);
  if (!best) throw new Error('A thread needs a thread id, a perm id or a Message-ID');
  return best;
}

/**
 * Every key the thread may have been stored under, best first: a reminder
 * saved when only the Message-ID was known must still be found once the
 * thread id is known, and vice versa.
 */
export function threadKeysOf(thread: Partial<Pick<ThreadIdentity, 'threadId' | 'permThreadId' | 'messageId'>> & { provider: Provider }): string[] {
  const keys: string[] = [];
  const hex = normalHex(thread.threadId) ?? permIdToHex(thread.permThreadId);
  if (hex) keys.push(`${thread.provider}:${hex}`);
  if (thread.messageId) keys.push(`${thread.provider}:msg:${thread.messageId}`);
  return keys;
}

/** `00abc` and `ABC` name the same thread as `abc`. */
function normalHex(hex: string | undefined): string | undefined {
  if (!hex || !/^[0-9a-f]{1,16}$/i.test(hex)) return undefined;
  const n = BigInt(`0x${hex}`);
  return n > 0n ? n.toString(16) : undefined;
}

/** `thread-f:1581064946762017791` → `15f1123136926bff`; undefined when it does not parse. */
export function permIdToHex(permId: string | undefined): string | undefined {
  const m = /^thread-f:(\d{1,20})$/.exec(permId ?? '');
  if (!m?.[1]) return undefined;
  const n = BigInt(m[1]);
  if (n <= 0n || n >= 1n << 64n) return undefined;
  return n.toString(16);
}

export interface NewReminderInput {
  id: string;
  account: string;
  thread: ThreadIdentity;
  kind?: ReminderKind;
  sentAt: number;
  anchor?: Anchor;
  dueAt: number;
}

export function createReminder(input: NewReminderInput, now: number): Reminder {
  if (!Number.isFinite(input.dueAt)) throw new Error('dueAt must be a finite time');
  return {
    id: input.id,
    account: input.account.trim().toLowerCase(),
    thread: input.thread,
    threadKey: threadKeyOf(input.thread),
    kind: input.kind ?? 'no-reply',
    status: 'pending',
    sentAt: input.sentAt,
    ...(input.anchor ? { anchor: input.anchor } : {}),
    dueAt: input.dueAt,
    createdAt: now,
    updatedAt: now,
    rev: 1,
    history: [{ from: null, to: 'pending', at: now, cause: 'created' }],
  };
}
