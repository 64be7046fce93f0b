/**
 * One line that says why a reminder is where it is: who replied and when,
 * that a delivery failed, or why replies could not be checked. Shown in the
 * popup and the Gmail thread control; pure, the translator is passed in.
 */
import type { CheckFailure, Reminder } from './reminder';
import type { Translate } from './notification-text';

export const FAILURE_KEYS: Record<CheckFailure, string> = {
  'signed-out': 'failure_signedOut',
  'no-access': 'failure_noAccess',
  network: 'failure_network',
  'wrong-account': 'failure_wrongAccount',
  unrecognised: 'failure_unrecognised',
  'no-thread-id': 'failure_noThreadId',
};

const who = (a: { email: string; name?: string } | undefined) => (a?.name?.trim() || a?.email || '').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');

function explainVerdict(r: Reminder, t: Translate, formatTime: (ms: number) => string): string | undefined {
  if (r.status === 'replied' && r.resolution) {
    const by = who(r.resolution.by) || t('explainSomeone');
    const key = r.resolution.source === 'gmail-tab' ? 'explainRepliedSeen' : 'explainReplied';
    return r.resolution.at !== undefined ? t(key, [by, formatTime(r.resolution.at)]) : t('explainRepliedNoTime', [by]);
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
  if (check.outcome === 'no-reply') return t('explainNoReply', [formatTime(check.at)]);
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

export function explainReminder(r: Reminder, t: Translate, formatTime: (ms: number) => string): string | undefined {
  const parts = [explainVerdict(r, t, formatTime), countingNote(r, t)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
