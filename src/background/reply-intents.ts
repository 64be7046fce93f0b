import type { StorageAreaPort } from './settings-store';

export const REPLY_INTENTS_KEY = 'replyIntents';
/** Long enough for a cold Gmail tab to load; short enough that a later visit to the thread does not open a reply. */
export const REPLY_INTENT_TTL_MS = 2 * 60_000;
const MAX_INTENTS = 10;

/** "Write follow-up": the reply is filled with a nudge for this reminder (rendered when the tab asks, see follow-up.ts). */
export interface FollowUpIntent {
  reminderId: string;
}

export interface ReplyIntent {
  account: string;
  /** Every key the thread is known under (see threadKeysOf). */
  keys: string[];
  until: number;
  followUp?: FollowUpIntent;
}

const isFollowUp = (x: unknown): x is FollowUpIntent =>
  typeof x === 'object' && x !== null && typeof (x as FollowUpIntent).reminderId === 'string';

const isIntent = (i: unknown): i is ReplyIntent => {
  if (typeof i !== 'object' || i === null) return false;
  const x = i as ReplyIntent;
  return (
    typeof x.account === 'string' &&
    Array.isArray(x.keys) &&
    x.keys.every((k) => typeof k === 'string') &&
    typeof x.until === 'number' &&
    (x.followUp === undefined || isFollowUp(x.followUp))
  );
};

/**
 * "Open the in-thread reply when this thread shows": set by "Reply now" and
 * "Write follow-up" (a notification button, the popup), taken once by the
 * Gmail tab whose thread view asks for that thread. Kept in storage, not
 * memory: the service worker may be stopped between opening the tab and the
 * tab asking. Reads and writes of one worker run one after the other, so two
 * looks of the same thread (a reload racing a navigation) cannot both take it.
 */
export function replyIntentStore(area: StorageAreaPort) {
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function live(now: number): Promise<ReplyIntent[]> {
    const stored = (await area.get(REPLY_INTENTS_KEY))[REPLY_INTENTS_KEY];
    if (!Array.isArray(stored)) return [];
    return stored.filter((i): i is ReplyIntent => isIntent(i) && i.until > now);
  }
  const sameThread = (i: ReplyIntent, account: string, keys: readonly string[]) => i.account === account && i.keys.some((k) => keys.includes(k));

  return {
    /** A newer intent for the thread replaces an older one (the last click wins). */
    set(account: string, keys: readonly string[], now: number, followUp?: FollowUpIntent): Promise<void> {
      return serial(async () => {
        const others = (await live(now)).filter((i) => !sameThread(i, account, keys));
        const intent: ReplyIntent = { account, keys: [...keys], until: now + REPLY_INTENT_TTL_MS, ...(followUp ? { followUp: { reminderId: followUp.reminderId } } : {}) };
        await area.set({ [REPLY_INTENTS_KEY]: [intent, ...others].slice(0, MAX_INTENTS) });
      });
    },
    /** The live intent for this thread of this account, once (it is then gone); undefined when there is none. */
    take(account: string, keys: readonly string[], now: number): Promise<ReplyIntent | undefined> {
      return serial(async () => {
        const all = await live(now);
        const mine = all.find((i) => sameThread(i, account, keys));
        if (!mine) return undefined;
        await area.set({ [REPLY_INTENTS_KEY]: all.filter((i) => !sameThread(i, account, keys)) });
        return mine;
      });
    },
  };
}

export type ReplyIntentStore = ReturnType<typeof replyIntentStore>;
