import type { Address } from '../../core/reminder';
import type { SentMessage } from '../gmail/sync-response';

/** What we knew about a compose at the moment the user pressed Send. */
export interface SendSnapshot {
  subject: string;
  recipients: Address[];
  clientMessageId?: string;
  clientThreadId?: string;
}

interface Expectation {
  snapshot: SendSnapshot;
  since: number;
  resolve(message: SentMessage | undefined): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface SendTrackerOptions {
  /** Longer than Gmail's longest "Undo send" delay (30 s): the request only leaves after it. */
  timeoutMs?: number;
  now?: () => number;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const emails = (list: readonly Address[]) => new Set(list.map((a) => a.email.toLowerCase()));

/**
 * Pairs "the user pressed Send in this compose" with the message Gmail's
 * own send response reports. Matching, most to least certain: the client
 * message id both sides carry; subject plus at least one shared recipient;
 * the only outstanding send when the message is the only one reported.
 * An expectation that nothing answers (undone send, failed send, hook
 * missing) resolves to undefined after the timeout.
 */
export function createSendTracker({ timeoutMs = 60_000, now = Date.now }: SendTrackerOptions = {}) {
  const pending = new Set<Expectation>();

  function settle(e: Expectation, message: SentMessage | undefined) {
    clearTimeout(e.timer);
    pending.delete(e);
    e.resolve(message);
  }

  function score(e: Expectation, m: SentMessage): number {
    const s = e.snapshot;
    // Both ids known and different: certainly another message (an unarmed send, say).
    if (s.clientMessageId && m.clientMessageId) return s.clientMessageId === m.clientMessageId ? 3 : -1;
    const sameSubject = norm(s.subject) === norm(m.subject);
    const theirs = emails(m.recipients);
    const shared = s.recipients.some((a) => theirs.has(a.email.toLowerCase()));
    if (sameSubject && (shared || s.recipients.length === 0)) return 2;
    return 0;
  }

  return {
    /**
     * Resolves with the matching sent message, or undefined after the timeout (`waitMs`, default the tracker's) or
     * when `signal` aborts (undo, a newer send).
     */
    expect(snapshot: SendSnapshot, signal?: AbortSignal, waitMs = timeoutMs): Promise<SentMessage | undefined> {
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve(undefined);
        const e: Expectation = { snapshot, since: now(), resolve, timer: setTimeout(() => settle(e, undefined), waitMs) };
        pending.add(e);
        signal?.addEventListener('abort', () => pending.has(e) && settle(e, undefined), { once: true });
      });
    },

    /** Feed every message parsed from a send response. */
    report(messages: readonly SentMessage[]): void {
      for (const m of messages) {
        let best: Expectation | undefined;
        let bestScore = 0;
        for (const e of pending) {
          const sc = score(e, m);
          // Ties go to the oldest send: Gmail answers in order.
          if (sc > bestScore || (sc === bestScore && sc > 0 && best && e.since < best.since)) {
            best = e;
            bestScore = sc;
          }
        }
        if (!best && pending.size === 1 && messages.length === 1) {
          const only = [...pending][0]!;
          if (score(only, m) === 0) best = only;
        }
        if (best) settle(best, m);
      }
    },

    get outstanding(): number {
      return pending.size;
    },
  };
}

export type SendTracker = ReturnType<typeof createSendTracker>;
