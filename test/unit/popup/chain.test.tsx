// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowUpChain } from '../../../src/core/chain';
import { DAY, HOUR, reminder, row, setup, T0, thread } from './helpers';

afterEach(cleanup);

const chain = (sent: number, over: Partial<FollowUpChain> = {}): FollowUpChain => ({
  repeat: true,
  steps: [3, 7, 14],
  cap: 3,
  sent: Array.from({ length: sent }, (_, i) => ({ at: T0 - (sent - i) * DAY })),
  ...over,
});

function chained() {
  return [
    reminder({ id: 'two', dueAt: T0 + DAY, chain: chain(2), thread: thread({ subject: 'Quote for the roof' }) }),
    reminder({ id: 'last', dueAt: T0 + 2 * DAY, chain: chain(3), thread: thread({ subject: 'Invoice 7' }) }),
    reminder({ id: 'over', status: 'notified', dueAt: T0 - HOUR, chain: chain(3), thread: thread({ subject: 'Contract draft' }) }),
    reminder({ id: 'fresh', dueAt: T0 + 3 * DAY, chain: chain(0), thread: thread({ subject: 'Intro' }) }),
    reminder({ id: 'single', dueAt: T0 + 4 * DAY, thread: thread({ subject: 'Old one' }) }),
    reminder({ id: 'ended', status: 'replied', updatedAt: T0 - HOUR, chain: chain(2), resolution: { kind: 'reply', at: T0 - HOUR, by: { email: 'bob@example.com', name: 'Bob' } }, thread: thread({ subject: 'Answered at last' }) }),
  ];
}

describe('a row in a follow-up chain', () => {
  it('shows where the chain stands: "Follow-up 2 of 3", "Last follow-up", "Repeats until answered", the chain ended by a reply', async () => {
    await setup(chained());
    expect(row('Quote for the roof').querySelector('.chain')!.textContent).toBe('Follow-up 2 of 3');
    expect(row('Invoice 7').querySelector('.chain')!.textContent).toBe('Last follow-up (3 of 3)');
    expect(row('Intro').querySelector('.chain')!.textContent).toBe('Repeats until answered');
    // The last look after the last follow-up came and found nothing: the final word, as the notification says.
    expect(row('Contract draft').querySelector('.chain')!.textContent).toBe('No answer after 3 follow-ups');
    expect(row('Old one').querySelector('.chain')).toBeNull();
    expect(row('Answered at last').querySelector('.chain')!.textContent).toBe('Answered after 2 follow-ups — chain ended');
    // Screen readers hear it, and whether it repeats.
    const desc = document.getElementById(row('Quote for the roof').getAttribute('aria-describedby')!)!;
    expect(desc.textContent).toContain('Follow-up 2 of 3. Repeats until answered');
    expect(document.getElementById(row('Old one').getAttribute('aria-describedby')!)!.textContent).toContain('Not repeating');
  });

  it('the actions list each follow-up sent in a labelled disclosure, reachable from the keyboard', async () => {
    await setup(chained());
    fireEvent.click(within(row('Quote for the roof')).getByRole('button', { name: /More actions/ }));
    const dialog = screen.getByRole('dialog', { name: 'Actions for Quote for the roof' });
    const summary = within(dialog).getByText('Follow-ups sent (2)');
    expect(summary.tagName).toBe('SUMMARY');
    const details = summary.parentElement as HTMLDetailsElement;
    expect(details.open).toBe(false);
    const list = within(dialog).getByRole('list', { name: 'Follow-ups sent (2)', hidden: true });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([expect.stringMatching(/^Follow-up 1: /), expect.stringMatching(/^Follow-up 2: /)]);
    // Arrow keys from the buttons reach it.
    const stop = within(dialog).getByRole('button', { name: 'Stop repeating' });
    stop.focus();
    fireEvent.keyDown(stop, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(summary);
  });

  it('"Stop repeating" in one click, with Undo; "Repeat until answered" turns it back on', async () => {
    const { bg } = await setup(chained());
    fireEvent.click(within(row('Quote for the roof')).getByRole('button', { name: /More actions/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop repeating' }));
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.setRepeat', payload: { id: 'two', repeat: false } }]));
    await screen.findByText('Stopped repeating: Quote for the roof');
    expect(bg.store.get('two')!.chain!.repeat).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(bg.store.get('two')!.chain!.repeat).toBe(true));
    expect(bg.writes().at(-1)!.type).toBe('reminder.restore');

    // A single reminder from before chains can start one.
    fireEvent.click(within(row('Old one')).getByRole('button', { name: /More actions/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Repeat until answered' }));
    await waitFor(() => expect(bg.writes().at(-1)).toEqual({ type: 'reminder.setRepeat', payload: { id: 'single', repeat: true } }));
  });

  it('no repeat toggle on a replied reminder or an owed reply', async () => {
    await setup([...chained(), reminder({ id: 'owe', kind: 'owed-reply', dueAt: T0 + DAY, thread: thread({ subject: 'They asked' }) })]);
    fireEvent.click(within(row('Answered at last')).getByRole('button', { name: /More actions/ }));
    expect(screen.queryByRole('button', { name: /repeat/i })).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    fireEvent.click(within(row('They asked')).getByRole('button', { name: /More actions/ }));
    expect(screen.queryByRole('button', { name: /repeat/i })).toBeNull();
  });
});
