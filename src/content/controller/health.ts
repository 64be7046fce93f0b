import { INTEGRATION_CHECKS, type CheckState, type IntegrationCheck } from '../../core/integration';
import type { Client } from '../../core/protocol/client';

const MAX_NOTES = 20;

/**
 * Collects what the integration found in this tab and tells the background
 * when it changes (batched), so the options page can show which Gmail
 * anchors work. Reporting failures are swallowed: diagnostics must never
 * become a problem themselves.
 */
export function createHealth(request: Client, account: () => string | undefined, delayMs = 2_000) {
  const checks = Object.fromEntries(INTEGRATION_CHECKS.map((c) => [c, 'unknown'])) as Record<IntegrationCheck, CheckState>;
  const notes: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    timer = undefined;
    request('integration.report', { account: account() ?? null, checks: { ...checks }, notes: [...notes] }).catch(() => {});
  }

  return {
    set(check: IntegrationCheck, state: CheckState, note?: string): void {
      // A check that worked once stays "ok" in this tab: one odd compose does not make it missing.
      const next = checks[check] === 'ok' && state === 'missing' ? 'ok' : state;
      const changed = checks[check] !== next;
      checks[check] = next;
      const noted = Boolean(note && !notes.includes(note) && notes.length < MAX_NOTES);
      if (noted) notes.push(note!);
      // Only news is reported: the same state or the same note again (every refresh of a broken view) is not.
      if ((changed || noted) && !timer) timer = setTimeout(flush, delayMs);
    },
    get(check: IntegrationCheck): CheckState {
      return checks[check];
    },
  };
}

export type Health = ReturnType<typeof createHealth>;
