import { describe, expect, it } from 'vitest';
import { DEFAULT_SEPARATE_UP_TO, MISSED_MS, planAnnouncements } from '../../../src/core/notification-plan';
import { defaultNotificationPrefs } from '../../../src/core/settings';
import { MINUTE, reminder, T0 } from './fixtures';

const due = (n: number, dueAt = T0) => Array.from({ length: n }, (_, i) => reminder({ id: `r${i}`, dueAt }));
const prefs = defaultNotificationPrefs();

describe('planAnnouncements', () => {
  it('up to three due together: one notification each', () => {
    expect(DEFAULT_SEPARATE_UP_TO).toBe(3);
    for (const n of [1, 2, 3]) expect(planAnnouncements(due(n), T0, prefs)).toMatchObject({ kind: 'separate', reminders: due(n) });
  });

  it('more than three due together: one summary of all of them', () => {
    expect(planAnnouncements(due(4), T0, prefs)).toMatchObject({ kind: 'summary', reminders: due(4) });
    expect(planAnnouncements(due(8), T0 + 9 * MINUTE, prefs).kind).toBe('summary');
  });

  it('several missed while the browser was closed: the catch-up digest, however few', () => {
    expect(planAnnouncements(due(2, T0 - MISSED_MS), T0, prefs).kind).toBe('catch-up');
    // One missed and one on time are still shown each on its own.
    expect(planAnnouncements([...due(1, T0 - MISSED_MS), reminder({ id: 'now', dueAt: T0 })], T0, prefs).kind).toBe('separate');
    // Late by the reply-check grace only is on time.
    expect(planAnnouncements(due(2, T0 - 10 * MINUTE), T0, prefs).kind).toBe('separate');
  });

  it('the user sets the limit', () => {
    expect(planAnnouncements(due(2), T0, { ...prefs, separateUpTo: 1 }).kind).toBe('summary');
    expect(planAnnouncements(due(5), T0, { ...prefs, separateUpTo: 5 }).kind).toBe('separate');
  });

  it('with the digest turned off: always one each', () => {
    const off = { ...prefs, startupDigest: false };
    expect(planAnnouncements(due(8), T0, off).kind).toBe('separate');
    expect(planAnnouncements(due(8, T0 - 2 * MISSED_MS), T0, off).kind).toBe('separate');
  });

  it('several due before this browser session began (the browser was closed): the catch-up digest', () => {
    expect(planAnnouncements(due(2, T0 - MINUTE), T0, prefs, T0).kind).toBe('catch-up');
    expect(planAnnouncements(due(2, T0 - MINUTE), T0, prefs, T0 - 2 * MINUTE).kind).toBe('separate');
  });
});
