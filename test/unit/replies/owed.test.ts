import { describe, expect, it } from 'vitest';
import { judgeOwed } from '../../../src/core/replies/owed';
import { applyOwedVerdict, judgeLook, receivedId, tabMayWrite } from '../../../src/core/replies/by-kind';
import { withStableIds } from '../../../src/core/replies/outcome';
import { createReminder } from '../../../src/core/reminder';
import { BOB, CAROL, HOUR, ME, MINUTE, msg, rules, SHOWN, SUBJECT } from './factories';
import { defaultSettings } from '../../../src/core/settings';
import { zonedToInstant } from '../../../src/core/time/zoned';

/** Bob's request, as the thread shows it (10:12), and the instant the extension read from its id (10:12:40). */
const RECEIVED_AT = SHOWN + 40_000;
const bobsRequest = () => msg(BOB, { at: SHOWN, to: [ME], subject: SUBJECT, id: '<bob-request@acme.com>' });
const received = { receivedAt: RECEIVED_AT, id: '<bob-request@acme.com>' };

describe('judgeOwed: did the user answer?', () => {
  it('an own message after theirs answers; the note names it', () => {
    const answer = msg(ME, { at: SHOWN + 2 * HOUR, to: [BOB] });
    const v = judgeOwed([msg(ME, { at: SHOWN - HOUR, to: [BOB], subject: SUBJECT }), bobsRequest(), answer], received, rules());
    expect(v).toMatchObject({ kind: 'answered', by: ME, at: SHOWN + 2 * HOUR, id: answer.id });
    expect(v.notes.map((n) => [n.reason, n.detail])).toEqual([
      ['own', undefined],
      ['before-tracked', undefined],
      ['own', 'answer'],
    ]);
  });

  it('an own message from before the request does not answer it', () => {
    const v = judgeOwed([msg(ME, { at: SHOWN - HOUR, to: [BOB] }), bobsRequest()], received, rules());
    expect(v.kind).toBe('owed');
  });

  it('an alias is the user, in any case and with a display name', () => {
    const fromAlias = msg({ email: 'Me.Work@Example.ORG', name: 'Me at work' }, { at: SHOWN + HOUR, to: [BOB] });
    expect(judgeOwed([bobsRequest(), fromAlias], received, rules()).kind).toBe('owed');
    expect(judgeOwed([bobsRequest(), fromAlias], received, rules({ ownAddresses: ['me@example.com', 'Me <me.work@example.org>'] })).kind).toBe(
      'answered',
    );
  });

  it('plus-addressing counts only when the user says so', () => {
    const tagged = msg('me+sales@example.com', { at: SHOWN + HOUR, to: [BOB] });
    expect(judgeOwed([bobsRequest(), tagged], received, rules()).kind).toBe('owed');
    expect(judgeOwed([bobsRequest(), tagged], received, rules({ plusAddressing: true })).kind).toBe('answered');
  });

  it('their messages never answer; when they write again the verdict names the latest of them', () => {
    const again = msg(CAROL, { at: SHOWN + 26 * HOUR });
    const v = judgeOwed([bobsRequest(), msg(BOB, { at: SHOWN + 3 * HOUR }), again], received, rules());
    expect(v).toMatchObject({ kind: 'owed', wroteAgain: { by: CAROL, at: SHOWN + 26 * HOUR } });
    expect(v.notes.map((n) => n.reason)).toEqual(['before-tracked', 'reply', 'reply']);
    expect(v.notes[2]!.detail).toBe('wrote again');
  });

  it('an answer followed by their new message: owed again (their message is last)', () => {
    const v = judgeOwed([bobsRequest(), msg(ME, { at: SHOWN + HOUR, to: [BOB] }), msg(BOB, { at: SHOWN + 5 * HOUR })], received, rules());
    expect(v).toMatchObject({ kind: 'owed', wroteAgain: { by: BOB, at: SHOWN + 5 * HOUR } });
  });

  it("the user's own vacation responder does not answer (subject or header)", () => {
    const ooo = msg(ME, { at: SHOWN + 1 * MINUTE, to: [BOB], subject: `Out of Office: ${SUBJECT}` });
    const auto = msg(ME, { at: SHOWN + 2 * MINUTE, to: [BOB], subject: `Re: ${SUBJECT}`, headers: { 'auto-submitted': 'auto-replied' } });
    const german = msg(ME, { at: SHOWN + 3 * MINUTE, to: [BOB], subject: `Abwesenheitsnotiz: ${SUBJECT}` });
    const v = judgeOwed([bobsRequest(), ooo, auto, german], received, rules());
    expect(v.kind).toBe('owed');
    expect(v.notes.slice(1).map((n) => n.reason)).toEqual(['auto-reply', 'auto-reply', 'auto-reply']);
    // A real answer after the vacation replies still counts.
    const real = msg(ME, { at: SHOWN + 3 * HOUR, to: [BOB] });
    expect(judgeOwed([bobsRequest(), ooo, auto, real], received, rules())).toMatchObject({ kind: 'answered', id: real.id });
  });

  it('a thread the user named "Out of office …" still answers with the same subject', () => {
    const request = msg(BOB, { at: SHOWN, to: [ME], subject: 'Out of office: cover plan', id: '<bob-request@acme.com>' });
    const answer = msg(ME, { at: SHOWN + HOUR, to: [BOB], subject: 'Re: Out of office: cover plan' });
    expect(judgeOwed([request, answer], received, rules()).kind).toBe('answered');
  });

  it("their out-of-office to the user's answer does not put the debt back", () => {
    const answer = msg(ME, { at: SHOWN + HOUR, to: [BOB] });
    const theirOoo = msg(BOB, { at: SHOWN + HOUR + MINUTE, subject: `Automatic reply: ${SUBJECT}` });
    const v = judgeOwed([bobsRequest(), answer, theirOoo], received, rules());
    expect(v).toMatchObject({ kind: 'answered', id: answer.id });
    expect(v.notes[2]!.reason).toBe('auto-reply');
  });

  it('an own message without a time (a draft or an unsynced send in a Gmail tab) does not answer', () => {
    const { at: _none, ...draft } = msg(ME, { to: [BOB] });
    expect(judgeOwed([bobsRequest(), draft], received, rules()).kind).toBe('owed');
  });

  it('a message the user said was not their answer does not count', () => {
    const answer = msg(ME, { at: SHOWN + HOUR, to: [BOB] });
    expect(judgeOwed([bobsRequest(), answer], received, rules({ ignoredIds: [answer.id!] })).kind).toBe('owed');
  });

  it('without their messages in the list, time decides; an own message of the same minute may be after', () => {
    expect(judgeOwed([msg(ME, { at: SHOWN + HOUR })], { receivedAt: RECEIVED_AT }, rules()).kind).toBe('answered');
    expect(judgeOwed([msg(ME, { at: SHOWN })], { receivedAt: RECEIVED_AT }, rules()).kind).toBe('answered');
    expect(judgeOwed([msg(ME, { at: SHOWN - MINUTE })], { receivedAt: RECEIVED_AT }, rules()).kind).toBe('owed');
    const { at: _none, ...untimed } = msg(ME);
    expect(judgeOwed([untimed], { receivedAt: RECEIVED_AT }, rules()).kind).toBe('owed');
  });

  it('list order decides over times when the received message is in the list', () => {
    // Clocks disagree (the own stamp is a minute "before"), but the thread shows the answer after the request.
    const answer = msg(ME, { at: SHOWN + 20_000, to: [BOB] });
    expect(judgeOwed([bobsRequest(), answer], received, rules()).kind).toBe('answered');
  });
});

describe('owed verdicts on the reminder', () => {
  const owed = () =>
    createReminder(
      { id: 'o1', account: 'me@example.com', kind: 'owed-reply', thread: { provider: 'gmail', threadId: 'abc', subject: SUBJECT, recipients: [BOB] }, sentAt: RECEIVED_AT, dueAt: SHOWN + 24 * HOUR },
      SHOWN,
    );

  it('an answer resolves it as answered by the user, with the message that counted', () => {
    const r = owed();
    const answer = msg(ME, { at: SHOWN + HOUR, to: [BOB] });
    const result = judgeLook(r, withStableIds([bobsRequest(), answer]), rules(), 'print-view', SHOWN + 2 * HOUR);
    expect(result.check).toMatchObject({ outcome: 'answered', by: { email: 'me@example.com' } });
    expect(result.event).toMatchObject({ type: 'reply', resolution: { kind: 'answered', source: 'print-view', at: SHOWN + HOUR, messageId: `me@example.com|${(SHOWN + HOUR) / MINUTE}` } });
    expect(tabMayWrite(result, [])).toBe(true);
  });

  it('the received message is placed by the stable id of its sender and minute', () => {
    expect(receivedId(owed())).toBe(`bob@acme.com|${SHOWN / MINUTE}`);
    // Print view: whole minutes, no ids. Their later message is news, the request itself is not.
    const result = judgeLook(owed(), withStableIds([{ ...bobsRequest(), id: undefined }, msg(BOB, { at: SHOWN + 30 * HOUR, id: undefined })]), rules(), 'print-view', SHOWN);
    expect(result.event).toBeUndefined();
    expect(result.check).toMatchObject({ outcome: 'no-reply', wroteAgain: { by: BOB, at: SHOWN + 30 * HOUR } });
    expect(tabMayWrite(result, [])).toBe(false);
  });

  it('their reply never resolves an owed reminder, though it would resolve a no-reply one', () => {
    const messages = withStableIds([msg(ME, { at: SHOWN - HOUR, to: [BOB] }), bobsRequest()]);
    expect(judgeLook(owed(), messages, rules(), 'gmail-tab', SHOWN).event).toBeUndefined();
    const waiting = { ...owed(), kind: 'no-reply' as const, sentAt: SHOWN - HOUR };
    expect(judgeLook(waiting, messages, rules(), 'gmail-tab', SHOWN).event).toMatchObject({ type: 'reply', resolution: { kind: 'reply' } });
  });

  it('a failed look keeps it and retries, as for any reminder', () => {
    const result = applyOwedVerdict(owed(), { failure: 'network' }, 'print-view', SHOWN);
    expect(result.event).toBeUndefined();
    expect(result.check).toMatchObject({ outcome: 'failed', failure: 'network', failures: 1 });
  });
});

describe('judgeLook: each kind its own rule (automatic answers and stated returns are a no-reply matter)', () => {
  const OOO = 'I am out of the office until November 30 with limited access to email.';
  const settings = defaultSettings('Europe/Berlin');
  const policy = { schedule: settings.schedule, moveToReturn: true };
  const due = zonedToInstant({ year: 2026, month: 11, day: 19, hour: 10, minute: 0 }, 'Europe/Berlin');
  const sent = due - 3 * 24 * HOUR;
  const base = (kind: 'no-reply' | 'owed-reply') =>
    createReminder({ id: kind, account: 'me@example.com', kind, thread: { provider: 'gmail', threadId: 'abc', subject: SUBJECT, recipients: [BOB] }, sentAt: sent, dueAt: due }, sent);
  const ooo = () => msg(BOB, { at: sent + 2 * HOUR, text: OOO, id: 'ooo' });

  it('a no-reply reminder moves past the out-of-office return and keeps how the times were read', () => {
    const mine = msg(ME, { at: sent, to: [BOB], subject: SUBJECT, id: 'mine' });
    const result = judgeLook(base('no-reply'), [mine, ooo()], rules({ timeZone: 'Europe/Berlin' }), 'print-view', due - 15 * MINUTE, { policy, times: 'calibrated', trackedId: 'mine' });
    expect(result.event).toEqual({ type: 'reschedule', dueAt: zonedToInstant({ year: 2026, month: 12, day: 1, hour: 9, minute: 0 }, 'Europe/Berlin') });
    expect(result.check).toMatchObject({ outcome: 'no-reply', times: 'calibrated', autoAnswer: { backOn: '2026-12-01', movedFrom: due } });
  });

  it('an owed reminder is not moved by their out-of-office: the user still owes the answer, on time', () => {
    const request = msg(BOB, { at: sent, to: [ME], subject: SUBJECT, id: 'req' });
    const result = judgeLook(base('owed-reply'), [request, ooo()], rules({ timeZone: 'Europe/Berlin' }), 'print-view', due - 15 * MINUTE, { policy, times: 'calibrated', trackedId: 'req' });
    expect(result.event).toBeUndefined();
    expect(result.check).toMatchObject({ outcome: 'no-reply', times: 'calibrated' });
    expect(result.check.autoAnswer).toBeUndefined();
    // The user's answer after it resolves the owed reply, and says how its times were read.
    const answered = judgeLook(base('owed-reply'), [request, ooo(), msg(ME, { at: sent + 3 * HOUR, to: [BOB], id: 'ans' })], rules(), 'print-view', due, { times: 'ambiguous', trackedId: 'req' });
    expect(answered.event).toMatchObject({ type: 'reply', resolution: { kind: 'answered', messageId: 'ans', times: 'ambiguous' } });
  });

  it('a Gmail tab never writes a reply whose body it could not see (it may be automatic), nor a plain "no reply"', () => {
    const mine = msg(ME, { at: sent, to: [BOB], subject: SUBJECT, id: 'mine' });
    const hidden = { ...msg(BOB, { at: sent + HOUR, id: 'h' }), bodyHidden: true as const };
    const messages = [mine, hidden];
    const result = judgeLook(base('no-reply'), messages, rules(), 'gmail-tab', due);
    expect(result.event).toMatchObject({ type: 'reply', resolution: { messageId: 'h' } });
    expect(tabMayWrite(result, messages)).toBe(false);
    const shown = [mine, msg(BOB, { at: sent + HOUR, id: 'h' })];
    expect(tabMayWrite(judgeLook(base('no-reply'), shown, rules(), 'gmail-tab', due), shown)).toBe(true);
  });
});
