/** Words for times and rows, in the UI language and the user's zone. Formatters are cached: rows render often. */
import { dayFormatter, explainReminder } from '../core/explanation';
import { describeRecipients, owedTo, subjectOf } from '../core/notification-text';
import { chainLabel, repeatState } from '../core/chain-text';
import type { Reminder } from '../core/reminder';
import { formatDue } from '../core/schedule/format';
import type { SectionId } from '../core/sections';
import type { Env } from './types';

const cache = new Map<string, Intl.RelativeTimeFormat | Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.RelativeTimeFormat | Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** The largest sensible unit for a span, and the rounded amount of it. */
export function unitOf(ms: number): { value: number; unit: Unit } {
  const a = Math.abs(ms);
  if (a < HOUR) return { value: Math.max(1, Math.round(a / MINUTE)), unit: 'minute' };
  if (a < DAY) return { value: Math.round(a / HOUR), unit: 'hour' };
  if (a < 30 * DAY) return { value: Math.round(a / DAY), unit: 'day' };
  if (a < 365 * DAY) return { value: Math.round(a / (30 * DAY)), unit: 'month' };
  return { value: Math.round(a / (365 * DAY)), unit: 'year' };
}

/** "in 2 days", "tomorrow", "3 hours ago" (Intl.RelativeTimeFormat). */
export function relative(at: number, env: Env): string {
  const diff = at - env.now;
  const { value, unit } = unitOf(diff);
  const rtf = cached(`r|${env.locale}`, () => new Intl.RelativeTimeFormat(env.locale, { numeric: 'auto' }));
  return rtf.format(diff < 0 ? -value : value, unit);
}

/** "3 days", "1 hour" (a span without direction). */
export function span(ms: number, env: Env): string {
  const { value, unit } = unitOf(ms);
  return cached(`n|${env.locale}|${unit}`, () => new Intl.NumberFormat(env.locale, { style: 'unit', unit, unitDisplay: 'long' })).format(value);
}

/** A due time in relative words: "in 2 days", "3 days overdue", "due now". */
export function dueWords(at: number, env: Env): string {
  const diff = at - env.now;
  if (Math.abs(diff) < MINUTE) return env.t('dueNow');
  return diff > 0 ? relative(at, env) : env.t('dueOverdue', [span(-diff, env)]);
}

/** The exact time, as the rest of the extension shows it ("Thu, Mar 13, 09:00"). */
export const exact = (at: number, env: Env) => formatDue(at, env.now, env.timeZone, env.locale);

/** "Mar 11" (with the year when it is not this year). */
export function shortDate(at: number, env: Env): string {
  const year = new Date(at).getUTCFullYear() !== new Date(env.now).getUTCFullYear();
  return cached(`d|${env.locale}|${env.timeZone}|${year}`, () =>
    new Intl.DateTimeFormat(env.locale, { timeZone: env.timeZone, month: 'short', day: 'numeric', ...(year ? { year: 'numeric' } : {}) }),
  ).format(at);
}

/** Mail text is untrusted: no control or bidi-override characters, whitespace collapsed (the full text, for `title`). */
export const cleanText = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface RowText {
  subject: string;
  /** Unclipped subject for the tooltip. */
  fullSubject: string;
  recipients: string;
  /** The right-hand time: due words for waiting rows, when it was resolved for the others. */
  when: string;
  /** The exact instant behind `when`. */
  whenExact: string;
  status?: string;
  why?: string;
  /** The follow-up chain: "Follow-up 2 of 3", "Last follow-up (3 of 3)", "Repeats until answered"… */
  chain?: string;
  /** For screen readers: whether it repeats until answered. */
  repeat?: string;
  /** The row's accessible name: subject, recipients, when. */
  label: string;
}

/** Everything a row says, computed from the reminder alone (no DOM). */
export function rowText(r: Reminder, section: SectionId, env: Env): RowText {
  const { t } = env;
  const subject = subjectOf(r, t);
  const owed = r.kind === 'owed-reply';
  // An owed reply names who is waiting for the user's answer; a follow-up whom the user wrote to.
  const recipients = owed ? owedTo(r, t) : describeRecipients(r.thread.recipients, t);
  const resolvedAt = section === 'replied' ? (r.resolution?.at ?? r.updatedAt) : r.updatedAt;
  const waiting = section !== 'replied' && section !== 'done';
  const when = waiting
    ? dueWords(r.dueAt, env)
    : section === 'replied'
      ? t('whenReplied', [relative(resolvedAt, env)])
      : t('whenDone', [relative(resolvedAt, env)]);
  const whenExact = waiting ? t('dueExact', [exact(r.dueAt, env)]) : exact(resolvedAt, env);
  const why = explainReminder(r, t, (ms) => exact(ms, env), dayFormatter(env.locale));
  return {
    subject,
    fullSubject: cleanText(r.thread.subject) || subject,
    recipients,
    when,
    whenExact,
    status: statusOf(r, env),
    why,
    chain: chainLabel(r, t),
    repeat: repeatState(r, t),
    label: t(owed ? 'rowOwedLabel' : 'rowLabel', [subject, recipients, when]),
  };
}

function statusOf(r: Reminder, env: Env): string | undefined {
  // "Regardless of replies" is what the row is, in every section: no reply ends it.
  if (r.kind === 'always') return [env.t('statusAlways'), replyStatusOf(r, env)].filter(Boolean).join(' · ');
  return replyStatusOf(r, env);
}

function replyStatusOf(r: Reminder, { t }: Env): string | undefined {
  if (r.status === 'replied' || r.status === 'done' || r.status === 'cancelled') return undefined;
  if (r.check?.outcome === 'bounced') return t('statusBounced');
  if (r.check?.outcome === 'failed') return t('statusUnverified');
  if (r.status === 'snoozed') return t('statusSnoozed');
  return undefined;
}
