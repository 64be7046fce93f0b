import type { CheckFailure, Reminder, TimesRead } from '../core/reminder';
import { applyVerdict } from '../core/replies/outcome';
import { classifyPrintViewResponse, printViewUrl } from '../core/replies/print-view';
import { printViewVerdict } from '../core/replies/print-view-verdict';
import type { Verdict } from '../core/replies/types';
import type { Settings } from '../core/settings';
import type { CheckStore } from '../storage/check-store';
import type { Clock, Logger } from './ports';

export interface PrintViewResponse {
  status: number;
  url: string;
  redirected: boolean;
  contentType: string | null;
  text(): Promise<string>;
}

/** A GET to Gmail with the user's own session; rejects on network failure or timeout. */
export interface PrintViewPort {
  fetch(url: string): Promise<PrintViewResponse>;
}

export interface ReplyCheckerDeps {
  checks: CheckStore;
  settings: { get(): Promise<Settings> };
  printView: PrintViewPort;
  clock: Clock;
  log: Logger;
  /** Gmail's per-account page key (`ik`), when a tab told us. */
  pageKey(account: string): Promise<string | undefined>;
  /** Zones worth trying, after the settings zone, for the zone a print view is printed in (the browser's). */
  zoneHints?(): string[];
  sleep?(ms: number): Promise<void>;
}

/** At most this many requests per wake-up; the rest wait for the next one (a minute later). */
export const MAX_CHECKS_PER_RUN = 20;
/** Spacing between requests: a burst of due reminders never hammers Gmail. */
export const REQUEST_GAP_MS = 400;

export interface CheckRun {
  /** Reminders the looks changed (resolved, bounced, or with a new failure). */
  changed: Reminder[];
  /** More wanted a look than one run may make. */
  more: boolean;
}

/**
 * Looks for replies by fetching Gmail's print view of each thread that
 * wants a look, one request per reminder, spaced out, and writes what the
 * rules decide. A failed look never drops a reminder: it fires at its due
 * time marked unverified and the look is retried with backoff.
 */
export function createReplyChecker(deps: ReplyCheckerDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function look(r: Reminder, settings: Settings): Promise<{ verdict: Verdict; times: TimesRead } | { failure: CheckFailure }> {
    const { threadId, permThreadId } = r.thread;
    if (!threadId && !permThreadId) return { failure: 'no-thread-id' };
    const ik = await deps.pageKey(r.account);
    const url = printViewUrl({ account: r.account, ...(threadId ? { threadId } : {}), ...(permThreadId ? { permThreadId } : {}), ...(ik ? { ik } : {}) });
    let response: PrintViewResponse;
    let html: string;
    try {
      response = await deps.printView.fetch(url);
      const kind = classifyPrintViewResponse(response);
      if (kind !== 'ok') return { failure: kind };
      html = await response.text();
    } catch (error) {
      deps.log.warn('Reply check: Gmail not reachable', error instanceof Error ? error.message : error);
      return { failure: 'network' };
    }
    return printViewVerdict(html, r, settings, { now: deps.clock.now(), hints: deps.zoneHints?.() ?? [] });
  }

  /** One look now, whatever the schedule says ("check for replies now"). */
  async function checkNow(r: Reminder): Promise<Reminder | undefined> {
    const settings = await deps.settings.get();
    const result = await look(r, settings);
    const at = deps.clock.now();
    return deps.checks.record(r.id, r.rev, applyVerdict(r, result, 'print-view', at), at);
  }

  async function run(now: number): Promise<CheckRun> {
    const wanted = await deps.checks.due(now);
    if (wanted.length === 0) return { changed: [], more: false };
    const settings = await deps.settings.get();
    const changed: Reminder[] = [];
    for (const [i, { reminder }] of wanted.slice(0, MAX_CHECKS_PER_RUN).entries()) {
      if (i > 0) await sleep(REQUEST_GAP_MS);
      const result = await look(reminder, settings);
      const at = deps.clock.now();
      const written = await deps.checks.record(reminder.id, reminder.rev, applyVerdict(reminder, result, 'print-view', at), at);
      if (written) changed.push(written);
    }
    return { changed, more: wanted.length > MAX_CHECKS_PER_RUN };
  }

  return Object.assign(run, { checkNow });
}

export type ReplyChecker = ReturnType<typeof createReplyChecker>;
