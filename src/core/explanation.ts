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

export function explainReminder(r: Reminder, t: Translate, formatTime: (ms: number) => string): string | undefined {
  if (r.kind === 'owed-reply') {
    const owed = explainOwed(r, t, formatTime);
    if (owed !== undefined) return owed;
  }
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
