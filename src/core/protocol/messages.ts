import * as v from 'valibot';
import type { Reminder, ReminderStatus } from '../reminder';
import type { RelativeDue } from '../schedule/intent';
import type { Sections } from '../sections';
import type { StoredIntegration } from '../integration';
import type { Settings } from '../settings';
import type { FollowUpDraft } from '../follow-up';
import { isRequestType, REQUEST_SCHEMAS, type RequestInput, type RequestOf, type RequestType } from './schemas';

/** What each request answers with. */
export interface ResponseMap {
  'reminder.create': { reminder: Reminder; outcome: 'created' | 'existing' | 'replaced' };
  'reminder.updateDue': { reminder: Reminder; previous: Reminder };
  'reminder.snooze': { reminder: Reminder; previous: Reminder };
  'reminder.done': { reminder: Reminder; previous: Reminder };
  'reminder.reopen': { reminder: Reminder; previous: Reminder };
  'reminder.cancel': { reminder: Reminder; previous: Reminder };
  'reminder.delete': { reminder: Reminder };
  /** `counts` has every section unless asked with `counts: 'page'` (then only sections read to their end). */
  'reminder.list': { sections: Partial<Sections>; counts: Partial<Record<keyof Sections, number>>; now: number };
  /**
   * `openReply`: "Reply now" asked for this thread's in-thread reply to be opened (answered once); `followUp`:
   * "Write follow-up" did, for this reminder (still waiting): the tab asks `reminder.followUpDraft` for the text.
   */
  'reminder.getByThread': { reminder: Reminder | null; openReply?: true; followUp?: { reminderId: string } };
  'due.preview': DuePreview;
  'settings.get': { settings: Settings };
  'integration.report': { stored: true };
  'integration.get': { reports: StoredIntegration[] };
  'account.seen': { stored: true };
  /** The reminders of that thread the observation resolved (replied or bounced). */
  'thread.observed': { resolved: Reminder[] };
  'reminder.notReply': { reminder: Reminder };
  'reminder.autoAnswer': { reminder: Reminder };
  'reminder.checkNow': { reminder: Reminder };
  'reminder.restore': { reminder: Reminder };
  /** `focused`: an open Gmail tab now shows the thread; `opened`: in a new tab. */
  'reminder.open': { opened: 'focused' | 'opened' };
  /** The settings as stored (fields the caller left out filled with their defaults). */
  'settings.set': { settings: Settings };
  /** A backup file (docs/backup-format.md). */
  'data.export': { json: string };
  /** `imported` reminders written, `replaced` of them had the id of one already stored. */
  'data.import': { imported: number; replaced: number };
  /** Pending and snoozed reminders as an iCalendar (RFC 5545) file. */
  'data.exportIcs': { ics: string };
  'data.deleteAll': { deleted: number };
  'diagnostics.get': Diagnostics;
  /** The owed replies of that thread the send answered; `followedUp`: the no-reply reminders it continued as a follow-up (core/chain.ts). */
  'thread.sent': { answered: Reminder[]; followedUp?: Reminder[] };
  'reminder.replyNow': { reminder: Reminder };
  'reminder.setRepeat': { reminder: Reminder; previous: Reminder };
  /** `opened` as for `reminder.open`. */
  'reminder.writeFollowUp': { reminder: Reminder; opened: 'focused' | 'opened' };
  'reminder.followUpDraft': { reminder: Reminder; draft: FollowUpDraft };
  'history.summary': HistorySummary;
  'controls.load': { injected: true };
}

/** Finished reminders and what a retention setting removes: now, and over the next 30 days. */
export interface HistorySummary {
  finished: number;
  /** Older than the cutoff today: the next clean-up removes them. */
  removable: number;
  /** Older than the cutoff will be 30 days from now (includes `removable`). */
  soon: number;
  /** Last change of the oldest finished reminder. */
  oldest?: number;
  /** Finished before this instant means removable (absent: kept forever). */
  cutoff?: number;
  /** No clean-up removes anything before this instant. */
  firstRemovalAt: number;
  lastRun?: { at: number; removed: number };
}

export interface Diagnostics {
  /** The extension's version. */
  version: string;
  counts: Record<ReminderStatus, number>;
  integration: StoredIntegration[];
  /** Per account with reminders: the newest successful look for replies and the newest failed one. */
  lastChecks: { account: string; lastOk?: number; lastFailure?: { at: number; failure: string } }[];
  /** The background's recent errors, newest first (at most 50, each at most 300 characters). */
  recentErrors: { at: number; message: string }[];
}

export interface DuePreview {
  at: number;
  /** Shifted into working hours; the UI says so. */
  moved: boolean;
  exactTime: boolean;
  /** Short local form, e.g. "Thu, Dec 3, 09:00", to show back before use. */
  label: string;
  /** Typed text meant a time relative to sending ("in 2 hours", "in 3 Tagen"): store this, not `at`. */
  relative?: RelativeDue;
}

export type ErrorCode =
  | 'invalid-request'
  | 'unknown-type'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'illegal-transition'
  | 'unparseable'
  | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type Reply<K extends RequestType> = { ok: true; data: ResponseMap[K] } | { ok: false; error: ProtocolError };

/** The wire form of a request. `v` lets a future protocol change be recognised. */
export interface Envelope<K extends RequestType = RequestType> {
  v: 1;
  type: K;
  payload: RequestInput<K>;
}

export type ParsedRequest = { [K in RequestType]: { type: K; payload: RequestOf<K> } }[RequestType];

const MAX_ISSUE = 200;
const MAX_ERROR_MESSAGE = 1000;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Validates anything that arrived over the wire. Never throws. */
export function parseEnvelope(raw: unknown): { ok: true; request: ParsedRequest } | { ok: false; error: ProtocolError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { code: 'invalid-request', message: 'A message must be an object' } };
  }
  const { v: version, type, payload } = raw as Record<string, unknown>;
  if (version !== 1) return { ok: false, error: { code: 'invalid-request', message: 'Unsupported protocol version' } };
  if (!isRequestType(type)) {
    // String() would throw for e.g. a null-prototype object; only a string is echoed, and clipped.
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 80)) : `(${type === null ? 'null' : typeof type})`;
    return { ok: false, error: { code: 'unknown-type', message: `Unknown message type ${shown}` } };
  }
  const result = v.safeParse(REQUEST_SCHEMAS[type], payload);
  if (!result.success) {
    // Issues echo the offending value ("… but received "<whole string>""): keep each one, and the answer, bounded.
    const issues = result.issues.map((issue) => ({ ...issue, message: clip(issue.message, MAX_ISSUE) }));
    const summary = v.summarize(issues as typeof result.issues);
    return { ok: false, error: { code: 'invalid-request', message: `${type}: ${clip(summary, MAX_ERROR_MESSAGE)}` } };
  }
  return { ok: true, request: { type, payload: result.output } as ParsedRequest };
}
