import type { ContentDeps } from './deps';

/** Distinct (account, page key) pairs one tab reports; a real tab has one or two. */
const MAX_ACCOUNT_REPORTS = 8;

/**
 * Tells the background which account (and page key, for print-view reply
 * checks) a tab shows. The page re-posts its info before every send: the
 * background hears each (account, key) pair once per tab, and a page posting
 * ever new pairs (it can forge them) gets only a few through.
 */
export function createAccountReporter(deps: Pick<ContentDeps, 'request' | 'warnOnce'>) {
  const reported = new Set<string>();
  return function reportAccount(account: string, ik: string | undefined): void {
    const key = `${account} ${ik ?? ''}`;
    if (reported.has(key) || reported.size >= MAX_ACCOUNT_REPORTS) return;
    reported.add(key);
    deps.request('account.seen', { account, ...(ik ? { ik } : {}) }).catch((error) => deps.warnOnce('account report failed', error));
  };
}
