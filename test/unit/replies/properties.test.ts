import { describe, expect, it } from 'vitest';
import { judgeReplies } from '../../../src/core/replies/judge';
import type { ObservedMessage, ReplyRules, Verdict } from '../../../src/core/replies/types';
import type { Address } from '../../../src/core/reminder';
import { BOB, CAROL, DAVE, DAY, HOUR, ME, MINUTE, SENT_AT, SHOWN, SUBJECT, TRACKED, TRACKED_ID, msg, pick, prng, rules, shuffle, tracked, untimed } from './factories';

const RUNS = 300;

/** The verdict without its notes: what the reminder would be resolved with. */
const outcome = (v: Verdict) => (v.kind === 'no-reply' ? { kind: v.kind } : { kind: v.kind, by: v.by, at: v.at, id: v.id });

const OWN_RULES: ReplyRules = rules({ ownAddresses: ['me@example.com', 'Me@Work.org', 'jane.doe@gmail.com'], plusAddressing: true });

const OWN_FORMS: Address[] = [
  ME,
  { email: 'ME@EXAMPLE.COM' },
  { email: 'Me Myself <me@example.com>', name: 'Me' },
  { email: 'me@work.org', name: 'Me (work)' },
  { email: 'me+followups@example.com' },
  { email: 'JaneDoe@googlemail.com' },
  { email: 'j.a.n.e.d.o.e@gmail.com' },
];
const OTHERS: Address[] = [BOB, CAROL, DAVE, { email: 'bob.baker@home.example', name: 'Bob' }];
const AUTO_SUBJECTS = ['Automatic reply: Quarterly numbers', 'AW: Abwesenheitsnotiz: Quarterly numbers', 'Réponse automatique : Quarterly numbers', 'Respuesta automática: Quarterly numbers'];
const AUTO_HEADERS: Record<string, string>[] = [{ 'auto-submitted': 'auto-replied' }, { 'x-autoreply': 'yes' }, { precedence: 'auto_reply' }];
const BOUNCERS: Address[] = [{ email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' }, { email: 'postmaster@acme.com' }];

let next = 0;
/** A message from somebody else: a person, an auto-reply or a bounce, maybe without a time. */
function otherMessage(rand: () => number, at: number): ObservedMessage {
  next += 1;
  const id = `<gen-${next}@x>`;
  const roll = rand();
  let m: ObservedMessage;
  if (roll < 0.45) m = msg(pick(rand, OTHERS), { at, id });
  else if (roll < 0.65) m = msg(pick(rand, OTHERS), { at, id, subject: pick(rand, AUTO_SUBJECTS) });
  else if (roll < 0.8) m = msg(pick(rand, OTHERS), { at, id, headers: pick(rand, AUTO_HEADERS) });
  else m = msg(pick(rand, BOUNCERS), { at, id, subject: 'Delivery Status Notification (Failure)' });
  return rand() < 0.15 ? untimed(m) : m;
}

function ownMessage(rand: () => number, at: number): ObservedMessage {
  next += 1;
  const subject = pick(rand, [`Re: ${SUBJECT}`, `Fwd: ${SUBJECT}`, SUBJECT, 'Automatic reply: Quarterly numbers', 'Undeliverable: Quarterly numbers']);
  const m = msg(pick(rand, OWN_FORMS), { at, id: `<own-${next}@x>`, subject, to: [pick(rand, [BOB, CAROL, DAVE])] });
  return rand() < 0.2 ? untimed(m) : m;
}

/** A thread: some earlier conversation, the tracked message, then whatever came after. */
function randomThread(rand: () => number): ObservedMessage[] {
  const before = Array.from({ length: Math.floor(rand() * 5) }, (_, i) => otherMessage(rand, SHOWN - (i + 1) * DAY));
  const after = Array.from({ length: Math.floor(rand() * 8) }, (_, i) => otherMessage(rand, SHOWN + (i + 1) * HOUR));
  return [...before.reverse(), tracked(), ...after];
}

function insertAt<T>(list: T[], index: number, item: T): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}

describe('properties (seeded)', () => {
  it('adding the user\'s own messages anywhere never changes the verdict', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(seed);
      let thread = randomThread(rand);
      const expected = outcome(judgeReplies(thread, TRACKED, OWN_RULES));
      const extra = 1 + Math.floor(rand() * 6);
      for (let k = 0; k < extra; k++) {
        const at = SHOWN + Math.round((rand() * 2 - 1) * 3 * DAY);
        thread = insertAt(thread, Math.floor(rand() * (thread.length + 1)), ownMessage(rand, at));
      }
      expect(outcome(judgeReplies(thread, TRACKED, OWN_RULES)), `seed ${seed}`).toEqual(expected);
    }
  });

  it('the same holds when the tracked message is not in the list (time decides)', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(10_000 + seed);
      let thread = randomThread(rand).filter((m) => m.id !== TRACKED_ID);
      const expected = outcome(judgeReplies(thread, TRACKED, OWN_RULES));
      for (let k = 0; k < 4; k++) {
        const own = ownMessage(rand, SHOWN + Math.round((rand() * 2 - 1) * 3 * DAY));
        // follow-ups and forwards: what the user writes in a thread they track
        own.subject = pick(rand, [`Re: ${SUBJECT}`, `Fwd: ${SUBJECT}`]);
        thread = insertAt(thread, Math.floor(rand() * (thread.length + 1)), own);
      }
      expect(outcome(judgeReplies(thread, TRACKED, OWN_RULES)), `seed ${seed}`).toEqual(expected);
    }
  });

  it('messages that are all before sentAt never make a reply or a bounce, in any order', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(20_000 + seed);
      const earlier = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => {
        const at = SENT_AT - MINUTE - Math.floor(rand() * 30 * DAY);
        const m = rand() < 0.3 ? ownMessage(rand, at) : otherMessage(rand, at);
        return m.at === undefined ? { ...m, at } : m;
      });
      const verdict = judgeReplies(shuffle(rand, earlier), { sentAt: SENT_AT }, OWN_RULES);
      expect(verdict.kind, `seed ${seed}`).toBe('no-reply');
      expect(verdict.notes.every((n) => n.reason === 'own' || n.reason === 'before-tracked'), `seed ${seed}`).toBe(true);
    }
  });

  it('every message gets one note, in input order, and the verdict agrees with the notes', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(30_000 + seed);
      const thread = randomThread(rand);
      const r = { ...OWN_RULES, autoRepliesCount: rand() < 0.3 };
      const verdict = judgeReplies(thread, TRACKED, r);
      expect(verdict.notes.map((n) => [n.from, n.id, n.at])).toEqual(thread.map((m) => [m.from, m.id, m.at]));

      const counted = thread.filter((_, i) => ['reply', 'unknown-time'].includes(verdict.notes[i]!.reason));
      const bounces = thread.filter((_, i) => verdict.notes[i]!.reason === 'bounce');
      const expectedKind = counted.length > 0 ? 'replied' : bounces.length > 0 ? 'bounced' : 'no-reply';
      expect(verdict.kind, `seed ${seed}`).toBe(expectedKind);
      if (verdict.kind !== 'no-reply') {
        const pool = verdict.kind === 'replied' ? counted : bounces;
        const named = pool.find((m) => m.id === verdict.id)!;
        expect(named, `seed ${seed}`).toBeDefined();
        if (pool.every((m) => m.at !== undefined)) expect(named.at).toBe(Math.min(...pool.map((m) => m.at!)));
        else expect(named).toBe(pool[0]);
      }
    }
  });

  it('ignoring the reply a verdict names never yields that reply again', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(40_000 + seed);
      const thread = randomThread(rand);
      let r = OWN_RULES;
      const seen = new Set<string>();
      for (let guard = 0; guard < thread.length + 1; guard++) {
        const v = judgeReplies(thread, TRACKED, r);
        if (v.kind !== 'replied') break;
        expect(seen.has(v.id!), `seed ${seed}`).toBe(false);
        seen.add(v.id!);
        r = { ...r, ignoredIds: [...r.ignoredIds, v.id!] };
      }
      expect(judgeReplies(thread, TRACKED, r).kind, `seed ${seed}`).not.toBe('replied');
    }
  });

  it('counting auto-replies never turns a reply into something else; a late human reply always wins', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(50_000 + seed);
      const thread = randomThread(rand);
      const strict = judgeReplies(thread, TRACKED, OWN_RULES);
      const lenient = judgeReplies(thread, TRACKED, { ...OWN_RULES, autoRepliesCount: true });
      if (strict.kind === 'replied') expect(lenient.kind, `seed ${seed}`).toBe('replied');

      const human = msg(BOB, { at: SHOWN + 30 * DAY, id: `<late-${seed}@acme.com>` });
      expect(judgeReplies([...thread, human], TRACKED, OWN_RULES).kind, `seed ${seed}`).toBe('replied');
    }
  });

  it('how the user\'s addresses are written (case, display names) never matters', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = prng(60_000 + seed);
      const thread = randomThread(rand);
      for (let k = 0; k < 3; k++) thread.splice(1 + Math.floor(rand() * thread.length), 0, ownMessage(rand, SHOWN + (k + 1) * HOUR));
      const shouty = { ...OWN_RULES, ownAddresses: OWN_RULES.ownAddresses.map((a) => `"MY NAME" <${a.toUpperCase()}>`) };
      expect(outcome(judgeReplies(thread, TRACKED, shouty)), `seed ${seed}`).toEqual(outcome(judgeReplies(thread, TRACKED, OWN_RULES)));
    }
  });
});

describe('a thread of 100 messages', () => {
  /**
   * 10 earlier messages (5 Bob, 5 me), the tracked message, then 89:
   * 30 own follow-ups (various alias forms), 24 auto-replies (12 by subject,
   * 12 by header), 10 bounces, 5 replies the user dismissed, and 20 real
   * replies, the first of which (Carol, at +1 day 7 h) is the answer.
   */
  function build(): ObservedMessage[] {
    const out: ObservedMessage[] = [];
    for (let i = 0; i < 10; i++) out.push(msg(i % 2 ? ME : BOB, { at: SHOWN - (10 - i) * DAY, id: `<early-${i}@x>` }));
    out.push(tracked());
    const kinds = [
      ...Array<string>(30).fill('own'),
      ...Array<string>(12).fill('auto-subject'),
      ...Array<string>(12).fill('auto-header'),
      ...Array<string>(10).fill('bounce'),
      ...Array<string>(5).fill('ignored'),
    ];
    // deterministic interleaving; the 20 real replies come after everything else in time
    const rand = prng(4242);
    shuffle(rand, kinds).forEach((kind, i) => {
      const at = SHOWN + (i + 1) * 20 * MINUTE;
      const id = `<late-${i}@x>`;
      switch (kind) {
        case 'own':
          out.push(msg(OWN_FORMS[i % OWN_FORMS.length]!, { at, id, to: [BOB] }));
          break;
        case 'auto-subject':
          out.push(msg(BOB, { at, id, subject: AUTO_SUBJECTS[i % AUTO_SUBJECTS.length]! }));
          break;
        case 'auto-header':
          out.push(msg(CAROL, { at, id, headers: AUTO_HEADERS[i % AUTO_HEADERS.length]! }));
          break;
        case 'bounce':
          out.push(msg(BOUNCERS[i % BOUNCERS.length]!, { at, id, subject: 'Delivery Status Notification (Failure)' }));
          break;
        case 'ignored':
          out.push(msg(DAVE, { at, id: `<dismissed-${i}@x>` }));
          break;
      }
    });
    for (let i = 0; i < 20; i++) out.push(msg(i === 0 ? CAROL : pick(prng(i), OTHERS), { at: SHOWN + DAY + (7 + i) * HOUR, id: `<answer-${i}@x>` }));
    return out;
  }

  it('has the exact verdict and note counts', () => {
    const thread = build();
    expect(thread).toHaveLength(100);
    const dismissed = thread.filter((m) => m.id?.startsWith('<dismissed-')).map((m) => m.id!);
    expect(dismissed).toHaveLength(5);
    const verdict = judgeReplies(thread, TRACKED, { ...OWN_RULES, ignoredIds: dismissed });

    const count = (reason: string) => verdict.notes.filter((n) => n.reason === reason).length;
    expect({
      own: count('own'),
      before: count('before-tracked'),
      auto: count('auto-reply'),
      bounce: count('bounce'),
      ignored: count('ignored-by-user'),
      reply: count('reply'),
      unknown: count('unknown-time'),
    }).toEqual({ own: 5 + 1 + 30, before: 5, auto: 24, bounce: 10, ignored: 5, reply: 20, unknown: 0 });
    expect(verdict.notes).toHaveLength(100);
    expect(outcome(verdict)).toEqual({ kind: 'replied', by: CAROL, at: SHOWN + DAY + 7 * HOUR, id: '<answer-0@x>' });
  });

  it('without the real replies it is bounced by the earliest bounce; without bounces, no reply', () => {
    const thread = build().filter((m) => !m.id?.startsWith('<answer-'));
    const dismissed = thread.filter((m) => m.id?.startsWith('<dismissed-')).map((m) => m.id!);
    const r = { ...OWN_RULES, ignoredIds: dismissed };
    const firstBounce = thread.find((m) => m.subject === 'Delivery Status Notification (Failure)')!;
    expect(outcome(judgeReplies(thread, TRACKED, r))).toEqual({ kind: 'bounced', by: firstBounce.from, at: firstBounce.at, id: firstBounce.id });

    const clean = thread.filter((m) => m.subject !== 'Delivery Status Notification (Failure)');
    expect(clean).toHaveLength(70);
    expect(outcome(judgeReplies(clean, TRACKED, r))).toEqual({ kind: 'no-reply' });
    // …and counting auto-replies, the earliest one answers
    const firstAuto = clean.find((m) => m.headers || m.subject?.includes(':') && !m.subject.startsWith('Re:'))!;
    expect(outcome(judgeReplies(clean, TRACKED, { ...r, autoRepliesCount: true }))).toEqual({ kind: 'replied', by: firstAuto.from, at: firstAuto.at, id: firstAuto.id });
  });
});
