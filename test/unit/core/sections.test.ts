import { describe, expect, it } from 'vitest';
import type { Reminder, ReminderStatus } from '../../../src/core/reminder';
import { groupIntoSections, RECENT_LIMIT, SECTION_IDS, type SectionId } from '../../../src/core/sections';

/** The section one reminder lands in, as the popup groups it. */
const sectionOf = (r: Reminder, now: number, timeZone: string): SectionId | undefined =>
  SECTION_IDS.find((id) => groupIntoSections([r], now, timeZone)[id].length > 0);
import { ALL_STATUSES, DAY, HOUR, MINUTE, reminder } from './fixtures';

/** Epoch ms from an ISO string with an explicit offset. */
const at = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
};

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const TOKYO = 'Asia/Tokyo';

const r = (status: ReminderStatus, dueAt: number, over: Partial<Reminder> = {}) => reminder({ status, dueAt, ...over });

describe('sectionOf', () => {
  const NOW = at('2025-03-12T10:00:00+01:00'); // Wednesday morning in Berlin

  it('puts a notified reminder under overdue, whatever its due time says', () => {
    expect(sectionOf(r('notified', NOW - HOUR), NOW, BERLIN)).toBe('overdue');
    expect(sectionOf(r('notified', NOW + 3 * DAY), NOW, BERLIN)).toBe('overdue');
  });

  it.each(['pending', 'snoozed'] as const)('puts a %s reminder past due under overdue', (status) => {
    expect(sectionOf(r(status, NOW - 3 * DAY), NOW, BERLIN)).toBe('overdue');
    expect(sectionOf(r(status, NOW - 1), NOW, BERLIN)).toBe('overdue');
    expect(sectionOf(r(status, NOW), NOW, BERLIN)).toBe('overdue');
  });

  it.each(['pending', 'snoozed'] as const)('puts a %s reminder due later today under today', (status) => {
    expect(sectionOf(r(status, NOW + 1), NOW, BERLIN)).toBe('today');
    expect(sectionOf(r(status, at('2025-03-12T23:59:00+01:00')), NOW, BERLIN)).toBe('today');
  });

  it.each(['pending', 'snoozed'] as const)('puts a %s reminder due tomorrow or later under upcoming', (status) => {
    expect(sectionOf(r(status, at('2025-03-13T00:00:00+01:00')), NOW, BERLIN)).toBe('upcoming');
    expect(sectionOf(r(status, at('2025-03-13T09:00:00+01:00')), NOW, BERLIN)).toBe('upcoming');
    expect(sectionOf(r(status, NOW + 30 * DAY), NOW, BERLIN)).toBe('upcoming');
  });

  it('puts resolved reminders in their own sections and hides cancelled ones', () => {
    expect(sectionOf(r('replied', NOW - DAY), NOW, BERLIN)).toBe('replied');
    expect(sectionOf(r('done', NOW + DAY), NOW, BERLIN)).toBe('done');
    expect(sectionOf(r('cancelled', NOW + HOUR), NOW, BERLIN)).toBeUndefined();
  });

  describe('"today" is the calendar day in the given zone, not in UTC', () => {
    // 23:30 on Wednesday in Los Angeles is already 06:30 on Thursday in UTC.
    const LATE = at('2025-03-12T23:30:00-07:00');

    it('checks the premise', () => {
      expect(new Date(LATE).toISOString()).toBe('2025-03-13T06:30:00.000Z');
    });

    it('20 minutes later is still today in Los Angeles', () => {
      expect(sectionOf(r('pending', LATE + 20 * MINUTE), LATE, LA)).toBe('today');
    });

    it('40 minutes later is tomorrow in Los Angeles, though the same UTC date', () => {
      const due = LATE + 40 * MINUTE;
      expect(new Date(due).toISOString().slice(0, 10)).toBe(new Date(LATE).toISOString().slice(0, 10));
      expect(sectionOf(r('pending', due), LATE, LA)).toBe('upcoming');
      expect(sectionOf(r('pending', due), LATE, 'UTC')).toBe('today');
    });

    it('the same pair of instants is split differently in Tokyo', () => {
      const now = at('2025-03-12T23:30:00+09:00');
      const due = now + 40 * MINUTE;
      expect(sectionOf(r('snoozed', due), now, TOKYO)).toBe('upcoming');
      expect(sectionOf(r('snoozed', due), now, 'UTC')).toBe('today');
    });

    it('does not depend on the process time zone', () => {
      const saved = process.env.TZ;
      try {
        for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
          process.env.TZ = tz;
          expect(sectionOf(r('pending', LATE + 20 * MINUTE), LATE, LA)).toBe('today');
          expect(sectionOf(r('pending', LATE + 40 * MINUTE), LATE, LA)).toBe('upcoming');
        }
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });

    it('follows a 23-hour day at the spring-forward change (Berlin, 2025-03-30)', () => {
      const now = at('2025-03-30T01:30:00+01:00');
      expect(sectionOf(r('pending', at('2025-03-30T23:30:00+02:00')), now, BERLIN)).toBe('today');
      // Less than 24 h after `now`, but already Monday.
      const monday = at('2025-03-31T00:15:00+02:00');
      expect(monday - now).toBeLessThan(DAY);
      expect(sectionOf(r('pending', monday), now, BERLIN)).toBe('upcoming');
    });

    it('follows a 25-hour day at the fall-back change (Berlin, 2025-10-26)', () => {
      const now = at('2025-10-26T00:30:00+02:00');
      const lateSunday = at('2025-10-26T23:45:00+01:00');
      expect(lateSunday - now).toBeGreaterThan(DAY);
      expect(sectionOf(r('pending', lateSunday), now, BERLIN)).toBe('today');
    });
  });
});

describe('groupIntoSections', () => {
  const NOW = at('2025-03-12T10:00:00+01:00');

  it('always returns every section, empty ones included', () => {
    const s = groupIntoSections([], NOW, BERLIN);
    expect(Object.keys(s)).toEqual([...SECTION_IDS]);
    for (const id of SECTION_IDS) expect(s[id]).toEqual([]);
  });

  it('files each reminder once and leaves cancelled ones out', () => {
    const all = [
      r('notified', NOW - HOUR, { id: 'n' }),
      r('pending', NOW - MINUTE, { id: 'p-late' }),
      r('pending', NOW + HOUR, { id: 'p-today' }),
      r('snoozed', NOW + 2 * DAY, { id: 's-up' }),
      r('replied', NOW, { id: 'rep' }),
      r('done', NOW, { id: 'd' }),
      r('cancelled', NOW + HOUR, { id: 'c' }),
    ];
    const s = groupIntoSections(all, NOW, BERLIN);
    const ids = (list: Reminder[]) => list.map((x) => x.id);
    expect(ids(s.overdue).sort()).toEqual(['n', 'p-late']);
    expect(ids(s.today)).toEqual(['p-today']);
    expect(ids(s.upcoming)).toEqual(['s-up']);
    expect(ids(s.replied)).toEqual(['rep']);
    expect(ids(s.done)).toEqual(['d']);
    const filed = SECTION_IDS.flatMap((id) => ids(s[id]));
    expect(filed.sort()).toEqual(['d', 'n', 'p-late', 'p-today', 'rep', 's-up']);
  });

  it('sorts waiting sections soonest first, notified and late pending ones mixed by due time', () => {
    const all = [
      r('pending', NOW - HOUR, { id: 'o2' }),
      r('notified', NOW - DAY, { id: 'o1' }),
      r('notified', NOW - MINUTE, { id: 'o3' }),
      r('pending', NOW + 3 * HOUR, { id: 't2' }),
      r('snoozed', NOW + HOUR, { id: 't1' }),
      r('pending', NOW + 5 * DAY, { id: 'u2' }),
      r('snoozed', NOW + 2 * DAY, { id: 'u1' }),
    ];
    const s = groupIntoSections(all, NOW, BERLIN);
    expect(s.overdue.map((x) => x.id)).toEqual(['o1', 'o2', 'o3']);
    expect(s.today.map((x) => x.id)).toEqual(['t1', 't2']);
    expect(s.upcoming.map((x) => x.id)).toEqual(['u1', 'u2']);
  });

  it('sorts resolved sections by last change, newest first', () => {
    const all = [
      r('replied', 0, { id: 'r-old', updatedAt: NOW - 3 * DAY }),
      r('replied', 0, { id: 'r-new', updatedAt: NOW - HOUR }),
      r('replied', 0, { id: 'r-mid', updatedAt: NOW - DAY }),
      r('done', 0, { id: 'd-old', updatedAt: NOW - 2 * DAY }),
      r('done', 0, { id: 'd-new', updatedAt: NOW }),
    ];
    const s = groupIntoSections(all, NOW, BERLIN);
    expect(s.replied.map((x) => x.id)).toEqual(['r-new', 'r-mid', 'r-old']);
    expect(s.done.map((x) => x.id)).toEqual(['d-new', 'd-old']);
  });

  it(`keeps only the ${RECENT_LIMIT} newest replied and done reminders, but every waiting one`, () => {
    const n = RECENT_LIMIT + 15;
    const all: Reminder[] = [];
    for (let i = 0; i < n; i++) {
      all.push(r('done', 0, { id: `d${i}`, updatedAt: NOW - i * MINUTE }));
      all.push(r('replied', 0, { id: `r${i}`, updatedAt: NOW - i * MINUTE }));
      all.push(r('notified', NOW - i * MINUTE, { id: `o${i}` }));
      all.push(r('pending', NOW + DAY + i * MINUTE, { id: `u${i}` }));
    }
    const shuffled = [...all].reverse();
    const s = groupIntoSections(shuffled, NOW, BERLIN);
    expect(RECENT_LIMIT).toBe(50);
    expect(s.done).toHaveLength(RECENT_LIMIT);
    expect(s.replied).toHaveLength(RECENT_LIMIT);
    expect(s.done[0]?.id).toBe('d0');
    expect(s.done.at(-1)?.id).toBe(`d${RECENT_LIMIT - 1}`);
    expect(s.replied.map((x) => x.id)).toEqual(Array.from({ length: RECENT_LIMIT }, (_, i) => `r${i}`));
    expect(s.overdue).toHaveLength(n);
    expect(s.upcoming).toHaveLength(n);
  });

  it('does not reorder or change the input', () => {
    const all = Object.freeze([r('done', 0, { updatedAt: 1 }), r('done', 0, { updatedAt: 2 }), r('pending', NOW + 2 * DAY), r('pending', NOW + DAY)]);
    const before = all.map((x) => x.id);
    groupIntoSections(all, NOW, BERLIN);
    expect(all.map((x) => x.id)).toEqual(before);
  });

  it('files every status as sectionOf says', () => {
    const all = ALL_STATUSES.map((status, i) => r(status, NOW + (i - 2) * HOUR, { id: status }));
    const s = groupIntoSections(all, NOW, BERLIN);
    for (const x of all) {
      const id = sectionOf(x, NOW, BERLIN);
      if (id) expect(s[id]).toContain(x);
      else for (const sid of SECTION_IDS) expect(s[sid]).not.toContain(x);
    }
  });
});
