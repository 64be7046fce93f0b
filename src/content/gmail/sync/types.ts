/**
 * The data shapes of the send parser: the two public results and the raw
 * records the walk builds before selection turns them into results.
 */

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
  /** Labelled `^scheduled` (Gmail's "Schedule send"), here or in the request. */
  scheduled?: true;
  /** Scheduled only: the latest plausible ms time the message (or its request) carries, from which the caller reads when it goes out. */
  latestTime?: number;
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
  /** Labelled `^scheduled`. */
  scheduled?: true;
  latestTime?: number;
}

export type Arr = readonly unknown[];

export interface ThreadCtx {
  raw: string;
  clientThreadId?: string;
  permThreadId?: string;
  hexCandidates: string[];
  /** Newest message time seen under this thread (for the hex sanity check). */
  newest?: number;
  hex?: string;
}

export interface RawMessage {
  id: string;
  thread?: ThreadCtx;
  labels?: Set<string>;
  subject: string;
  from?: { email: string; name?: string };
  recipients: { email: string; name?: string }[];
  sentAt?: number;
  /** The latest plausible time among the message's direct children. */
  latestTime?: number;
  rfcMessageId?: string;
  hex?: string;
  order: number;
}
