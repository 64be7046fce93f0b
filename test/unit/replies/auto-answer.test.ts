import { describe, expect, it } from 'vitest';
import { classifyAutoAnswer } from '../../../src/core/replies/auto-answer/classify';
import { findReturn } from '../../../src/core/replies/auto-answer/return-date';
import { senderKind } from '../../../src/core/replies/auto-answer/sender';
import { leadLines } from '../../../src/core/replies/auto-answer/text';
import { firstSlotOn } from '../../../src/core/replies/auto-answer/back-on';
import { judgeReplies } from '../../../src/core/replies/judge';
import { applyVerdict, latestAutoAnswer } from '../../../src/core/replies/outcome';
import { defaultSettings } from '../../../src/core/settings';
import { zonedToInstant } from '../../../src/core/time/zoned';
import { reminder } from '../core/fixtures';
import { BOB, DAY, HOUR, MINUTE, msg, rules, SHOWN, TRACKED, tracked } from './factories';

const MON = { year: 2026, month: 11, day: 16 }; // a Monday
const OOO = 'I am out of the office until November 30 with limited access to email.';

describe('leadLines: what the sender wrote, first lines only', () => {
  it('drops quoted lines, "On … wrote:" headers in several languages, Outlook blocks and signatures', () => {
    expect(leadLines('Yes, fine.\n\nOn Mon, Nov 16, 2026 at 9:02 AM Jane <jane@x.com> wrote:\n> I am out of the office')).toEqual(['yes, fine.']);
    expect(leadLines('Ja.\nAm Mo., 16. Nov. 2026 um 09:02 Uhr schrieb Jane <jane@x.com>:\nIch bin nicht im Büro')).toEqual(['ja.']);
    expect(leadLines("D'accord.\nLe lun. 16 nov. 2026 à 09:02, Jane <jane@x.com> a écrit :\nJe suis absent")).toEqual(["d'accord."]);
    expect(leadLines('See below.\n-----Original Message-----\nFrom: X')).toEqual(['see below.']);
    expect(leadLines('See below.\nFrom: Support <noreply@x.com>\nSent: Monday\nThis is an automatic reply')).toEqual(['see below.']);
    expect(leadLines('Approved.\n-- \nTom\nThis mailbox is not monitored')).toEqual(['approved.']);
    expect(leadLines('Will do.\nSent from my iPhone')).toEqual(['will do.']);
  });

  it('"From: our side, yes" without a header block after it is text', () => {
    expect(leadLines('From: our side, yes.\nThanks')).toEqual(['from: our side, yes.', 'thanks']);
  });

  it('folds case, diacritics, ł/ø/æ/ß and curly apostrophes; keeps at most 15 lines', () => {
    expect(leadLines('Ich bin bis einschließlich 30. NOVEMBER außer Haus')).toEqual(['ich bin bis einschliesslich 30. november ausser haus']);
    expect(leadLines('Otrzymaliśmy zgłoszenie’')).toEqual(["otrzymalismy zgloszenie'"]);
    expect(leadLines(Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n'))).toHaveLength(15);
    expect(leadLines(undefined)).toEqual([]);
  });
});

describe('findReturn: "back on" dates', () => {
  const back = (text: string, lang: Parameters<typeof findReturn>[1] = 'en') => findReturn(leadLines(text).join(' '), lang, MON);

  it.each([
    ['until November 30', 'en', { until: '2026-11-30', backOn: '2026-12-01' }],
    ['until Monday', 'en', { until: '2026-11-23', backOn: '2026-11-23' }],
    ['back on Thursday 19th November', 'en', { backOn: '2026-11-19' }],
    ['until 12/01', 'en', { until: '2026-12-01', backOn: '2026-12-02' }],
    ['bis einschließlich 30. November', 'de', { until: '2026-11-30', backOn: '2026-12-01' }],
    ['bis einschließlich Montag', 'de', { until: '2026-11-23', backOn: '2026-11-24' }],
    ['bis zum 4.12.', 'de', { until: '2026-12-04', backOn: '2026-12-05' }],
    ['ab dem 25.11.2026 wieder im Büro', 'de', { backOn: '2026-11-25' }],
    ["jusqu'au 30 novembre", 'fr', { until: '2026-11-30', backOn: '2026-12-01' }],
    ['de retour le lundi 7 décembre', 'fr', { backOn: '2026-12-07' }],
    ['al 30 de noviembre', 'es', { until: '2026-11-30', backOn: '2026-12-01' }],
    ['hasta el 25/11', 'es', { until: '2026-11-25', backOn: '2026-11-26' }],
    ['fino al 27/11', 'it', { until: '2026-11-27', backOn: '2026-11-28' }],
    ['tot en met 30-11-2026', 'nl', { until: '2026-11-30', backOn: '2026-12-01' }],
    ['terug op woensdag', 'nl', { backOn: '2026-11-18' }],
  ] as const)('%s (%s)', (text, lang, expected) => {
    expect(back(text, lang)).toEqual(expected);
  });

  it('a date in January read in November is next year; a past date or one over a year away is ignored', () => {
    expect(back('until 8 January')).toEqual({ until: '2027-01-08', backOn: '2027-01-09' });
    expect(back('back on 2025-01-05')).toBeUndefined();
    expect(back('back on 2028-01-05')).toBeUndefined();
    expect(back('until March 2027')).toBeUndefined();
    expect(back('until further notice')).toBeUndefined();
  });

  it('day first outside English, the nearer reading in English', () => {
    expect(back('bis 05.12.', 'de')).toEqual({ until: '2026-12-05', backOn: '2026-12-06' });
    expect(back('until 05/12', 'en')).toEqual({ until: '2026-12-05', backOn: '2026-12-06' });
  });
});

describe('senderKind', () => {
  it.each([
    ['noreply@x.com', 'no-reply'],
    ['no-reply@x.com', 'no-reply'],
    ['do-not-reply@x.com', 'no-reply'],
    ['donotreply@x.com', 'no-reply'],
    ['billing-noreply@x.com', 'no-reply'],
    ['ne-pas-repondre@x.fr', 'no-reply'],
    ['autoreply@x.com', 'robot'],
    ['mailer@x.com', 'robot'],
    ['robot@x.com', 'robot'],
    ['support@acme.zendesk.com', 'mailer'],
  ])('%s → %s', (email, kind) => {
    expect(senderKind({ email })?.kind).toBe(kind);
  });

  it('people, and role addresses people answer from, are no robots', () => {
    for (const email of ['bob@acme.com', 'support@acme.com', 'info@acme.com', 'noreen@acme.com', 'autumn@acme.com', 'roberta@acme.com']) expect(senderKind({ email })).toBeUndefined();
  });
});

describe('classifyAutoAnswer: evidence', () => {
  const m = (text: string, email = 'bob@acme.com') => ({ from: { email }, to: [], text });

  it('an out-of-office notice with a return date is automatic, with the family and the date', () => {
    expect(classifyAutoAnswer(m(OOO), { day: MON })).toMatchObject({ certain: true, family: 'out-of-office', until: '2026-11-30', backOn: '2026-12-01' });
  });

  it('timing alone is never evidence; with a weak phrase or a robot sender it tips the balance', () => {
    expect(classifyAutoAnswer(m('Sure, see you then.'), { afterOwnMs: 30_000 })).toBeUndefined();
    expect(classifyAutoAnswer(m('Thank you for contacting us. We will get back to you soon.'))).toBeUndefined();
    expect(classifyAutoAnswer(m('Thank you for contacting us. We will get back to you soon.'), { afterOwnMs: 60_000 })?.certain).toBe(true);
    expect(classifyAutoAnswer(m('Your invoice is attached.', 'noreply@shop.example'))).toMatchObject({ certain: false, detail: 'sender:noreply' });
    expect(classifyAutoAnswer(m('Your invoice is attached.', 'noreply@shop.example'), { afterOwnMs: 60_000 })?.certain).toBe(true);
  });

  it('a person who is away but answers is at most "possibly automatic"', () => {
    expect(classifyAutoAnswer(m("I'm out of the office until Monday, but here is the quote: 4,200 EUR."))).toMatchObject({ certain: false });
    expect(classifyAutoAnswer(m('Sorry, I was out of the office last week, here is the quote.'))).toBeUndefined();
  });

  it('headers or the subject decide, as before', () => {
    expect(classifyAutoAnswer(m('Hi'), { headerOrSubject: 'subject:Out of Office' })).toMatchObject({ certain: true, detail: 'subject:Out of Office' });
  });
});

describe('judgeReplies with message texts', () => {
  const ooo = () => msg(BOB, { at: SHOWN + 2 * MINUTE, text: OOO, id: 'ooo' });

  it('an out-of-office answer keeps waiting and says what it said', () => {
    const v = judgeReplies([tracked(), ooo()], TRACKED, rules({ timeZone: 'Europe/Berlin' }));
    expect(v.kind).toBe('no-reply');
    expect(v.notes[1]).toMatchObject({ reason: 'auto-reply', auto: { certain: true, family: 'out-of-office' } });
  });

  it('a person after an earlier auto-reply resolves it', () => {
    const v = judgeReplies([tracked(), ooo(), msg(BOB, { at: SHOWN + 5 * DAY, text: 'Back now. Here are the numbers.', id: 'real' })], TRACKED, rules());
    expect(v).toMatchObject({ kind: 'replied', id: 'real' });
  });

  it('uncertain: counts, flagged as possibly automatic', () => {
    const v = judgeReplies([tracked(), msg('noreply@acme.com', { text: 'The quote is attached.', id: 'q' })], TRACKED, rules());
    expect(v).toMatchObject({ kind: 'replied', id: 'q' });
    expect(v.notes[1]).toMatchObject({ reason: 'reply', auto: { certain: false } });
  });

  it('a message the user marked automatic does not count, whatever it says', () => {
    const v = judgeReplies([tracked(), msg(BOB, { text: 'Thanks, received!', id: 'x' })], TRACKED, rules({ autoIds: ['x'] }));
    expect(v.kind).toBe('no-reply');
    expect(v.notes[1]).toMatchObject({ reason: 'auto-reply', auto: { certain: true, byUser: true } });
  });

  it('the user counting auto-replies makes them replies again', () => {
    expect(judgeReplies([tracked(), ooo()], TRACKED, rules({ autoRepliesCount: true })).kind).toBe('replied');
  });
});

describe('applyVerdict: moving past the return', () => {
  const settings = defaultSettings('Europe/Berlin'); // Mon–Fri 09:00–18:00
  const policy = { schedule: settings.schedule, moveToReturn: true };
  const due = zonedToInstant({ year: 2026, month: 11, day: 19, hour: 10, minute: 0 }, 'Europe/Berlin');
  const r = reminder({ status: 'pending', dueAt: due, sentAt: due - 3 * DAY });
  const verdict = () => judgeReplies([msg(BOB, { at: due - 3 * DAY + MINUTE, text: OOO, id: 'ooo' })], { sentAt: due - 3 * DAY }, rules({ timeZone: 'Europe/Berlin' }));

  it('moves a waiting reminder to the first working slot after the return (Tue 1 Dec 09:00), saying so', () => {
    const result = applyVerdict(r, { verdict: verdict() }, 'print-view', due - 15 * MINUTE, policy);
    const slot = zonedToInstant({ year: 2026, month: 12, day: 1, hour: 9, minute: 0 }, 'Europe/Berlin');
    expect(result.event).toEqual({ type: 'reschedule', dueAt: slot });
    expect(result.check.autoAnswer).toMatchObject({ by: { email: 'bob@acme.com' }, family: 'out-of-office', until: '2026-11-30', backOn: '2026-12-01', movedFrom: due });
  });

  it('never earlier than it was, not when the setting is off, not once fired', () => {
    const late = { ...r, dueAt: due + 30 * DAY };
    expect(applyVerdict(late, { verdict: verdict() }, 'print-view', due, policy).event).toBeUndefined();
    expect(applyVerdict(r, { verdict: verdict() }, 'print-view', due, { ...policy, moveToReturn: false }).event).toBeUndefined();
    expect(applyVerdict({ ...r, status: 'notified' }, { verdict: verdict() }, 'print-view', due, policy).event).toBeUndefined();
    // The note stays, so the user still sees what the answer said.
    expect(applyVerdict(r, { verdict: verdict() }, 'print-view', due, { ...policy, moveToReturn: false }).check.autoAnswer).toMatchObject({ backOn: '2026-12-01' });
  });

  it('a return on a Saturday lands on Monday at the start of working hours; without working hours at the default time', () => {
    expect(firstSlotOn('2026-11-28', settings.schedule)).toBe(zonedToInstant({ year: 2026, month: 11, day: 30, hour: 9, minute: 0 }, 'Europe/Berlin'));
    const off = { ...settings.schedule, workingHours: { ...settings.schedule.workingHours, enabled: false } };
    expect(firstSlotOn('2026-11-28', off)).toBe(zonedToInstant({ year: 2026, month: 11, day: 28, hour: Math.floor(off.defaultTime / 60), minute: off.defaultTime % 60 }, 'Europe/Berlin'));
  });

  it('latestAutoAnswer prefers an answer that states a return', () => {
    const notes = judgeReplies(
      [msg(BOB, { at: SHOWN + HOUR, text: OOO, id: 'a' }), msg('noreply@acme.com', { at: SHOWN + 2 * HOUR, text: 'This mailbox is not monitored.', id: 'b' })],
      { sentAt: SHOWN },
      rules({ timeZone: 'UTC' }),
    ).notes;
    expect(latestAutoAnswer(notes)?.backOn).toBeDefined();
  });
});
