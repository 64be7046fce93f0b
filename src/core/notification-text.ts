import { describeAutoAnswer, type FormatDay } from './explanation';
import type { Address, Reminder } from './reminder';
import { chainPosition, followUpsSent } from './chain';

/** `i18n.getMessage`-shaped translator, injected so this stays pure. */
export type Translate = (key: string, substitutions?: string[]) => string;

export interface NotificationText {
  title: string;
  message: string;
  contextMessage?: string;
}

/** Reminders a summary names one by one (a list notification's items, a basic one's lines). */
const DIGEST_LINES = 8;
const MAX_FIELD = 200;

/** "Bob", "Bob and Ann", "Bob, Ann +3" — names when known, addresses otherwise. */
export function describeRecipients(recipients: readonly Address[], t: Translate): string {
  const names = recipients.map((a) => clean(a.name) || clean(a.email));
  if (names.length === 0) return t('recipientsNone');
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return t('recipientsTwo', [names[0]!, names[1]!]);
  return t('recipientsMany', [names[0]!, names[1]!, String(names.length - 2)]);
}

export function subjectOf(r: Reminder, t: Translate): string {
  return clip(clean(r.thread.subject)) || t('noSubject');
}

export function singleNotification(r: Reminder, t: Translate, formatDate: (ms: number) => string, formatDay?: FormatDay): NotificationText {
  if (r.kind === 'owed-reply') return owedNotification(r, t, formatDate);
  if (r.kind === 'always') return alwaysNotification(r, t, formatDate);
  const who = describeRecipients(r.thread.recipients, t);
  if (r.check?.outcome === 'bounced') {
    return {
      title: clip(t('notifBouncedTitle', [who])),
      message: subjectOf(r, t),
      contextMessage: t('notifBouncedContext', [clip(clean(r.check.by?.email)), r.account]),
    };
  }
  const lastFollowUp = r.chain?.sent.at(-1)?.at;
  return {
    title: clip(chainTitle(r, who, t) ?? t('notifTitle', [who])),
    message: subjectOf(r, t),
    // Never claim "no reply" we could not verify: say so, and why it matters (open the thread).
    contextMessage:
      r.check?.outcome === 'failed'
        ? t('notifUnverified', [r.account])
        : r.check?.outcome === 'no-reply' && r.check.autoAnswer
          ? // What the automatic answer said (and that the reminder waited for the return), not just "sent on".
            clip(clean(describeAutoAnswer(r.check.autoAnswer, t, formatDay ?? ((d) => d), r.check.autoAnswer.movedFrom !== undefined ? formatDate(r.dueAt) : undefined)))
          : lastFollowUp !== undefined
            ? t('notifChainContext', [formatDate(lastFollowUp), r.account])
            : t('notifContext', [formatDate(r.sentAt), r.account]),
  };
}

/**
 * A chain's step: "Follow-up 2 of 3 due — no reply from Bob"; after the last
 * follow-up the chain plans, the final word: "No answer after 3 follow-ups —
 * Bob" (the reminder still waits for the user: nothing ends silently).
 * Undefined for a reminder that neither repeats nor has sent a follow-up.
 */
function chainTitle(r: Reminder, who: string, t: Translate): string | undefined {
  const pos = chainPosition(r);
  if (!pos || (!r.chain?.repeat && pos.n === 0)) return undefined;
  if (pos.final) return pos.n === 1 ? t('notifChainFinalOne', [who]) : t('notifChainFinal', [String(pos.n), who]);
  return t('notifChainStep', [String(pos.n + 1), String(pos.of), who]);
}

/** Who the user owes a reply: the sender of the message they were reminded of. */
export function owedTo(r: Reminder, t: Translate): string {
  return describeRecipients(r.thread.recipients.slice(0, 1), t);
}

/** "You owe Bob a reply — subject"; news that they wrote again, else when it came. */
function owedNotification(r: Reminder, t: Translate, formatDate: (ms: number) => string): NotificationText {
  const again = r.check?.wroteAgain;
  const context =
    r.check?.outcome === 'failed'
      ? t('notifUnverified', [r.account])
      : again
        ? t('notifOwedAgain', [clip(clean(again.by.name) || clean(again.by.email)), again.at !== undefined ? formatDate(again.at) : '—', r.account])
        : t('notifOwedContext', [formatDate(r.sentAt), r.account]);
  return { title: clip(t('notifOwedTitle', [owedTo(r, t)])), message: subjectOf(r, t), contextMessage: context };
}

/**
 * "Reminder: <subject>" — a reminder regardless of replies says nothing about replies (none was looked for):
 * the subject is what the user asked to be reminded of, with whom the thread is and when it started.
 */
function alwaysNotification(r: Reminder, t: Translate, formatDate: (ms: number) => string): NotificationText {
  return {
    title: clip(t('notifAlwaysTitle', [subjectOf(r, t)])),
    message: clip(t('notifAlwaysMessage', [describeRecipients(r.thread.recipients, t)])),
    contextMessage: t('notifContext', [formatDate(r.sentAt), r.account]),
  };
}

/** "Bob replied" (only when the user asked to be told). */
export function repliedNotification(r: Reminder, t: Translate): NotificationText {
  const by = r.resolution?.by;
  const sent = followUpsSent(r);
  return {
    title: clip(t('notifRepliedTitle', [clean(by?.name) || clean(by?.email) || describeRecipients(r.thread.recipients, t)])),
    message: subjectOf(r, t),
    // The reply ended the whole chain of follow-ups: say so, so nobody waits for the next step.
    contextMessage: sent > 0 ? t(sent === 1 ? 'notifChainEndedOne' : 'notifChainEnded', [String(sent), r.account]) : r.account,
  };
}

export interface NotificationItem {
  title: string;
  message: string;
}

/**
 * One notification for several: the message names them a line each (all a
 * basic notification has, e.g. in Firefox), `items` the same for a list
 * notification where the browser has one.
 */
export function digestNotification(reminders: readonly Reminder[], t: Translate): NotificationText & { items: NotificationItem[] } {
  const shown = reminders.slice(0, DIGEST_LINES);
  // An owed reply's line says whom the user owes the answer.
  const items = shown.map((r) => ({ title: r.kind === 'owed-reply' ? t('digestOwedTo', [owedTo(r, t)]) : describeRecipients(r.thread.recipients, t), message: subjectOf(r, t) }));
  const lines = items.map((i) => `${i.title} — ${i.message}`);
  if (reminders.length > DIGEST_LINES) {
    const more = t('digestMore', [String(reminders.length - DIGEST_LINES)]);
    lines.push(more);
    items.push({ title: more, message: '' });
  }
  return { title: t('digestTitle', [String(reminders.length)]), message: lines.join('\n'), items };
}

/**
 * Mail text is untrusted: drop control characters (C0, DEL, C1 — NEL is not
 * `\s` in JS) and every Unicode bidi control (marks, embeddings, overrides,
 * isolates) that could spoof the line.
 */
export function clean(s: string | undefined): string {
  return (s ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, the last an ellipsis when cut. */
export function clip(s: string, max = MAX_FIELD): string {
  if (s.length <= max) return s;
  let end = max - 1;
  // Do not leave half of a surrogate pair (an emoji) before the ellipsis.
  if (/[\ud800-\udbff]/.test(s.charAt(end - 1))) end -= 1;
  return `${s.slice(0, end)}…`;
}
