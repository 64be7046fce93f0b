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
}

export type MessageReason = 'reply' | 'bounce' | 'own' | 'before-tracked' | 'auto-reply' | 'ignored-by-user' | 'unknown-time';

export interface MessageNote {
  id?: string;
  from: Address;
  at?: number;
  reason: MessageReason;
  /** Which rule decided, e.g. 'subject:Out of Office', 'header:auto-submitted=auto-replied', 'sender:mailer-daemon'. */
  detail?: string;
}

export type Verdict =
  | { kind: 'replied'; by: Address; at?: number; id?: string; notes: MessageNote[] }
  | { kind: 'bounced'; by: Address; at?: number; id?: string; notes: MessageNote[] }
  | { kind: 'no-reply'; notes: MessageNote[] };
