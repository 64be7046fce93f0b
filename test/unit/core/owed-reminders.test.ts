import { describe, expect, it } from 'vitest';
import { buildBackup, parseBackup, serializeBackup } from '../../../src/core/backup/format';
import { explainReminder } from '../../../src/core/explanation';
import { digestNotification, singleNotification, type Translate } from '../../../src/core/notification-text';
import type { Reminder } from '../../../src/core/reminder';
import { groupIntoSections } from '../../../src/core/sections';

const sectionOf = (r: Reminder, now: number, zone: string) => (Object.entries(groupIntoSections([r], now, zone)).find(([, rows]) => rows.length > 0)?.[0]);
import { defaultSettings } from '../../../src/core/settings';
import { DAY, HOUR, reminder, T0, thread } from './fixtures';

const t: Translate = (key, subs) => `${key}|${(subs ?? []).join(',')}`;
const day = (ms: number) => `day(${ms})`;
const BOB = { email: 'bob@client.com', name: 'Bob' };

/** Bob wrote (2 days ago); the user owes the answer. */
const owed = (over: Partial<Reminder> = {}) =>
  reminder({ kind: 'owed-reply', sentAt: T0 - 2 * DAY, dueAt: T0 + DAY, thread: thread({ subject: 'Budget', recipients: [BOB, { email: 'ann@client.com', name: 'Ann' }] }), ...over });

describe('owed replies: sections', () => {
  it('every waiting owed reply is "To answer", due or not; answered is "Replied", checked off is "Done"', () => {
    expect(sectionOf(owed(), T0, 'UTC')).toBe('answer');
    expect(sectionOf(owed({ status: 'notified', dueAt: T0 - DAY }), T0, 'UTC')).toBe('answer');
    expect(sectionOf(owed({ status: 'snoozed', dueAt: T0 + HOUR }), T0, 'UTC')).toBe('answer');
    expect(sectionOf(owed({ status: 'replied' }), T0, 'UTC')).toBe('replied');
    expect(sectionOf(owed({ status: 'done' }), T0, 'UTC')).toBe('done');
    expect(sectionOf(owed({ status: 'cancelled' }), T0, 'UTC')).toBeUndefined();
    // A follow-up of the same due time stays where it was.
    expect(sectionOf(reminder({ status: 'notified' }), T0, 'UTC')).toBe('overdue');
    const s = groupIntoSections([owed({ id: 'later', dueAt: T0 + 3 * DAY }), owed({ id: 'soon', dueAt: T0 + HOUR })], T0, 'UTC');
    expect(s.answer.map((r) => r.id)).toEqual(['soon', 'later']);
  });
});

describe('owed replies: notification wording', () => {
  it('"You owe Bob a reply — subject", received when, in the account', () => {
    expect(singleNotification(owed(), t, day)).toEqual({
      title: 'notifOwedTitle|Bob',
      message: 'Budget',
      contextMessage: `notifOwedContext|day(${T0 - 2 * DAY}),me@example.com`,
    });
  });

  it('says so when the other side wrote again, and when replies could not be checked', () => {
    const again = owed({ check: { at: T0, source: 'print-view', outcome: 'no-reply', failures: 0, wroteAgain: { by: { email: 'ann@client.com', name: 'Ann' }, at: T0 - HOUR } } });
    expect(singleNotification(again, t, day).contextMessage).toBe(`notifOwedAgain|Ann,day(${T0 - HOUR}),me@example.com`);
    const failed = owed({ check: { at: T0, source: 'print-view', outcome: 'failed', failure: 'network', failures: 1 } });
    expect(singleNotification(failed, t, day).contextMessage).toBe('notifUnverified|me@example.com');
  });

  it('a digest line reads "Reply to Bob — subject"', () => {
    expect(digestNotification([owed(), reminder()], t).message.split('\n')).toEqual(['digestOwedTo|Bob — Budget', 'Bob — Quarterly numbers']);
  });

  it('a hostile name stays one line of text', () => {
    const evil = owed({ thread: thread({ subject: 'x', recipients: [{ email: 'e@x.com', name: 'Bob\n\u202eevil' }] }) });
    expect(singleNotification(evil, t, day).title).toBe('notifOwedTitle|Bob evil');
  });
});

describe('owed replies: explanations', () => {
  const fmt = (ms: number) => `at(${ms})`;
  it('answered (seen at send time or in a look), wrote again, still owed', () => {
    expect(explainReminder(owed({ status: 'replied', resolution: { kind: 'answered', at: T0, source: 'compose' } }), t, fmt)).toBe(`explainAnsweredSent|at(${T0})`);
    expect(explainReminder(owed({ status: 'replied', resolution: { kind: 'answered', at: T0, source: 'print-view' } }), t, fmt)).toBe(`explainAnswered|at(${T0})`);
    expect(explainReminder(owed({ status: 'replied', resolution: { kind: 'answered' } }), t, fmt)).toBe('explainAnsweredNoTime|');
    const again = owed({ check: { at: T0, source: 'print-view', outcome: 'no-reply', failures: 0, wroteAgain: { by: BOB, at: T0 - HOUR } } });
    expect(explainReminder(again, t, fmt)).toBe(`explainWroteAgain|Bob,at(${T0 - HOUR})`);
    expect(explainReminder(owed({ check: { at: T0, source: 'print-view', outcome: 'no-reply', failures: 0 } }), t, fmt)).toBe(`explainOwedNoAnswer|at(${T0})`);
    // A failed look is explained as for any reminder.
    expect(explainReminder(owed({ check: { at: T0, source: 'print-view', outcome: 'failed', failure: 'network', failures: 1 } }), t, fmt)).toBe('explainFailed|failure_network|');
  });
});

describe('owed replies: backup', () => {
  it('round-trips the kind, the answered resolution, the compose source and "wrote again"', () => {
    const reminders = [
      owed({ id: 'o1', check: { at: T0, source: 'print-view', outcome: 'no-reply', failures: 0, wroteAgain: { by: BOB, at: T0 - HOUR } } }),
      owed({ id: 'o2', status: 'replied', resolution: { kind: 'answered', at: T0, source: 'compose', by: { email: 'me@example.com' }, messageId: 'me@example.com|1' }, check: { at: T0, source: 'compose', outcome: 'answered', failures: 0 } }),
    ];
    const backup = buildBackup({ settings: defaultSettings('UTC'), reminders, exportedAt: T0, extensionVersion: '0.1.0' });
    const back = parseBackup(serializeBackup(backup));
    expect(back.reminders).toEqual(reminders);
    expect(back.reminders.map((r) => r.kind)).toEqual(['owed-reply', 'owed-reply']);
  });

  it('refuses an unknown resolution kind', () => {
    const r = owed({ id: 'bad', status: 'replied', resolution: { kind: 'answered' } });
    const text = serializeBackup(buildBackup({ settings: defaultSettings('UTC'), reminders: [r], exportedAt: T0, extensionVersion: '0.1.0' })).replace('"answered"', '"guessed"');
    expect(() => parseBackup(text)).toThrow(/reminders\[0\]\.resolution\.kind/);
  });
});
