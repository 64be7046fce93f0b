// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, ids, reminder, row, sample, setup, T0, thread } from './helpers';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;
const key = (k: string) => fireEvent.keyDown(focused(), { key: k });

/** Two replies the user owes (one due, one later) and one they answered, beside the usual sample. */
function withOwed() {
  return [
    ...sample(),
    reminder({ id: 'owe-due', kind: 'owed-reply', status: 'notified', dueAt: T0 - HOUR, sentAt: T0 - 2 * DAY, thread: thread({ subject: 'Pricing question', recipients: [{ email: 'dana@client.com', name: 'Dana' }, { email: 'eve@client.com', name: 'Eve' }] }) }),
    reminder({ id: 'owe-later', kind: 'owed-reply', dueAt: T0 + 2 * DAY, thread: thread({ subject: 'Intro to Frank', recipients: [{ email: 'frank@x.org', name: 'Frank' }] }) }),
    reminder({ id: 'owe-done', kind: 'owed-reply', status: 'replied', updatedAt: T0 - HOUR, resolution: { kind: 'answered', at: T0 - HOUR, source: 'compose' }, thread: thread({ subject: 'Answered already' }) }),
  ];
}

describe('the "To answer" section', () => {
  it('lists the replies the user owes under their own heading and count, due first; answered ones are resolved', async () => {
    await setup(withOwed());
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    // (The list is virtualised: Done is below the fold.)
    expect(headings.slice(0, 5)).toEqual(['Overdue22 reminders', 'To answer22 reminders', 'Due today11 reminders', 'Upcoming22 reminders', 'Replied22 reminders']);
    expect(ids().slice(2, 4)).toEqual(['owe-due', 'owe-later']);
    // The header's due count includes the owed reply that is due.
    expect(screen.getByText('3 overdue or due now')).toBeTruthy();
  });

  it('a row names who waits for the answer and when their message came; an answered one says the user answered', async () => {
    await setup(withOwed());
    const r = row('Pricing question');
    expect(r.getAttribute('aria-label')).toBe('Pricing question, from Dana, 1 hour overdue');
    expect(r.querySelector('.who')!.textContent).toBe('Dana');
    expect(r.querySelector('.sent')!.textContent).toMatch(/^received /);
    expect(r.querySelector('.when')!.className).toContain('overdue');
    expect(row('Answered already').textContent).toContain('You answered on');
  });

  it('search finds them by who waits', async () => {
    await setup(withOwed());
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'frank' } });
    await waitFor(() => expect(ids()).toEqual(['owe-later']));
  });

  it('from the keyboard: "." opens the actions, "Reply now" comes first and asks the background', async () => {
    const { bg } = await setup(withOwed());
    row('Pricing question').focus();
    key('.');
    const dialog = screen.getByRole('dialog', { name: 'Actions for Pricing question' });
    expect(focused().textContent).toBe('Reply now');
    key('ArrowDown');
    expect(focused().textContent).toBe('Open thread');
    key('ArrowUp');
    fireEvent.click(focused());
    expect(dialog.isConnected).toBe(false);
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.replyNow', payload: { id: 'owe-due' } }]));
  });

  it('an answered owed reply offers "That wasn\'t my answer", a follow-up row no "Reply now"', async () => {
    await setup(withOwed());
    row('Answered already').focus();
    key('.');
    expect(screen.getByRole('button', { name: "That wasn't my answer" })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    // Back to the top of the (virtualised) list, where the follow-up is.
    key('Home');
    row('Invoice 42').focus();
    key('.');
    expect(screen.queryByRole('button', { name: 'Reply now' })).toBeNull();
  });
});
