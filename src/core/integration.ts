/**
 * How well the Gmail integration works in the user's tabs, as the content
 * script last saw it. Gmail changes without notice: this is what lets the
 * options page say "compose button ✓ / thread id ✗" instead of failing
 * silently.
 */

export const INTEGRATION_CHECKS = ['composeButton', 'sendHook', 'threadId', 'threadToolbar', 'account'] as const;
export type IntegrationCheck = (typeof INTEGRATION_CHECKS)[number];

/** `unknown`: not exercised yet in this tab (e.g. no compose opened). */
export type CheckState = 'ok' | 'missing' | 'unknown';

export interface IntegrationReport {
  checks: Record<IntegrationCheck, CheckState>;
  /** Short, non-personal notes such as "send row not found" (never mail content). */
  notes: string[];
}

export interface StoredIntegration extends IntegrationReport {
  account: string | null;
  at: number;
}

/** Oldest accounts are dropped beyond this, so a hostile page cannot grow storage. */
export const MAX_INTEGRATION_ACCOUNTS = 10;

/** Merges a tab's report into the stored ones: newest first, one per account. */
export function mergeIntegration(
  stored: readonly StoredIntegration[],
  report: IntegrationReport,
  account: string | null,
  now: number,
): StoredIntegration[] {
  const entry: StoredIntegration = { account, at: now, checks: report.checks, notes: report.notes };
  return [entry, ...stored.filter((s) => s.account !== account)].slice(0, MAX_INTEGRATION_ACCOUNTS);
}
