// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, ids, reminder, row, sample, setup, T0, thread } from './helpers';

afterEach(cleanup);

/** A due reminder regardless of replies, a later one, and one checked off, beside the usual sample. */
function withAlways() {
  return [
    ...sample(),
    reminder({ id: 'always-due', kind: 'always', status: 'notified', dueAt: T0 - HOUR, sentAt: T0 - 2 * DAY, thread: thread({ subject: 'Contract status' }) }),
    reminder({ id: 'always-later', kind: 'always', status: 'snoozed', dueAt: T0 + 2 * DAY, thread: thread({ subject: 'Renewal check' }) }),
  ];
}

describe('reminders regardless of replies in the checklist', () => {
  it('are listed by due time with the others, labelled "Regardless of replies" (snoozed ones say so too)', async () => {
    await setup(withAlways());
    expect(ids()).toContain('always-due');
    expect(ids()).toContain('always-later');
    expect(row('Contract status').querySelector('.status')!.textContent).toBe('Regardless of replies');
    expect(row('Renewal check').querySelector('.status')!.textContent).toBe('Regardless of replies · Snoozed');
    // The label is part of what a screen reader hears for the row.
    expect(row('Contract status').textContent).toContain('Regardless of replies');
  });

  it('offer no reply actions: no "check for replies", no "that wasn\'t a real reply"; open, snooze, change, delete stay', async () => {
    await setup(withAlways());
    fireEvent.click(row('Contract status').querySelector<HTMLButtonElement>('button.more')!);
    const dialog = screen.getByRole('dialog', { name: 'Actions for Contract status' });
    const actions = within(dialog).getAllByRole('button').map((b) => b.textContent);
    expect(actions).toEqual(expect.arrayContaining(['Open thread', 'Snooze…', 'Change due time', 'Delete reminder']));
    expect(actions).not.toContain('Check for replies now');
    expect(actions).not.toContain("That wasn't a real reply");
    expect(actions).not.toContain('That was an automatic answer');
  });

});
