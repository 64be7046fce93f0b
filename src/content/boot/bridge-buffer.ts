import type { EnvelopeHandlers } from '../gmail/page-envelope';
import { safely } from '../safely';

/** Gmail's sync endpoint also carries label changes and draft saves: a few recent ones are enough. */
const MAX_SENDS = 8;
const MAX_CHARS = 4_000_000;
/** Older than the send tracker's wait (send-tracker.ts): nothing would pair with it any more. */
const MAX_AGE_MS = 60_000;

interface Held {
  at: number;
  body: string;
  request: string | undefined;
}

/**
 * What the page-world hook posted before the controls were loaded. The page
 * posts its account once per load, long before the first compose; and a send
 * the replaced script left on the page (send-handover.ts) may be answered by
 * Gmail before the controls that take it over have arrived. Both are kept
 * (bounded in count, size and age) and replayed, in order, to the handlers
 * that attach; from then on envelopes go straight through.
 */
export function createBridgeBuffer(now: () => number) {
  let target: EnvelopeHandlers | undefined;
  let account: { email: string; ik: string | undefined } | undefined;
  let sends: Held[] = [];

  const fresh = (h: Held) => now() - h.at <= MAX_AGE_MS;

  const handlers: EnvelopeHandlers = {
    onSyncSend(body, request) {
      if (target) return target.onSyncSend(body, request);
      sends = [...sends.filter(fresh), { at: now(), body, request }].slice(-MAX_SENDS);
      let chars = 0;
      // Newest kept first: a long burst of large responses keeps the latest ones.
      for (let i = sends.length - 1; i >= 0; i--) {
        chars += sends[i]!.body.length + (sends[i]!.request?.length ?? 0);
        if (chars > MAX_CHARS) {
          sends = sends.slice(i + 1);
          break;
        }
      }
    },
    onAccount(email, ik) {
      account = { email, ik };
      target?.onAccount(email, ik);
    },
  };

  return {
    /** Feed the bridge into this. */
    handlers,
    /** Replays what was kept to `next`, then forwards live; returns the detach. */
    attach(next: EnvelopeHandlers): () => void {
      target = next;
      const held = sends.filter(fresh);
      sends = [];
      if (account) safely(() => next.onAccount(account!.email, account!.ik));
      for (const h of held) safely(() => next.onSyncSend(h.body, h.request));
      return () => {
        if (target === next) target = undefined;
      };
    },
    /** How many sends are held (tests, diagnostics). */
    get held(): number {
      return sends.length;
    },
  };
}
