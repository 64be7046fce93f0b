import { describe, expect, it } from 'vitest';
import {
  chainPosition,
  defaultChain,
  nextFollowUpDue,
  recordFollowUp,
  repeatsOnSend,
  setRepeat,
  stepDays,
  type FollowUpChain,
} from '../../../src/core/chain';
import { defaultSettings } from '../../../src/core/settings';
import { IllegalTransitionError } from '../../../src/core/transitions';
import { deepFreeze, reminder, T0 } from './fixtures';

const settings = defaultSettings('Europe/Berlin'); // Mon–Fri 09:00–18:00, default time 09:00
const chain = (over: Partial<FollowUpChain> = {}): FollowUpChain => ({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [], ...over });
const utc = (iso: string) => Date.parse(iso);

describe('defaultChain', () => {
  it('takes the settings: repeat on, 3 → 7 → 14 days, three follow-ups, nothing sent', () => {
    expect(defaultChain(settings)).toEqual({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [] });
    const own = defaultChain({ followUps: { repeat: false, steps: [2, 5], cap: 5 } });
    expect(own).toEqual({ repeat: false, steps: [2, 5], cap: 5, sent: [] });
  });

  it('copies the steps (a chain never shares its list with the settings)', () => {
    const s = defaultSettings('UTC');
    const c = defaultChain(s);
    c.steps.push(99);
    expect(s.followUps.steps).toEqual([3, 7, 14]);
  });
});

describe('stepDays: escalation, then the last step repeats', () => {
  it('steps[k] after follow-up k, the last one beyond the list', () => {
    const c = chain();
    expect([0, 1, 2, 3, 4, 9].map((k) => stepDays(c, k))).toEqual([3, 7, 14, 14, 14, 14]);
  });
});

describe('nextFollowUpDue: the due an armed follow-up carries', () => {
  it('escalates 7 → 14 → 14 days at 09:00 Berlin wall time, across the spring DST change', () => {
    let r = reminder({ status: 'notified', chain: chain() });
    const first = nextFollowUpDue(r, settings, utc('2025-03-12T10:00:00Z'));
    // Follow-up 1 waits steps[1] = 7 days: Wed 19 March 09:00 CET.
    expect(first).toEqual({ dueAt: utc('2025-03-19T08:00:00Z'), n: 1, final: false });
    r = recordFollowUp(r, { at: utc('2025-03-12T10:00:00Z') }, settings, utc('2025-03-12T10:00:05Z'));
    expect(r.dueAt).toBe(first!.dueAt);

    // Follow-up 2 on 19 March waits 14 days: 2 April 09:00 CEST (UTC+2 since 30 March) — still 09:00 on the wall.
    const second = nextFollowUpDue(r, settings, utc('2025-03-19T10:00:00Z'));
    expect(second).toEqual({ dueAt: utc('2025-04-02T07:00:00Z'), n: 2, final: false });
    r = recordFollowUp(r, { at: utc('2025-03-19T10:00:00Z') }, settings, utc('2025-03-19T10:00:01Z'));

    // Follow-up 3 is the last the chain plans; the last step repeats.
    const third = nextFollowUpDue(r, settings, utc('2025-04-02T10:00:00Z'));
    expect(third).toEqual({ dueAt: utc('2025-04-16T07:00:00Z'), n: 3, final: true });
    r = recordFollowUp(r, { at: utc('2025-04-02T10:00:00Z') }, settings, utc('2025-04-02T10:00:01Z'));
    expect(chainPosition(r)).toEqual({ n: 3, of: 3, final: true });
    // Never silent: the reminder still waits one last step, and goes on past the cap if the user writes again.
    expect(r.status).toBe('pending');
    expect(r.dueAt).toBe(utc('2025-04-16T07:00:00Z'));
    expect(nextFollowUpDue(r, settings, utc('2025-04-16T10:00:00Z'))).toEqual({ dueAt: utc('2025-04-30T07:00:00Z'), n: 4, final: true });
  });

  it('moves a step that lands on a weekend to the next working morning', () => {
    const r = reminder({ chain: chain({ steps: [3, 1], cap: 2 }) });
    // Friday 14 March + 1 day = Saturday → Monday 17 March 09:00 CET.
    expect(nextFollowUpDue(r, settings, utc('2025-03-14T12:00:00Z'))?.dueAt).toBe(utc('2025-03-17T08:00:00Z'));
  });

  it('keeps the default time when working hours are off, in the user zone (not the process zone)', () => {
    const s = { ...defaultSettings('America/New_York') };
    s.schedule = { ...s.schedule, workingHours: { ...s.schedule.workingHours, enabled: false } };
    const r = reminder({ chain: chain({ steps: [3, 1] }) });
    // Saturday 8 March 2025 + 1 day = Sunday 9 March, the day New York springs forward: 09:00 EDT.
    expect(nextFollowUpDue(r, s, utc('2025-03-08T15:00:00Z'))?.dueAt).toBe(utc('2025-03-09T13:00:00Z'));
  });

  it('a reminder from before chains uses the default chain', () => {
    const r = reminder({ status: 'pending' });
    expect(nextFollowUpDue(r, settings, utc('2025-03-12T10:00:00Z'))).toEqual({ dueAt: utc('2025-03-19T08:00:00Z'), n: 1, final: false });
  });

  it('nothing for reminders that do not chase: owed replies, finished ones', () => {
    expect(nextFollowUpDue(reminder({ kind: 'owed-reply', chain: chain() }), settings, T0)).toBeUndefined();
    for (const status of ['replied', 'done', 'cancelled'] as const) {
      expect(nextFollowUpDue(reminder({ status, chain: chain() }), settings, T0)).toBeUndefined();
    }
  });

  it('a cap of one: the first follow-up is already the final one', () => {
    expect(nextFollowUpDue(reminder({ chain: chain({ cap: 1 }) }), settings, T0)?.final).toBe(true);
  });
});

describe('chainPosition', () => {
  it('counts what was sent against the cap', () => {
    expect(chainPosition(reminder({ chain: chain() }))).toEqual({ n: 0, of: 3, final: false });
    expect(chainPosition(reminder({ chain: chain({ sent: [{ at: T0 }, { at: T0 + 1 }] }) }))).toEqual({ n: 2, of: 3, final: false });
    expect(chainPosition(reminder({ chain: chain({ cap: 2, sent: [{ at: T0 }, { at: T0 + 1 }] }) }))).toEqual({ n: 2, of: 2, final: true });
  });

  it('undefined without a chain and for other kinds', () => {
    expect(chainPosition(reminder())).toBeUndefined();
    expect(chainPosition(reminder({ kind: 'owed-reply', chain: chain() }))).toBeUndefined();
  });
});

describe('recordFollowUp', () => {
  const now = T0 + 60_000;

  it('the same reminder waits again: pending, the due the compose carried, history and revision', () => {
    const before = deepFreeze(reminder({ status: 'notified', rev: 7, announcedAt: T0 - 1000, chain: chain() }));
    const after = recordFollowUp(before, { at: T0, messageId: '<a@mail.gmail.com>', dueAt: T0 + 5 * 86_400_000 }, settings, now);
    expect(after.id).toBe(before.id);
    expect(after.status).toBe('pending');
    expect(after.dueAt).toBe(T0 + 5 * 86_400_000);
    expect(after.rev).toBe(8);
    expect(after.announcedAt).toBeUndefined();
    expect(after.history.at(-1)).toEqual({ from: 'notified', to: 'pending', at: now, cause: 'follow-up' });
    expect(after.chain?.sent).toEqual([{ at: T0, messageId: '<a@mail.gmail.com>' }]);
    // The thread and sent time are the store's business (trackSend): untouched here.
    expect(after.sentAt).toBe(before.sentAt);
    expect(after.thread).toBe(before.thread);
  });

  it('without a carried due: the next step counted from the send', () => {
    const r = reminder({ status: 'snoozed', chain: chain({ sent: [{ at: utc('2025-03-01T10:00:00Z') }] }) });
    // Follow-up 2 waits 14 days.
    const after = recordFollowUp(r, { at: utc('2025-03-12T10:00:00Z') }, settings, now);
    expect(after.dueAt).toBe(utc('2025-03-26T08:00:00Z'));
    expect(chainPosition(after)).toEqual({ n: 2, of: 3, final: false });
  });

  it('a send whose step has passed already (reported very late, a clock far off) counts from now: never a due in the past', () => {
    const r = reminder({ chain: chain() });
    const after = recordFollowUp(r, { at: utc('2022-09-12T10:00:00Z') }, settings, utc('2025-03-12T10:00:00Z'));
    expect(after.dueAt).toBe(utc('2025-03-19T08:00:00Z'));
  });

  it('is idempotent: the same Message-ID, client id, or (knowing neither) the same instant records once', () => {
    const r = reminder({ chain: chain() });
    const once = recordFollowUp(r, { at: T0, messageId: '<a@x>' }, settings, now);
    expect(recordFollowUp(once, { at: T0 + 5, messageId: '<a@x>' }, settings, now + 1)).toBe(once);
    const byClient = recordFollowUp(r, { at: T0, clientId: 'c-1' }, settings, now);
    expect(recordFollowUp(byClient, { at: T0, clientId: 'c-1', dueAt: T0 + 99 }, settings, now + 1)).toBe(byClient);
    const bare = recordFollowUp(r, { at: T0 }, settings, now);
    expect(recordFollowUp(bare, { at: T0 }, settings, now + 1)).toBe(bare);
    // A different message at another time is a second follow-up.
    expect(recordFollowUp(once, { at: T0 + 1000, messageId: '<b@x>' }, settings, now + 1).chain?.sent).toHaveLength(2);
  });

  it('a send reported late (older than the newest recorded) joins the history without moving the due', () => {
    const r = recordFollowUp(reminder({ chain: chain() }), { at: T0 + 86_400_000, dueAt: T0 + 9 * 86_400_000 }, settings, now);
    const late = recordFollowUp(r, { at: T0 }, settings, now + 1);
    expect(late.dueAt).toBe(T0 + 9 * 86_400_000);
    expect(late.chain?.sent.map((s) => s.at)).toEqual([T0, T0 + 86_400_000]);
  });

  it('a reminder from before chains gets the default chain with this follow-up', () => {
    const after = recordFollowUp(reminder(), { at: T0 }, settings, now);
    expect(after.chain).toEqual({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [{ at: T0 }] });
  });

  it('refuses a reminder that is not live, and other kinds', () => {
    for (const status of ['replied', 'done', 'cancelled'] as const) {
      expect(() => recordFollowUp(reminder({ status, chain: chain() }), { at: T0 }, settings, now)).toThrow(IllegalTransitionError);
    }
    expect(() => recordFollowUp(reminder({ kind: 'owed-reply' }), { at: T0 }, settings, now)).toThrow(RangeError);
  });
});

describe('stop conditions: when a send the user did not arm continues the chain', () => {
  it('only a live no-reply reminder with repeat on and no bounce', () => {
    expect(repeatsOnSend(reminder({ chain: chain() }))).toBe(true);
    expect(repeatsOnSend(reminder({ status: 'notified', chain: chain() }))).toBe(true);
    expect(repeatsOnSend(reminder({ chain: chain({ repeat: false }) }))).toBe(false);
    expect(repeatsOnSend(reminder())).toBe(false);
    for (const status of ['replied', 'done', 'cancelled'] as const) expect(repeatsOnSend(reminder({ status, chain: chain() }))).toBe(false);
    const bounced = reminder({ status: 'notified', chain: chain(), check: { at: T0, source: 'print-view', outcome: 'bounced', failures: 0 } });
    expect(repeatsOnSend(bounced)).toBe(false);
  });
});

describe('setRepeat', () => {
  it('turns repeating off and on, bumping the revision; no change answers the same object', () => {
    const r = deepFreeze(reminder({ rev: 4, chain: chain({ sent: [{ at: T0 }] }) }));
    const off = setRepeat(r, false, settings, T0 + 1);
    expect(off.chain).toEqual({ ...r.chain, repeat: false });
    expect(off.rev).toBe(5);
    expect(off.updatedAt).toBe(T0 + 1);
    expect(setRepeat(r, true, settings, T0 + 1)).toBe(r);
  });

  it('a reminder from before chains gets the default chain with the choice', () => {
    expect(setRepeat(reminder(), false, settings, T0).chain).toEqual({ repeat: false, steps: [3, 7, 14], cap: 3, sent: [] });
    expect(setRepeat(reminder(), true, settings, T0).chain?.repeat).toBe(true);
  });
});
