import type { StorageAreaPort } from './settings-store';

export const PAGE_KEYS_KEY = 'pageKeys';
const KEY = PAGE_KEYS_KEY;
const IK_RE = /^[0-9a-f]{6,20}$/;
const MAX_ACCOUNTS = 20;

/**
 * Gmail's per-account page key (`ik`, from GLOBALS[9] in a Gmail tab), which
 * Gmail's own print links carry. Not a secret credential — it only helps the
 * print view answer — but still kept per account and bounded.
 */
export function pageKeyStore(area: StorageAreaPort) {
  async function all(): Promise<Record<string, string>> {
    const stored = (await area.get(KEY))[KEY];
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    return Object.fromEntries(Object.entries(stored).filter(([, v]) => typeof v === 'string' && IK_RE.test(v))) as Record<string, string>;
  }
  return {
    async get(account: string): Promise<string | undefined> {
      return (await all())[account.toLowerCase()];
    },
    async set(account: string, ik: string): Promise<void> {
      if (!IK_RE.test(ik)) return;
      const current = await all();
      if (current[account] === ik) return;
      const { [account]: _old, ...others } = current;
      // Newest first, so the bound drops the account seen longest ago.
      const next = Object.fromEntries([[account, ik], ...Object.entries(others)].slice(0, MAX_ACCOUNTS));
      await area.set({ [KEY]: next });
    },
    async clear(): Promise<void> {
      await area.remove(KEY);
    },
  };
}

export type PageKeyStore = ReturnType<typeof pageKeyStore>;
