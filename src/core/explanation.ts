/**
 * One line that says why a reminder is where it is: who replied and when,
 * that a delivery failed, or why replies could not be checked. Shown in the
 * popup and the Gmail thread control; pure, the translator is passed in.
 */
import type { AutoAnswerInfo, CheckFailure, Reminder } from './reminder';
import type { Translate } from './notification-text';

/** Message keys of the automatic-answer families (AutoNote.family). */
const FAMILY_KEYS: Record<string, string> = {
  'out-of-office': 'autoFamily_outOfOffice',
  vacation: 'autoFamily_vacation',
  'parental-leave': 'autoFamily_parentalLeave',
  'sick-leave': 'autoFamily_sickLeave',
  'left-company': 'autoFamily_leftCompany',
  acknowledgement: 'autoFamily_acknowledgement',
  unmonitored: 'autoFamily_unmonitored',
  automatic: 'autoFamily_automatic',
};

/** An ISO day as "Nov 30" in the UI language; the day itself when no formatter is given. */
export type FormatDay = (isoDay: string) => string;

// Per locale: building an Intl.DateTimeFormat costs far more than using one, and the popup asks once per row.
const dayFormatters = new Map<string, FormatDay>();

/** "Nov 30" / "30. Nov." for an ISO day, whatever the zone (a calendar day has none). */
export function dayFormatter(locale: string): FormatDay {
  let f = dayFormatters.get(locale);
  if (!f) dayFormatters.set(locale, (f = makeDayFormatter(locale)));
  return f;
}

function makeDayFormatter(locale: string): FormatDay {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  } catch {
    fmt = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  }
  return (isoDay) => {
    const ms = Date.parse(`${isoDay}T12:00:00Z`);
    return Number.isFinite(ms) ? fmt.format(ms) : isoDay;
  };
}

/**
 * "Bob's automatic reply — out of office until Nov 30 — didn't count", and
 * when it moved the reminder, "Moved to Tue 09:00, after the return."
 */
export function describeAutoAnswer(info: AutoAnswerInfo, t: Translate, formatDay: FormatDay, moved?: string): string {
  const by = who(info.by) || t('explainSomeone');
  const family = info.family && FAMILY_KEYS[info.family] ? t(FAMILY_KEYS[info.family]!) : '';
  const when = info.until ? t('autoUntil', [formatDay(info.until)]) : info.backOn ? t('autoBackOn', [formatDay(info.backOn)]) : '';
  const what = [family, when].filter(Boolean).join(' ');
  const line = what ? t('explainAutoAnswer', [by, what]) : t('explainAutoAnswerPlain', [by]);
  return moved ? `${line}. ${t('explainAutoMoved', [moved])}` : line;
}

export const FAILURE_KEYS: Record<CheckFailure, string> = {
  'signed-out': 'failure_signedOut',
  'no-access': 'failure_noAccess',
  network: 'failure_network',
  'wrong-account': 'failure_wrongAccount',
  unrecognised: 'failure_unrecognised',
  'no-thread-id': 'failure_noThreadId',
};

const who = (a: { email: string; name?: string } | undefined) => (a?.name?.trim() || a?.email || '').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');

function explainVerdict(r: Reminder, t: Translate, formatTime: (ms: number) => string, formatDay: FormatDay): string | undefined {
  if (r.kind === 'owed-reply') {
    const owed = explainOwed(r, t, formatTime);
    if (owed !== undefined) return owed;
  }
  if (r.status === 'replied' && r.resolution) {
    const by = who(r.resolution.by) || t('explainSomeone');
    const key = r.resolution.source === 'gmail-tab' ? 'explainRepliedSeen' : 'explainReplied';
    const line = r.resolution.at !== undefined ? t(key, [by, formatTime(r.resolution.at)]) : t('explainRepliedNoTime', [by]);
    // Counted, but it looked like it might be automatic: say so (the user can tell us it was).
    const counted = r.resolution.notes?.find((n) => n.id !== undefined && n.id === r.resolution!.messageId);
    return counted?.auto && !counted.auto.certain ? `${line} ${t('explainMaybeAuto')}` : line;
  }
  const check = r.check;
  if (!check || r.status === 'done' || r.status === 'cancelled') return undefined;
  if (check.outcome === 'bounced') return t('explainBounced', [who(check.by)]);
  if (check.outcome === 'failed' && check.failure) {
    const reason = t(FAILURE_KEYS[check.failure]);
    return check.retryAt !== undefined && r.status === 'notified'
      ? t('explainFailedRetry', [reason, formatTime(check.retryAt)])
      : t('explainFailed', [reason]);
  }
  if (check.outcome === 'no-reply' && check.autoAnswer) {
    const moved = check.autoAnswer.movedFrom !== undefined && r.dueAt > check.autoAnswer.movedFrom ? formatTime(r.dueAt) : undefined;
    return describeAutoAnswer(check.autoAnswer, t, formatDay, moved);
  }
  if (check.outcome === 'no-reply') return t('explainNoReply', [formatTime(check.at)]);
  return undefined;
}

/** An owed reply: the user's answer that ended it, or news that the other side wrote again; else as any reminder. */
function explainOwed(r: Reminder, t: Translate, formatTime: (ms: number) => string): string | undefined {
  if (r.status === 'replied' && r.resolution?.kind === 'answered') {
    const at = r.resolution.at;
    const key = r.resolution.source === 'compose' ? 'explainAnsweredSent' : 'explainAnswered';
    return at !== undefined ? t(key, [formatTime(at)]) : t('explainAnsweredNoTime');
  }
  if (r.status === 'done' || r.status === 'cancelled' || r.status === 'replied') return undefined;
  const again = r.check?.wroteAgain;
  if (again) return t('explainWroteAgain', [who(again.by) || t('explainSomeone'), again.at !== undefined ? formatTime(again.at) : '—']);
  if (r.check?.outcome === 'no-reply') return t('explainOwedNoAnswer', [formatTime(r.check.at)]);
  return undefined;
}

/**
 * What a reply check could not know for sure, said next to its verdict: a
 * reminder counted from its click (no own message was the thread's latest),
 * or times read in the settings zone or from one of several candidates.
 */
export function countingNote(r: Reminder, t: Translate): string | undefined {
  if (r.status === 'done' || r.status === 'cancelled') return undefined;
  if (r.anchor === 'added') return t('explainCountsFromAdded');
  const times = r.status === 'replied' ? r.resolution?.times : r.check?.outcome !== 'failed' ? r.check?.times : undefined;
  if (times === 'settings-zone') return t('explainTimesSettingsZone');
  if (times === 'ambiguous') return t('explainTimesAmbiguous');
  return undefined;
}

export function explainReminder(r: Reminder, t: Translate, formatTime: (ms: number) => string, formatDay: FormatDay = (d) => d): string | undefined {
  // Regardless of replies: nothing was looked for, so there is no verdict to explain (the label says what it is).
  if (r.kind === 'always') return undefined;
  const parts = [explainVerdict(r, t, formatTime, formatDay), countingNote(r, t)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
