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
      const changed = checks[check] !== state;
      // A check that worked once stays "ok" in this tab: one odd compose does not make it missing.
      if (checks[check] === 'ok' && state === 'missing') {
        if (note && !notes.includes(note) && notes.length < MAX_NOTES) notes.push(note);
        return;
      }
      checks[check] = state;
      if (note && !notes.includes(note) && notes.length < MAX_NOTES) notes.push(note);
      if ((changed || note) && !timer) timer = setTimeout(flush, delayMs);
    },
    get(check: IntegrationCheck): CheckState {
      return checks[check];
    },
  };
}

export type Health = ReturnType<typeof createHealth>;
