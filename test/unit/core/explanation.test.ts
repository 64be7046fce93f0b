import { describe, expect, it } from 'vitest';
import { explainReminder } from '../../../src/core/explanation';
import type { Reminder } from '../../../src/core/reminder';
import { reminder } from '../storage/fixtures';

const t = (key: string, subs?: string[]) => [key, ...(subs ?? [])].join('|');
const fmt = (ms: number) => `@${ms}`;
const base = (over: Partial<Reminder>): Reminder => ({ ...reminder({ id: 'x' }), ...over });

describe('explainReminder', () => {
  it('names who replied and when, and where it was seen', () => {
    expect(explainReminder(base({ status: 'replied', resolution: { kind: 'reply', by: { email: 'bob@x.org', name: 'Bob' }, at: 5, source: 'print-view' } }), t, fmt)).toBe('explainReplied|Bob|@5');
    expect(explainReminder(base({ status: 'replied', resolution: { kind: 'reply', by: { email: 'bob@x.org' }, at: 5, source: 'gmail-tab' } }), t, fmt)).toBe('explainRepliedSeen|bob@x.org|@5');
    expect(explainReminder(base({ status: 'replied', resolution: { kind: 'reply' } }), t, fmt)).toBe('explainRepliedNoTime|explainSomeone');
  });

  it('says a delivery failed, and who said so', () => {
    const r = base({ status: 'notified', check: { at: 1, source: 'print-view', outcome: 'bounced', by: { email: 'mailer-daemon@googlemail.com' }, failures: 0 } });
    expect(explainReminder(r, t, fmt)).toBe('explainBounced|mailer-daemon@googlemail.com');
  });

  it('gives the reason a check failed, and the retry time once it fired', () => {
    const failed = { at: 1, source: 'print-view' as const, outcome: 'failed' as const, failure: 'signed-out' as const, failures: 1, retryAt: 99 };
    expect(explainReminder(base({ status: 'notified', check: failed }), t, fmt)).toBe('explainFailedRetry|failure_signedOut|@99');
    expect(explainReminder(base({ status: 'pending', check: failed }), t, fmt)).toBe('explainFailed|failure_signedOut');
  });

  it('says when it last looked, and nothing for reminders never looked at or closed', () => {
    expect(explainReminder(base({ check: { at: 7, source: 'print-view', outcome: 'no-reply', failures: 0 } }), t, fmt)).toBe('explainNoReply|@7');
    expect(explainReminder(base({}), t, fmt)).toBeUndefined();
    expect(explainReminder(base({ status: 'done', check: { at: 7, source: 'print-view', outcome: 'no-reply', failures: 0 } }), t, fmt)).toBeUndefined();
  });

  it('strips bidi and control characters from a replier name', () => {
    const r = base({ status: 'replied', resolution: { kind: 'reply', by: { email: 'e@x.org', name: 'Bob\u202Egnp.exe' }, at: 1 } });
    expect(explainReminder(r, t, fmt)).toBe('explainReplied|Bobgnp.exe|@1');
  });

  it('says what a check could not know: counted from the click, times read in the settings zone, several candidates', () => {
    const noReply = (times?: 'exact' | 'calibrated' | 'ambiguous' | 'settings-zone') => ({ at: 7, source: 'print-view' as const, outcome: 'no-reply' as const, failures: 0, ...(times ? { times } : {}) });
    expect(explainReminder(base({ anchor: 'added' }), t, fmt)).toBe('explainCountsFromAdded');
    expect(explainReminder(base({ anchor: 'added', check: noReply('settings-zone') }), t, fmt)).toBe('explainNoReply|@7 explainCountsFromAdded');
    expect(explainReminder(base({ anchor: 'message', check: noReply('calibrated') }), t, fmt)).toBe('explainNoReply|@7');
    expect(explainReminder(base({ check: noReply('settings-zone') }), t, fmt)).toBe('explainNoReply|@7 explainTimesSettingsZone');
    expect(explainReminder(base({ check: noReply('ambiguous') }), t, fmt)).toBe('explainNoReply|@7 explainTimesAmbiguous');
    const replied = base({ status: 'replied', resolution: { kind: 'reply', by: { email: 'bob@x.org' }, at: 5, times: 'settings-zone' } });
    expect(explainReminder(replied, t, fmt)).toBe('explainReplied|bob@x.org|@5 explainTimesSettingsZone');
    expect(explainReminder({ ...replied, status: 'done' }, t, fmt)).toBeUndefined();
  });
});

describe('explainReminder: automatic answers (issue 9)', () => {
  const auto = { by: { email: 'bob@x.org', name: 'Bob' }, family: 'out-of-office', until: '2026-11-30', backOn: '2026-12-01' };
  const check = (over = {}) => ({ at: 7, source: 'print-view' as const, outcome: 'no-reply' as const, failures: 0, autoAnswer: { ...auto, ...over } });

  it("says whose automatic reply did not count and what it said", () => {
    expect(explainReminder(base({ status: 'pending', check: check() }), t, fmt)).toBe('explainAutoAnswer|Bob|autoFamily_outOfOffice autoUntil|2026-11-30');
    expect(explainReminder(base({ status: 'pending', check: check({ until: undefined }) }), t, fmt)).toBe('explainAutoAnswer|Bob|autoFamily_outOfOffice autoBackOn|2026-12-01');
    expect(explainReminder(base({ status: 'pending', check: { ...check(), autoAnswer: { by: { email: 'noreply@x.org' } } } }), t, fmt)).toBe('explainAutoAnswerPlain|noreply@x.org');
  });

  it('says where it moved the reminder, with the day in the UI language', () => {
    const r = base({ status: 'pending', dueAt: 500, check: check({ movedFrom: 100 }) });
    expect(explainReminder(r, t, fmt, (d) => `<${d}>`)).toBe('explainAutoAnswer|Bob|autoFamily_outOfOffice autoUntil|<2026-11-30>. explainAutoMoved|@500');
  });

  it('a counted reply that might be automatic says so', () => {
    const r = base({
      status: 'replied',
      resolution: { kind: 'reply', by: { email: 'bob@x.org', name: 'Bob' }, at: 5, messageId: 'm1', notes: [{ id: 'm1', from: { email: 'bob@x.org' }, reason: 'reply', auto: { certain: false } }] },
    });
    expect(explainReminder(r, t, fmt)).toBe('explainReplied|Bob|@5 explainMaybeAuto');
  });
});
