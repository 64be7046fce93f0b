import { describe, expect, it } from 'vitest';
import { remindersToIcs } from '../../../src/core/backup/ics';
import { explainReminder } from '../../../src/core/explanation';
import { singleNotification, type Translate } from '../../../src/core/notification-text';
import { createReminder, REMINDER_KINDS, watchesReplies, type Reminder } from '../../../src/core/reminder';
import { judgeLook, tabMayWrite } from '../../../src/core/replies/by-kind';
import { checkNeeded, nextCheckAt, PRECHECK_MS, readyToFire, withStableIds } from '../../../src/core/replies/outcome';
import { defaultSettings } from '../../../src/core/settings';
import { zonedToInstant } from '../../../src/core/time/zoned';
import { BOB, HOUR, ME, MINUTE, msg, rules, SENT_AT, SHOWN, SUBJECT } from '../replies/factories';

const t: Translate = (key, subs) => `${key}|${(subs ?? []).join(',')}`;
const DUE = SHOWN + 24 * HOUR;

function make(kind: Reminder['kind'], over: Partial<Reminder> = {}): Reminder {
  const r = createReminder(
    { id: `r-${kind}`, account: 'me@example.com', kind, thread: { provider: 'gmail', threadId: 'abc', subject: SUBJECT, recipients: [BOB] }, sentAt: SENT_AT, dueAt: DUE },
    SHOWN,
  );
  return { ...r, ...over };
}

const replyThread = () => withStableIds([msg(ME, { at: SENT_AT, to: [BOB] }), msg(BOB, { at: SENT_AT + HOUR, to: [ME] })]);

describe('kind "always": a first-class kind', () => {
  it('is one of the kinds, and the only one replies do not watch', () => {
    expect(REMINDER_KINDS).toContain('always');
    expect(REMINDER_KINDS.filter((kind) => !watchesReplies({ kind }))).toEqual(['always']);
  });
});

describe('kind "always": no look is ever scheduled, and it fires at its due time without waiting for one', () => {
  it('wants no look in the pre-check window, at due time, or after a failure', () => {
    const r = make('always');
    expect(checkNeeded(r, DUE - PRECHECK_MS + MINUTE)).toBeUndefined();
    expect(checkNeeded(r, DUE)).toBeUndefined();
    expect(checkNeeded({ ...r, status: 'notified', check: { at: DUE, source: 'print-view', outcome: 'failed', failure: 'network', failures: 1, retryAt: DUE } }, DUE + HOUR)).toBeUndefined();
    expect(nextCheckAt(r, SHOWN)).toBeUndefined();
    // The same reminder as "if no reply" would want both looks: the difference is the kind alone.
    expect(checkNeeded(make('no-reply'), DUE)).toBe('due');
    expect(nextCheckAt(make('no-reply'), SHOWN)).toBe(DUE - PRECHECK_MS);
  });

  it('is ready to fire the moment it is due (no grace waiting for a look)', () => {
    expect(readyToFire(make('always'), DUE)).toBe(true);
    expect(readyToFire(make('no-reply'), DUE)).toBe(false);
  });
});

describe('kind "always": what a look would find changes nothing', () => {
  const policy = { schedule: defaultSettings('Europe/Berlin').schedule, moveToReturn: true };

  it('a reply in the print view or an open tab neither resolves it nor writes a check', () => {
    for (const source of ['print-view', 'gmail-tab'] as const) {
      const result = judgeLook(make('always'), replyThread(), rules(), source, DUE);
      expect(result.event).toBeUndefined();
      expect(tabMayWrite(result, replyThread())).toBe(false);
      // The same look resolves an "if no reply" reminder.
      expect(judgeLook(make('no-reply'), replyThread(), rules(), source, DUE).event).toMatchObject({ type: 'reply' });
    }
  });

  it('an earlier check (e.g. from a restored backup) stays as it was', () => {
    const check = { at: SHOWN, source: 'print-view' as const, outcome: 'failed' as const, failure: 'network' as const, failures: 2 };
    expect(judgeLook(make('always', { check }), replyThread(), rules(), 'print-view', DUE).check).toBe(check);
  });

  it('an automatic answer with a return date does not move it', () => {
    const due = zonedToInstant({ year: 2026, month: 11, day: 19, hour: 10, minute: 0 }, 'Europe/Berlin');
    const sent = due - 3 * 24 * HOUR;
    const of = (kind: Reminder['kind']) =>
      createReminder({ id: kind, account: 'me@example.com', kind, thread: { provider: 'gmail', threadId: 'abc', subject: SUBJECT, recipients: [BOB] }, sentAt: sent, dueAt: due }, sent);
    const look = [
      msg(ME, { at: sent, to: [BOB], subject: SUBJECT, id: 'mine' }),
      msg(BOB, { at: sent + 2 * HOUR, text: 'I am out of the office until November 30 with limited access to email.', id: 'ooo' }),
    ];
    const ctx = { policy, times: 'calibrated' as const, trackedId: 'mine' };
    expect(judgeLook(of('always'), look, rules({ timeZone: 'Europe/Berlin' }), 'print-view', due - 15 * MINUTE, ctx).event).toBeUndefined();
    // An "if no reply" reminder moves past the return on the same look.
    expect(judgeLook(of('no-reply'), look, rules({ timeZone: 'Europe/Berlin' }), 'print-view', due - 15 * MINUTE, ctx).event).toMatchObject({ type: 'reschedule' });
  });
});

describe('kind "always" in words', () => {
  it('notifies "Reminder: <subject>", to whom, and when it was sent — never "no reply"', () => {
    const n = singleNotification(make('always', { status: 'notified' }), t, () => 'Tue');
    expect(n).toEqual({ title: `notifAlwaysTitle|${SUBJECT}`, message: 'notifAlwaysMessage|Bob Baker', contextMessage: 'notifContext|Tue,me@example.com' });
    expect(JSON.stringify(n)).not.toMatch(/notifTitle|notifUnverified|NoReply/);
  });

  it('keeps mail text in its place: a hostile subject stays text, clipped', () => {
    const r = make('always', { thread: { provider: 'gmail', threadId: 'abc', subject: `\u202Eevil\u0000 ${'x'.repeat(500)}`, recipients: [BOB] } });
    const { title } = singleNotification(r, t, () => 'Tue');
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title).not.toMatch(/[\u0000\u202E]/);
  });

  it('has no reply verdict to explain', () => {
    const r = make('always', { check: { at: SHOWN, source: 'print-view', outcome: 'no-reply', failures: 0 } });
    expect(explainReminder(r, t, String)).toBeUndefined();
  });

  it('is exported to a calendar as "Reminder: …", with its kind in CATEGORIES and X-FOLLOW-THROUGH-KIND', () => {
    const ics = remindersToIcs([make('always')], { now: SHOWN }).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`SUMMARY:Reminder: ${SUBJECT}\r\n`);
    expect(ics).toContain('CATEGORIES:always\r\n');
    expect(ics).toContain('X-FOLLOW-THROUGH-KIND:always\r\n');
    expect(ics).toContain('Regardless of replies');
  });
});
