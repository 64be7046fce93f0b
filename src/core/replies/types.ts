/**
 * Types for deciding whether somebody answered a tracked message. Pure data:
 * no chrome, no DOM; every time is passed in as ms since the epoch.
 */
import type { Address } from '../reminder';

/** One message of a thread as some source (Gmail UI, print view, sync data) showed it. */
export interface ObservedMessage {
  /** Sender. Compared case-insensitively, display names ignored. */
  from: Address;
  /** To + Cc as seen. */
  to: Address[];
  /** ms epoch when known (often whole minutes: Gmail shows no seconds). */
  at?: number;
  subject?: string;
  /** Any stable id the source has (RFC Message-ID, `msg-f:…`, legacy hex). */
  id?: string;
  /**
   * Header names → values when the source shows them (auto-submitted,
   * x-autoreply, precedence, x-autorespond, x-failed-recipients). Names are
   * expected lower-case; the rules lower-case them again anyway.
   */
  headers?: Record<string, string>;
  /**
   * The body's first lines as plain text (quoted text and signatures left
   * out where the source can see them), at most MAX_BODY_CHARS; absent when
   * the source shows no body.
   */
  text?: string;
  /**
   * The source shows the message collapsed: its body exists but could not
   * be read, so whether it is an automatic answer is unknown (the Gmail tab
   * then leaves the verdict to the print view).
   */
  bodyHidden?: true;
}

export interface ReplyRules {
  /** The account plus aliases the user lists (any case, display names allowed). */
  ownAddresses: string[];
  /** When true, me+tag@x.com counts as me@x.com (only then). */
  plusAddressing: boolean;
  /** "Treat auto-replies as replies" (default false). */
  autoRepliesCount: boolean;
  /** Messages the user said were not a real reply. */
  ignoredIds: string[];
  /** Messages the user said were automatic answers. */
  autoIds?: string[];
  /** The zone dates in automatic answers are read in ("back on Monday"); without it no return date is read. */
  timeZone?: string;
}

export type MessageReason = 'reply' | 'bounce' | 'own' | 'before-tracked' | 'auto-reply' | 'ignored-by-user' | 'unknown-time';

export interface MessageNote {
  id?: string;
  from: Address;
  at?: number;
  reason: MessageReason;
  /** Which rule decided, e.g. 'subject:Out of Office', 'header:auto-submitted=auto-replied', 'sender:mailer-daemon'. */
  detail?: string;
  /**
   * What an automatic answer said, for the note the user reads: on an
   * 'auto-reply' note (certain), or on a counted 'reply' that might be
   * automatic (certain false).
   */
  auto?: AutoNote;
}

export interface AutoNote {
  certain: boolean;
  /** 'out-of-office' | 'vacation' | 'parental-leave' | 'sick-leave' | 'left-company' | 'acknowledgement' | 'unmonitored' | 'automatic'. */
  family?: string;
  /** Last day away as stated (ISO YYYY-MM-DD). */
  until?: string;
  /** First day back (ISO YYYY-MM-DD). */
  backOn?: string;
  /** The user said so ("that was an automatic answer"). */
  byUser?: boolean;
}

export type Verdict =
  | { kind: 'replied'; by: Address; at?: number; id?: string; notes: MessageNote[] }
  | { kind: 'bounced'; by: Address; at?: number; id?: string; notes: MessageNote[] }
  | { kind: 'no-reply'; notes: MessageNote[] };
