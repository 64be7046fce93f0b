import { describe, expect, it } from 'vitest';
import { judgeReplies, messageIdKey } from '../../../src/core/replies/judge';
import type { ObservedMessage } from '../../../src/core/replies/types';
import { BOB, CAROL, DAVE, DAY, HOUR, ME, MINUTE, SENT_AT, SHOWN, SUBJECT, TRACKED, TRACKED_ID, msg, rules, tracked, untimed } from './factories';

const reasons = (messages: ObservedMessage[], r = rules(), t: { sentAt: number; id?: string } = TRACKED) =>
  judgeReplies(messages, t, r).notes.map((n) => n.reason);

describe('judgeReplies: people answering', () => {
  it('a plain reply', () => {
    const reply = msg(BOB, { at: SHOWN + 2 * HOUR, id: '<bob-1@acme.com>' });
    const verdict = judgeReplies([tracked(), reply], TRACKED, rules());
    expect(verdict).toEqual({
      kind: 'replied',
      by: BOB,
      at: SHOWN + 2 * HOUR,
      id: '<bob-1@acme.com>',
      notes: [
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
        { id: '<bob-1@acme.com>', from: BOB, at: SHOWN + 2 * HOUR, reason: 'reply' },
      ],
    });
  });

  it('a reply-all from someone in Cc', () => {
    const t = tracked({ to: [BOB, CAROL] });
    const reply = msg(CAROL, { to: [ME, BOB], at: SHOWN + DAY, id: 'carol-1' });
    expect(judgeReplies([t, reply], TRACKED, rules())).toMatchObject({ kind: 'replied', by: CAROL, at: SHOWN + DAY, id: 'carol-1' });
  });

  it('a reply from another address of the recipient', () => {
    const bobAtHome = { email: 'Bob.Baker@Home.example', name: 'Bob Baker' };
    expect(judgeReplies([tracked(), msg(bobAtHome, { id: 'home-1' })], TRACKED, rules())).toMatchObject({ kind: 'replied', by: bobAtHome, id: 'home-1' });
  });

  it('a reply from someone nobody wrote to (a colleague of the recipient) counts', () => {
    expect(judgeReplies([tracked(), msg(DAVE, { id: 'dave-1' })], TRACKED, rules())).toMatchObject({ kind: 'replied', by: DAVE });
  });

  it('names the earliest counting reply', () => {
    const first = msg(CAROL, { at: SHOWN + HOUR, id: 'carol' });
    const second = msg(BOB, { at: SHOWN + 2 * HOUR, id: 'bob' });
    expect(judgeReplies([tracked(), first, second], TRACKED, rules())).toMatchObject({ by: CAROL, id: 'carol', at: SHOWN + HOUR });
    // by time when every candidate has one, even if the list is out of order (tracked not in the list)
    expect(judgeReplies([second, first], TRACKED, rules())).toMatchObject({ by: CAROL, id: 'carol' });
    // by list order when a time is missing
    expect(judgeReplies([tracked(), untimed(second), first], TRACKED, rules())).toMatchObject({ by: BOB, id: 'bob' });
  });
});

describe('judgeReplies: the user themselves', () => {
  it('a follow-up by the user keeps it at no-reply', () => {
    const nudge = msg(ME, { to: [BOB], at: SHOWN + 2 * DAY, id: 'nudge' });
    expect(judgeReplies([tracked(), nudge], TRACKED, rules())).toEqual({
      kind: 'no-reply',
      notes: [
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
        { id: 'nudge', from: ME, at: SHOWN + 2 * DAY, reason: 'own' },
      ],
    });
  });

  it('recognises aliases whatever the case or display name', () => {
    const r = rules({ ownAddresses: ['me@example.com', 'Me@Work.ORG'] });
    const followUps = [
      msg({ email: 'ME@EXAMPLE.COM', name: 'Someone' }),
      msg({ email: 'Me Myself <me@work.org>' }),
      msg({ email: ' me@Work.Org ' }),
    ];
    expect(reasons([tracked(), ...followUps], r)).toEqual(['own', 'own', 'own', 'own']);
    expect(judgeReplies([tracked(), ...followUps], TRACKED, r).kind).toBe('no-reply');
  });

  it('plus-addressed own messages are the user only when plus-addressing is on', () => {
    const fromTag = msg({ email: 'me+sales@example.com' }, { id: 'tagged' });
    expect(judgeReplies([tracked(), fromTag], TRACKED, rules({ plusAddressing: true })).kind).toBe('no-reply');
    expect(judgeReplies([tracked(), fromTag], TRACKED, rules({ plusAddressing: false }))).toMatchObject({ kind: 'replied', id: 'tagged' });
  });

  it('googlemail.com and dotted gmail forms of the account are the user', () => {
    const r = rules({ ownAddresses: ['jane.doe@gmail.com'] });
    const t = tracked({ from: { email: 'jane.doe@gmail.com' } });
    const messages = [t, msg({ email: 'JaneDoe@googlemail.com' }), msg({ email: 'j.a.n.e.doe@gmail.com' })];
    expect(reasons(messages, r)).toEqual(['own', 'own', 'own']);
    // but not on a Workspace domain, where dots matter
    expect(reasons([msg({ email: 'janedoe@example.com' })], rules({ ownAddresses: ['jane.doe@example.com'] }))).toEqual(['reply']);
  });

  it('a forward by the user to someone else is the user\'s own message', () => {
    const forward = msg(ME, { to: [DAVE], subject: `Fwd: ${SUBJECT}`, id: 'fwd' });
    expect(judgeReplies([tracked(), forward], TRACKED, rules())).toMatchObject({ kind: 'no-reply', notes: [{ reason: 'own' }, { reason: 'own', id: 'fwd' }] });
    // …and the person it was forwarded to answering in the thread is an answer
    const daveAnswers = msg(DAVE, { at: SHOWN + 5 * HOUR, id: 'dave' });
    expect(judgeReplies([tracked(), forward, daveAnswers], TRACKED, rules())).toMatchObject({ kind: 'replied', by: DAVE, id: 'dave' });
  });

  it('the tracked message is never a reply to itself, even from an alias the user did not list', () => {
    const t = tracked({ from: { email: 'unlisted-alias@example.com' } });
    expect(judgeReplies([t], TRACKED, rules())).toEqual({
      kind: 'no-reply',
      notes: [{ id: TRACKED_ID, from: { email: 'unlisted-alias@example.com' }, at: SHOWN, reason: 'own', detail: 'tracked message' }],
    });
  });
});

describe('judgeReplies: auto-replies', () => {
  const ooo = [
    ['Automatic reply: Quarterly numbers', 'subject:Automatic reply'],
    ['Out of Office: Quarterly numbers', 'subject:Out of Office'],
    ['AW: Abwesenheitsnotiz: Quartalszahlen', 'subject:Abwesenheitsnotiz'],
    ['Automatische Antwort: Quartalszahlen', 'subject:Automatische Antwort'],
    ['RE : Réponse automatique : Chiffres', 'subject:Réponse automatique'],
    ['Absence : Chiffres', 'subject:Absence'],
    ['Respuesta automática: Cifras', 'subject:Respuesta automática'],
    ['Fuera de la oficina: Cifras', 'subject:Fuera de la oficina'],
  ] as const;

  it.each(ooo)('%j is not a reply', (subject, detail) => {
    const auto = msg(BOB, { subject, at: SHOWN + MINUTE, id: 'ooo' });
    expect(judgeReplies([tracked(), auto], TRACKED, rules())).toEqual({
      kind: 'no-reply',
      notes: [
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
        { id: 'ooo', from: BOB, at: SHOWN + MINUTE, reason: 'auto-reply', detail },
      ],
    });
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'header:auto-submitted=auto-replied'],
    [{ 'x-autoreply': 'yes' }, 'header:x-autoreply=yes'],
    [{ 'x-autorespond': 'yes' }, 'header:x-autorespond=yes'],
    [{ precedence: 'auto_reply' }, 'header:precedence=auto_reply'],
  ])('header %j marks an auto-reply even under a plain "Re:" subject', (headers, detail) => {
    const auto = msg(BOB, { headers, id: 'h' });
    expect(judgeReplies([tracked(), auto], TRACKED, rules()).notes[1]).toMatchObject({ reason: 'auto-reply', detail });
  });

  it('precedence: bulk alone is not an auto-reply', () => {
    expect(judgeReplies([tracked(), msg(BOB, { headers: { precedence: 'bulk' } })], TRACKED, rules()).kind).toBe('replied');
  });

  it('counts auto-replies when the user asks, keeping the rule in the note', () => {
    const auto = msg(BOB, { subject: 'Automatic reply: Quarterly numbers', at: SHOWN + MINUTE, id: 'ooo' });
    const verdict = judgeReplies([tracked(), auto], TRACKED, rules({ autoRepliesCount: true }));
    expect(verdict).toMatchObject({ kind: 'replied', by: BOB, at: SHOWN + MINUTE, id: 'ooo' });
    expect(verdict.notes[1]).toEqual({ id: 'ooo', from: BOB, at: SHOWN + MINUTE, reason: 'reply', detail: 'subject:Automatic reply' });
  });

  it('an auto-reply then the real answer: replied by the real answer', () => {
    const auto = msg(BOB, { subject: 'Out of Office: Quarterly numbers', at: SHOWN + MINUTE, id: 'ooo' });
    const real = msg(BOB, { at: SHOWN + 7 * DAY, id: 'real' });
    expect(judgeReplies([tracked(), auto, real], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 'real', at: SHOWN + 7 * DAY });
  });

  it.each([
    'Re: the absence report for Q3',
    'Re: Out of office party on Friday',
    'Absence report for Q3',
    'Re: Abwesenheitsnotizen für Juli',
    'AW: Abwesend bis Montag',
    'Re: Ausente el lunes',
    'Re: Réponses automatiques du support',
  ])('%j merely contains the words: a reply', (subject) => {
    expect(judgeReplies([tracked({ subject: 'Something else' }), msg(BOB, { subject, id: 'x' })], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 'x' });
  });

  it('a thread the user named like an auto-reply: people answering it are replies', () => {
    const t = tracked({ subject: 'Out of Office: cover plan for June' });
    const answer = msg(BOB, { subject: 'RE: Out of Office: cover plan for June', id: 'answer' });
    expect(judgeReplies([t, answer], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 'answer' });
    const auto = msg(CAROL, { subject: 'Automatic reply: Out of Office: cover plan for June', id: 'auto', at: SHOWN + MINUTE });
    expect(judgeReplies([t, auto, answer], TRACKED, rules()).notes.map((n) => n.reason)).toEqual(['own', 'auto-reply', 'reply']);
    // without the tracked message in the list, the user's own messages name the thread
    const followUp = msg(ME, { subject: 'Re: Out of Office: cover plan for June', at: SHOWN + HOUR });
    expect(judgeReplies([followUp, answer], { sentAt: SENT_AT }, rules())).toMatchObject({ kind: 'replied', id: 'answer' });
    expect(judgeReplies([answer], { sentAt: SENT_AT }, rules()).kind).toBe('no-reply');
  });
});

describe('judgeReplies: bounces', () => {
  const daemon = { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' };

  it.each([
    [msg(daemon, { subject: 'Delivery Status Notification (Failure)' }), 'sender:mailer-daemon'],
    [msg({ email: 'PostMaster@acme.com' }, { subject: 'Undeliverable: Quarterly numbers' }), 'sender:postmaster'],
    [msg({ email: 'noreply@mx.acme.com' }, { headers: { 'x-failed-recipients': 'bob@acme.com' } }), 'header:x-failed-recipients'],
    [msg({ email: 'exchange@acme.de' }, { subject: 'Unzustellbar: Quartalszahlen' }), 'subject:Unzustellbar'],
  ])('%# gives bounced', (bounce, detail) => {
    const verdict = judgeReplies([tracked(), bounce], TRACKED, rules());
    expect(verdict).toEqual({
      kind: 'bounced',
      by: bounce.from,
      at: bounce.at,
      id: bounce.id,
      notes: [
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
        { id: bounce.id, from: bounce.from, at: bounce.at, reason: 'bounce', detail },
      ],
    });
  });

  it('a bounce carrying auto-submitted is a bounce, not an auto-reply', () => {
    const bounce = msg(daemon, { headers: { 'auto-submitted': 'auto-replied' } });
    expect(judgeReplies([tracked(), bounce], TRACKED, rules({ autoRepliesCount: true })).kind).toBe('bounced');
  });

  it('a bounce then a real reply: replied (someone did answer)', () => {
    const bounce = msg(daemon, { at: SHOWN + MINUTE, id: 'bounce' });
    const reply = msg(CAROL, { at: SHOWN + DAY, id: 'carol' });
    const verdict = judgeReplies([tracked({ to: [BOB, CAROL] }), bounce, reply], TRACKED, rules());
    expect(verdict).toMatchObject({ kind: 'replied', by: CAROL, id: 'carol' });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'bounce', 'reply']);
  });

  it('a reply then a bounce: still replied', () => {
    const reply = msg(CAROL, { at: SHOWN + HOUR, id: 'carol' });
    const bounce = msg(daemon, { at: SHOWN + 2 * HOUR, id: 'bounce' });
    expect(judgeReplies([tracked(), reply, bounce], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 'carol' });
  });

  it('two bounces: the earliest is named', () => {
    const b1 = msg(daemon, { at: SHOWN + 2 * MINUTE, id: 'b1' });
    const b2 = msg({ email: 'postmaster@acme.com' }, { at: SHOWN + MINUTE, id: 'b2' });
    expect(judgeReplies([tracked(), b1, b2], TRACKED, rules())).toMatchObject({ kind: 'bounced', id: 'b2' });
  });

  it('an old bounce from the earlier conversation is not news', () => {
    const oldBounce = msg(daemon, { at: SHOWN - DAY, id: 'old' });
    expect(judgeReplies([oldBounce, tracked()], TRACKED, rules())).toMatchObject({ kind: 'no-reply', notes: [{ reason: 'before-tracked' }, { reason: 'own' }] });
  });

  it('a postmaster the user wrote to answers as a person', () => {
    const t = tracked({ to: [{ email: 'postmaster@acme.com' }] });
    const answer = msg({ email: 'postmaster@acme.com', name: 'Acme IT' }, { id: 'it' });
    expect(judgeReplies([t, answer], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 'it' });
  });
});

describe('judgeReplies: order and time', () => {
  it('the earlier conversation (before the tracked message in list order) is not a reply', () => {
    const earlier = [msg(BOB, { at: SHOWN - 2 * DAY, id: 'e1' }), msg(ME, { at: SHOWN - DAY, id: 'e2' }), msg(CAROL, { at: SHOWN - HOUR, id: 'e3' })];
    expect(judgeReplies([...earlier, tracked()], TRACKED, rules())).toEqual({
      kind: 'no-reply',
      notes: [
        { id: 'e1', from: BOB, at: SHOWN - 2 * DAY, reason: 'before-tracked' },
        { id: 'e2', from: ME, at: SHOWN - DAY, reason: 'own' },
        { id: 'e3', from: CAROL, at: SHOWN - HOUR, reason: 'before-tracked' },
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
      ],
    });
  });

  it('list order wins over times when the tracked message is in the list', () => {
    // a skewed clock: the reply claims an earlier time but comes after in the thread
    const skewed = msg(BOB, { at: SHOWN - 5 * MINUTE, id: 'skewed' });
    expect(judgeReplies([tracked(), skewed], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 'skewed' });
    // and a message listed before it is before, whatever its time
    const listedBefore = msg(BOB, { at: SHOWN + HOUR, id: 'before' });
    expect(reasons([listedBefore, tracked()])).toEqual(['before-tracked', 'own']);
  });

  it('finds the tracked message by any of its id forms', () => {
    const t = tracked({ id: 'msg-f:1581064946762017791' });
    const before = msg(BOB, { at: SHOWN + HOUR });
    expect(reasons([before, t], rules(), { sentAt: SENT_AT, id: '15f1123136926bff' })).toEqual(['before-tracked', 'own']);
    expect(reasons([before, tracked({ id: 'CAF=Tracked-0001@mail.gmail.com' })])).toEqual(['before-tracked', 'own']);
  });

  it('without the tracked message in the list, time decides: at > sentAt', () => {
    const t = { sentAt: SENT_AT, id: '<not-in-this-list@x>' };
    const messages = [msg(BOB, { at: SHOWN - HOUR, id: 'old' }), msg(BOB, { at: SENT_AT + 1, id: 'new' })];
    expect(judgeReplies(messages, t, rules())).toMatchObject({ kind: 'replied', id: 'new', notes: [{ reason: 'before-tracked' }, { reason: 'reply' }] });
    expect(judgeReplies([msg(BOB, { at: SENT_AT })], { sentAt: SENT_AT }, rules()).kind).toBe('no-reply');
  });

  it('a time in whole minutes from the same minute as sentAt may be after it: counts', () => {
    // Gmail shows 10:12 for a reply that came at 10:12:55; the tracked message left at 10:12:40.
    const sameMinute = msg(BOB, { at: SHOWN, id: 'quick' });
    expect(judgeReplies([sameMinute], { sentAt: SENT_AT }, rules())).toMatchObject({
      kind: 'replied',
      id: 'quick',
      notes: [{ reason: 'reply', detail: 'same minute as the tracked message' }],
    });
    // the minute before is before; a precise time in the same minute but before sentAt is before
    expect(reasons([msg(BOB, { at: SHOWN - MINUTE })], rules(), { sentAt: SENT_AT })).toEqual(['before-tracked']);
    expect(reasons([msg(BOB, { at: SENT_AT - 1 })], rules(), { sentAt: SENT_AT })).toEqual(['before-tracked']);
    // whole seconds stand for the whole second
    expect(judgeReplies([msg(BOB, { at: SHOWN + 40_000 })], { sentAt: SENT_AT }, rules()).notes[0]).toMatchObject({
      reason: 'reply',
      detail: 'same second as the tracked message',
    });
    expect(reasons([msg(BOB, { at: SHOWN + 39_000 })], rules(), { sentAt: SENT_AT })).toEqual(['before-tracked']);
  });

  it('no time, after the tracked message in the list: a reply', () => {
    const reply = untimed(msg(BOB, { id: 'late' }));
    expect(judgeReplies([tracked(), reply], TRACKED, rules())).toEqual({
      kind: 'replied',
      by: BOB,
      id: 'late',
      notes: [
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
        { id: 'late', from: BOB, reason: 'reply' },
      ],
    });
  });

  it('no time and no tracked message in the list: unknown-time, counted as a reply', () => {
    const unknown = untimed(msg(BOB, { id: 'u' }));
    expect(judgeReplies([unknown], { sentAt: SENT_AT }, rules())).toEqual({
      kind: 'replied',
      by: BOB,
      id: 'u',
      notes: [{ id: 'u', from: BOB, reason: 'unknown-time' }],
    });
    // own messages and auto-replies without a time are still what they are
    const ownUntimed = untimed(msg(ME));
    const autoUntimed = untimed(msg(BOB, { subject: 'Automatic reply: x' }));
    expect(reasons([ownUntimed, autoUntimed], rules(), { sentAt: SENT_AT })).toEqual(['own', 'auto-reply']);
    expect(judgeReplies([ownUntimed, autoUntimed], { sentAt: SENT_AT }, rules()).kind).toBe('no-reply');
    // a NaN time is no time
    expect(reasons([msg(BOB, { at: Number.NaN })], rules(), { sentAt: SENT_AT })).toEqual(['unknown-time']);
  });

  it('a bounce of unknown time is reported, flagged as such', () => {
    const bounce = untimed(msg({ email: 'mailer-daemon@googlemail.com' }, { id: 'b' }));
    expect(judgeReplies([bounce], { sentAt: SENT_AT }, rules())).toMatchObject({
      kind: 'bounced',
      id: 'b',
      notes: [{ reason: 'bounce', detail: 'sender:mailer-daemon; unknown time' }],
    });
  });
});

describe('judgeReplies: the user says "not a reply"', () => {
  it('an ignored message does not count', () => {
    const r = rules({ ignoredIds: ['<bob-thanks@acme.com>'] });
    const thanks = msg(BOB, { id: '<bob-thanks@acme.com>', at: SHOWN + HOUR });
    expect(judgeReplies([tracked(), thanks], TRACKED, r)).toEqual({
      kind: 'no-reply',
      notes: [
        { id: TRACKED_ID, from: ME, at: SHOWN, reason: 'own', detail: 'tracked message' },
        { id: '<bob-thanks@acme.com>', from: BOB, at: SHOWN + HOUR, reason: 'ignored-by-user' },
      ],
    });
  });

  it('ignoring the first reply leaves the next one counting; id forms are compared loosely', () => {
    const first = msg(BOB, { id: 'msg-f:1581064946762017791', at: SHOWN + HOUR });
    const second = msg(CAROL, { id: '<carol@acme.com>', at: SHOWN + 2 * HOUR });
    const r = rules({ ignoredIds: ['15F1123136926BFF'] });
    expect(judgeReplies([tracked(), first, second], TRACKED, r)).toMatchObject({
      kind: 'replied',
      id: '<carol@acme.com>',
      notes: [{ reason: 'own' }, { reason: 'ignored-by-user' }, { reason: 'reply' }],
    });
  });

  it('a message without an id cannot be ignored', () => {
    const { id: _id, ...noId } = msg(BOB);
    expect(judgeReplies([tracked(), noId], TRACKED, rules({ ignoredIds: [''] })).kind).toBe('replied');
  });
});

describe('judgeReplies: edge inputs', () => {
  it('an empty thread: no reply, no notes', () => {
    expect(judgeReplies([], TRACKED, rules())).toEqual({ kind: 'no-reply', notes: [] });
  });

  it('a sender with no address counts (it is not known to be the user)', () => {
    expect(judgeReplies([tracked(), msg({ email: '', name: 'Bob' }, { id: 's' })], TRACKED, rules())).toMatchObject({ kind: 'replied', id: 's' });
  });

  it('a broken sentAt makes times unknown: counted, never silently "before"', () => {
    expect(reasons([msg(BOB, { at: SHOWN - DAY }), msg(ME)], rules(), { sentAt: Number.NaN })).toEqual(['unknown-time', 'own']);
  });

  it('an empty id in ignoredIds ignores nothing', () => {
    expect(judgeReplies([tracked(), msg(BOB, { id: '' })], TRACKED, rules({ ignoredIds: [''] })).kind).toBe('replied');
  });

  it('does not mutate its input', () => {
    const messages = [tracked(), msg(BOB)];
    const copy = structuredClone(messages);
    judgeReplies(messages, TRACKED, rules());
    expect(messages).toEqual(copy);
  });
});

describe('messageIdKey', () => {
  it.each([
    ['<Abc@Mail.Gmail.com>', 'abc@mail.gmail.com'],
    ['abc@mail.gmail.com', 'abc@mail.gmail.com'],
    ['msg-f:1581064946762017791', 'gmail:15f1123136926bff'],
    ['#msg-f:1581064946762017791', 'gmail:15f1123136926bff'],
    ['15F1123136926BFF', 'gmail:15f1123136926bff'],
    ['0015f1123136926b', 'gmail:15f1123136926b'],
  ])('%j → %j', (id, key) => {
    expect(messageIdKey(id)).toBe(key);
  });
});
