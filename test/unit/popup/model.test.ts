import { describe, expect, it } from 'vitest';
import { accountsOf, buildItems, matches, neighbourId, nearestRow, stepRow, type Item } from '../../../src/popup/model';
import { dueWords, unitOf } from '../../../src/popup/format';
import { fakeBackground, reminder, sample, t, T0, DAY, HOUR, thread } from './helpers';

const list = () => fakeBackground(sample()).list();
const label = (i: Item) =>
  i.kind === 'header' ? `#${i.section}:${i.count}${i.atLeast ? '+' : ''}` : i.kind === 'more' ? `+${i.section}:${i.remaining ?? '?'}` : i.reminder.id;

describe('model', () => {
  it('puts a heading before each non-empty section', () => {
    const items = buildItems(list(), { query: '', account: '' });
    expect(items.map(label)).toEqual([
      '#overdue:2', 'over1', 'over2', '#today:1', 'today1', '#upcoming:2', 'up1', 'up2', '#replied:1', 'rep1', '#done:1', 'done1',
    ]);
  });

  it('ends a section the background sent only part of with "Show more", also while searching', () => {
    const partial = list();
    partial.counts = { ...partial.counts, upcoming: 250, done: 3 };
    expect(buildItems(partial, { query: '', account: '' }).map(label)).toEqual([
      '#overdue:2', 'over1', 'over2', '#today:1', 'today1', '#upcoming:250', 'up1', 'up2', '+upcoming:248', '#replied:1', 'rep1', '#done:3', 'done1', '+done:2',
    ]);
    // Not counted yet (the background sent a full page): "200+" and "Show more" without a number.
    const uncounted = list();
    delete uncounted.counts.upcoming;
    expect(buildItems(uncounted, { query: '', account: '' }).map(label)).toContain('#upcoming:2+');
    expect(buildItems(uncounted, { query: '', account: '' }).map(label)).toContain('+upcoming:?');
    // A search that matches nothing loaded still offers the rows not loaded yet.
    expect(buildItems(partial, { query: 'zzz-nothing', account: '' }).map(label)).toEqual(['#upcoming:0', '+upcoming:248', '#done:0', '+done:2']);
  });

  it('matches every word anywhere in subject, names, addresses and account', () => {
    const r = reminder({ account: 'me@work.com', thread: thread({ subject: 'Straße Plan', recipients: [{ email: 'x@y.de', name: 'Zoë' }] }) });
    expect(matches(r, { query: 'zoë plan', account: '' })).toBe(true);
    expect(matches(r, { query: 'work.com', account: '' })).toBe(true);
    expect(matches(r, { query: 'x@y.de nope', account: '' })).toBe(false);
    expect(matches(r, { query: '', account: 'other@x.com' })).toBe(false);
  });

  it('lists accounts and steps between rows only', () => {
    const items = buildItems(list(), { query: '', account: '' });
    expect(accountsOf(list())).toEqual(['me@example.com']);
    expect(stepRow(items, 2, 1)).toBe(4);
    expect(stepRow(items, 1, -1)).toBe(1);
    expect(nearestRow(items, 0)).toBe(1);
    expect(neighbourId(items, 'today1')).toBe('up1');
    expect(neighbourId(items, 'done1')).toBe('rep1');
  });
});

describe('due words', () => {
  const env = (locale: string) => ({ t, locale, timeZone: 'UTC', now: T0 });
  it('says how far off or how overdue, in the UI language', () => {
    expect(dueWords(T0 + 2 * DAY, env('en'))).toBe('in 2 days');
    expect(dueWords(T0 + DAY, env('en'))).toBe('tomorrow');
    expect(dueWords(T0 + 90 * 60_000, env('en'))).toBe('in 2 hours');
    expect(dueWords(T0 - 3 * DAY, env('en'))).toBe('3 days overdue');
    expect(dueWords(T0 - 20 * 60_000, env('en'))).toBe('20 minutes overdue');
    expect(dueWords(T0 + 10_000, env('en'))).toBe('due now');
    expect(dueWords(T0 + 5 * DAY, env('de'))).toBe('in 5 Tagen');
    expect(unitOf(45 * DAY)).toEqual({ value: 2, unit: 'month' });
    expect(unitOf(400 * DAY)).toEqual({ value: 1, unit: 'year' });
    expect(unitOf(-HOUR)).toEqual({ value: 1, unit: 'hour' });
  });
});
