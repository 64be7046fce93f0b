// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SNACKBAR_MS } from '../../../src/popup/Snackbar';
import { ids, row, sample, setup } from './helpers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const snackbar = () => document.querySelector('.snackbar')!;
const undo = () => within(snackbar() as HTMLElement).getByRole('button', { name: 'Undo' });
const sectionOf = (id: string) => document.querySelector<HTMLElement>(`[data-id=${id}]`)?.dataset.section;
const menu = (subject: string) => {
  fireEvent.click(within(row(subject)).getByRole('button', { name: `More actions for ${subject}` }));
  return screen.getByRole('dialog', { name: `Actions for ${subject}` });
};

describe('Row actions', () => {
  it('checks off as done, and Undo puts back the reminder as it was over the state the check-off left', async () => {
    const { bg } = await setup(sample());
    const before = bg.store.get('over1')!;
    fireEvent.click(within(row('Invoice 42')).getByRole('checkbox', { name: 'Mark done: Invoice 42' }));
    await waitFor(() => expect(sectionOf('over1')).toBe('done'));
    expect(snackbar().textContent).toContain('Done: Invoice 42');
    expect(bg.writes()).toEqual([{ type: 'reminder.done', payload: { id: 'over1' } }]);
    const doneRev = bg.store.get('over1')!.rev;
    fireEvent.click(undo());
    await waitFor(() => expect(sectionOf('over1')).toBe('overdue'));
    expect(bg.writes().at(-1)).toEqual({ type: 'reminder.restore', payload: { reminder: before, expectedRev: doneRev } });
    expect(bg.store.get('over1')).toMatchObject({ status: before.status, dueAt: before.dueAt });
  });

  it('checks off a replied one, and Undo brings back who replied (not a reopen)', async () => {
    const { bg } = await setup(sample());
    const replied = [...bg.store.values()].find((r) => r.status === 'replied')!;
    fireEvent.click(within(row(replied.thread.subject)).getByRole('checkbox', { name: `Mark done: ${replied.thread.subject}` }));
    await waitFor(() => expect(sectionOf(replied.id)).toBe('done'));
    fireEvent.click(undo());
    await waitFor(() => expect(sectionOf(replied.id)).toBe('replied'));
    expect(bg.store.get(replied.id)).toMatchObject({ status: 'replied', resolution: replied.resolution });
    expect(bg.writes().map((w) => w.type)).toEqual(['reminder.done', 'reminder.restore']);
  });

  it('an Undo that finds the reminder changed meanwhile says so and overwrites nothing', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(row('Invoice 42')).getByRole('checkbox', { name: 'Mark done: Invoice 42' }));
    await waitFor(() => expect(sectionOf('over1')).toBe('done'));
    // Something else wrote meanwhile (another window, a reply check).
    const changed = { ...bg.store.get('over1')!, rev: bg.store.get('over1')!.rev + 1 };
    bg.store.set('over1', changed);
    fireEvent.click(undo());
    await waitFor(() => expect(snackbar().textContent).toContain('Not undone: the reminder changed meanwhile'));
    expect(bg.store.get('over1')).toEqual(changed);
  });

  it('unchecking a done row reopens it', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(row('Old thing')).getByRole('checkbox', { name: /^Done \(uncheck to reopen\)/ }));
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.reopen', payload: { id: 'done1' } }]));
  });

  it('the Undo offer goes after about five seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await setup(sample());
    fireEvent.click(within(row('Lunch?')).getByRole('checkbox', { name: /^Mark done/ }));
    await waitFor(() => expect(undo()).toBeTruthy());
    act(() => void vi.advanceTimersByTime(SNACKBAR_MS + 10));
    expect(within(snackbar() as HTMLElement).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('deletes with Undo that restores the returned reminder', async () => {
    const { bg } = await setup(sample());
    const before = bg.store.get('up1');
    fireEvent.click(within(menu('Quarterly numbers')).getByRole('button', { name: 'Delete reminder' }));
    await waitFor(() => expect(ids()).not.toContain('up1'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(snackbar().textContent).toContain('Deleted “Quarterly numbers”');
    fireEvent.click(undo());
    await waitFor(() => expect(ids()).toContain('up1'));
    expect(bg.writes()).toEqual([
      { type: 'reminder.delete', payload: { id: 'up1' } },
      { type: 'reminder.restore', payload: { reminder: before } },
    ]);
  });

  it('opens the thread through the background (which focuses a Gmail tab of the account or opens one)', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(row('Invoice 42')).getByRole('button', { name: 'Invoice 42' }));
    fireEvent.click(within(menu('Lunch?')).getByRole('button', { name: 'Open thread' }));
    // The background focuses an open Gmail tab of the account or opens one (see thread-opener).
    await waitFor(() =>
      expect(bg.writes()).toEqual([
        { type: 'reminder.open', payload: { id: 'over1' } },
        { type: 'reminder.open', payload: { id: 'today1' } },
      ]),
    );
  });

  it('snooze has an Undo too: the reminder as it was (notified, same due time), by the same rule', async () => {
    const { bg } = await setup(sample());
    const before = bg.store.get('over1')!;
    fireEvent.click(within(menu('Invoice 42')).getByRole('button', { name: 'Snooze…' }));
    const d = screen.getByRole('dialog', { name: 'Snooze Invoice 42' });
    fireEvent.click(within(d).getByRole('button', { name: /^Tomorrow/ }));
    await waitFor(() => expect(sectionOf('over1')).toBe('upcoming'));
    const snoozedRev = bg.store.get('over1')!.rev;
    fireEvent.click(undo());
    await waitFor(() => expect(sectionOf('over1')).toBe('overdue'));
    expect(bg.writes().at(-1)).toEqual({ type: 'reminder.restore', payload: { reminder: before, expectedRev: snoozedRev } });
    expect(bg.store.get('over1')).toMatchObject({ status: 'notified', dueAt: before.dueAt });
  });

  it('snoozes with the picker presets', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(menu('Invoice 42')).getByRole('button', { name: 'Snooze…' }));
    const d = screen.getByRole('dialog', { name: 'Snooze Invoice 42' });
    await waitFor(() => expect(within(d).getByRole('button', { name: /^In 2 days/ }).textContent).toContain('Fri 09:00'));
    fireEvent.click(within(d).getByRole('button', { name: /^In 2 days/ }));
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.snooze', payload: { id: 'over1', due: { preset: 'in-2-days' } } }]));
    await waitFor(() => expect(snackbar().textContent).toMatch(/^Snoozed until Fri, Mar 14/));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sectionOf('over1')).toBe('upcoming');
  });

  it('changes the due time with free text shown before use', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(menu('Lunch?')).getByRole('button', { name: 'Change due time' }));
    const d = screen.getByRole('dialog', { name: 'Change due time of Lunch?' });
    fireEvent.input(within(d).getByLabelText(/Type a time/), { target: { value: 'next tuesday 10am' } });
    await waitFor(() => expect(within(d).getByText(/Remind on/).textContent).toContain('Tue 10:00'), { timeout: 2000 });
    fireEvent.click(within(d).getByRole('button', { name: 'Use this time' }));
    await waitFor(() => expect(bg.writes()[0]).toMatchObject({ type: 'reminder.updateDue', payload: { id: 'today1', due: { at: expect.any(Number) } } }));
    expect(bg.calls.find((c) => c.type === 'due.preview' && 'text' in c.payload)!.payload).toEqual({ text: 'next tuesday 10am', lang: 'en' });
  });

  it('checks for replies now and says what it found', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(menu('Lunch?')).getByRole('button', { name: 'Check for replies now' }));
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.checkNow', payload: { id: 'today1' } }]));
    await waitFor(() => expect(snackbar().textContent).toBe('No reply yet.'));
  });

  it('"that wasn\'t a real reply" is offered for replied rows only and sends the reminder back', async () => {
    const { bg } = await setup(sample());
    expect(within(menu('Lunch?')).queryByRole('button', { name: "That wasn't a real reply" })).toBeNull();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    const d = menu('Budget question');
    expect(within(d).queryByRole('button', { name: /Snooze/ })).toBeNull();
    fireEvent.click(within(d).getByRole('button', { name: "That wasn't a real reply" }));
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.notReply', payload: { id: 'rep1' } }]));
    await waitFor(() => expect(sectionOf('rep1')).toBe('upcoming'));
    expect(snackbar().textContent).toContain('Waiting again: Budget question');
  });

  it('"that was an automatic answer" is offered for replied rows and sends the reminder back as waiting', async () => {
    const { bg } = await setup(sample());
    expect(within(menu('Lunch?')).queryByRole('button', { name: 'That was an automatic answer' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.click(within(menu('Budget question')).getByRole('button', { name: 'That was an automatic answer' }));
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.autoAnswer', payload: { id: 'rep1' } }]));
    await waitFor(() => expect(sectionOf('rep1')).toBe('upcoming'));
    expect(snackbar().textContent).toContain('Automatic answer, waiting again: Budget question');
  });

  it('shows a failed action as an alert', async () => {
    const { bg } = await setup(sample());
    bg.failing.add('reminder.done');
    fireEvent.click(within(row('Lunch?')).getByRole('checkbox', { name: /^Mark done/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("That didn't work: reminder.done failed"));
  });
});

describe('Bulk', () => {
  it('marks the selected rows done with one Undo for all', async () => {
    const { bg } = await setup(sample());
    fireEvent.click(within(row('Invoice 42')).getByRole('checkbox', { name: 'Select Invoice 42' }));
    fireEvent.click(within(row('Lunch?')).getByRole('checkbox', { name: 'Select Lunch?' }));
    const bar = screen.getByRole('group', { name: 'Selected reminders' });
    expect(bar.textContent).toContain('2 selected');
    fireEvent.click(within(bar).getByRole('button', { name: 'Mark selected done' }));
    await waitFor(() => expect(sectionOf('over1')).toBe('done'));
    expect(sectionOf('today1')).toBe('done');
    expect(screen.queryByRole('group', { name: 'Selected reminders' })).toBeNull();
    expect(snackbar().textContent).toContain('2 marked done');
    fireEvent.click(undo());
    await waitFor(() => expect(sectionOf('today1')).not.toBe('done'));
    expect(bg.writes().map((w) => `${w.type} ${(w.payload.id ?? (w.payload.reminder as { id: string }).id) as string}`)).toEqual([
      'reminder.done over1',
      'reminder.done today1',
      'reminder.restore over1',
      'reminder.restore today1',
    ]);
    expect(bg.writes().slice(2).map((w) => (w.payload.reminder as { status: string }).status)).toEqual(['notified', 'pending']);
    expect(sectionOf('over1')).toBe('overdue');
  });
});
