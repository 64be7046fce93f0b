import type { StorageAreaPort } from './settings-store';

export const REPLY_INTENTS_KEY = 'replyIntents';
/** Long enough for a cold Gmail tab to load; short enough that a later visit to the thread does not open a reply. */
export const REPLY_INTENT_TTL_MS = 2 * 60_000;
const MAX_INTENTS = 10;

interface Intent {
  account: string;
  /** Every key the thread is known under (see threadKeysOf). */
  keys: string[];
  until: number;
}

/**
 * "Open the in-thread reply when this thread shows": set by "Reply now" (a
 * notification button, the popup), taken once by the Gmail tab whose thread
 * view asks for that thread. Kept in storage, not memory: the service worker
 * may be stopped between opening the tab and the tab asking. Shared by every
 * action that opens a reply in Gmail (e.g. writing a follow-up).
 */
export function replyIntentStore(area: StorageAreaPort) {
  async function live(now: number): Promise<Intent[]> {
    const stored = (await area.get(REPLY_INTENTS_KEY))[REPLY_INTENTS_KEY];
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (i): i is Intent =>
        typeof i === 'object' && i !== null && typeof i.account === 'string' && Array.isArray(i.keys) && typeof i.until === 'number' && i.until > now,
    );
  }
  return {
    async set(account: string, keys: readonly string[], now: number): Promise<void> {
      const others = (await live(now)).filter((i) => i.account !== account || !i.keys.some((k) => keys.includes(k)));
      await area.set({ [REPLY_INTENTS_KEY]: [{ account, keys: [...keys], until: now + REPLY_INTENT_TTL_MS }, ...others].slice(0, MAX_INTENTS) });
    },
    /** True once for a thread with a live intent (which is then gone). */
    async take(account: string, keys: readonly string[], now: number): Promise<boolean> {
      const all = await live(now);
      const rest = all.filter((i) => i.account !== account || !i.keys.some((k) => keys.includes(k)));
      if (rest.length === all.length) return false;
      await area.set({ [REPLY_INTENTS_KEY]: rest });
      return true;
    },
  };
}

export type ReplyIntentStore = ReturnType<typeof replyIntentStore>;
