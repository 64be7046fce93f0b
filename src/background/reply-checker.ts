import { watchesReplies, type CheckFailure, type Reminder } from '../core/reminder';
import { judgeLook } from '../core/replies/by-kind';
import { applyVerdict, rulesFor, type CheckResult, type ReturnPolicy } from '../core/replies/outcome';
import { classifyPrintViewResponse, printViewUrl } from '../core/replies/print-view';
import { readPrintView, type PrintViewLook } from '../core/replies/print-view-verdict';
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

  /** One look and what it means for `r` (judged by the rule of its kind). */
  async function look(r: Reminder, settings: Settings): Promise<CheckResult> {
    const result = await fetchLook(r, settings);
    const at = deps.clock.now();
    if ('failure' in result) return applyVerdict(r, result, 'print-view', at);
    const { messages, trackedId, times } = result;
    return judgeLook(r, messages, rulesFor(r, settings.replies, settings.schedule.timeZone), 'print-view', at, {
      ...(trackedId ? { trackedId } : {}),
      times,
      policy: policyOf(settings),
    });
  }

  async function fetchLook(r: Reminder, settings: Settings): Promise<PrintViewLook | { failure: CheckFailure }> {
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
    return readPrintView(html, r, settings, { now: deps.clock.now(), hints: deps.zoneHints?.() ?? [] });
  }

  /** One look now, whatever the schedule says ("check for replies now"). */
  async function checkNow(r: Reminder): Promise<Reminder | undefined> {
    // "Regardless of replies": nothing a look finds could change it, so no request is made.
    if (!watchesReplies(r)) return undefined;
    const settings = await deps.settings.get();
    const result = await look(r, settings);
    return deps.checks.record(r.id, r.rev, result, result.check.at);
  }

  async function run(now: number): Promise<CheckRun> {
    const wanted = await deps.checks.due(now);
    if (wanted.length === 0) return { changed: [], more: false };
    const settings = await deps.settings.get();
    const changed: Reminder[] = [];
    for (const [i, { reminder }] of wanted.slice(0, MAX_CHECKS_PER_RUN).entries()) {
      if (i > 0) await sleep(REQUEST_GAP_MS);
      const result = await look(reminder, settings);
      const written = await deps.checks.record(reminder.id, reminder.rev, result, result.check.at);
      if (written) changed.push(written);
    }
    return { changed, more: wanted.length > MAX_CHECKS_PER_RUN };
  }

  return Object.assign(run, { checkNow });
}

const policyOf = (settings: Settings): ReturnPolicy => ({ schedule: settings.schedule, moveToReturn: settings.replies.moveToReturn });

export type ReplyChecker = ReturnType<typeof createReplyChecker>;
