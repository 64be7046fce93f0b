// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, reminder, row, sample, setup, T0, thread } from './helpers';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;
const key = (k: string) => fireEvent.keyDown(focused(), { key: k });
const actionsOf = () => screen.getAllByRole('button').filter((b) => b.closest('[role=dialog]')).map((b) => b.textContent);

/** The sample plus a snoozed follow-up, one that bounced, and an owed reply that is due. */
function withFollowUps() {
  return [
    ...sample(),
    reminder({ id: 'snoozed', status: 'snoozed', dueAt: T0 + 2 * HOUR, thread: thread({ subject: 'Snoozed offer', recipients: [{ email: 'eve@x.org', name: 'Eve' }] }) }),
    reminder({
      id: 'bounced',
      status: 'notified',
      dueAt: T0 - HOUR,
      check: { at: T0 - HOUR, source: 'print-view', outcome: 'bounced', by: { email: 'mailer-daemon@googlemail.com' }, failures: 0 },
      thread: thread({ subject: 'Wrong address', recipients: [{ email: 'nobody@x.org' }] }),
    }),
    reminder({ id: 'owe', kind: 'owed-reply', status: 'notified', dueAt: T0 - HOUR, sentAt: T0 - DAY, thread: thread({ subject: 'Owed answer' }) }),
  ];
}

describe('"Write follow-up" in the popup', () => {
  it('comes first for a due reminder waiting for a reply; from the keyboard it asks the background and closes the dialog', async () => {
    const { bg } = await setup(withFollowUps());
    row('Invoice 42').focus();
    key('.');
    const dialog = screen.getByRole('dialog', { name: 'Actions for Invoice 42' });
    expect(focused().textContent).toBe('Write follow-up');
    expect(actionsOf().slice(0, 2)).toEqual(['Write follow-up', 'Open thread']);
    fireEvent.click(focused());
    expect(dialog.isConnected).toBe(false);
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.writeFollowUp', payload: { id: 'over1' } }]));
  });

  it('offered for an overdue pending one and a snoozed one; not before it is due, not for a bounce or an owed reply', async () => {
    await setup(withFollowUps());
    const offered = (subject: string) => {
      row(subject).focus();
      key('.');
      const has = actionsOf().includes('Write follow-up');
      fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
      return has;
    };
    expect(offered('Contract draft')).toBe(true);
    expect(offered('Snoozed offer')).toBe(true);
    expect(offered('Quarterly numbers')).toBe(false);
    expect(offered('Wrong address')).toBe(false);
    expect(offered('Owed answer')).toBe(false);
  });

  it('a refusal from the background (answered meanwhile) is said, not swallowed', async () => {
    const { bg } = await setup(withFollowUps());
    bg.failing.add('reminder.writeFollowUp');
    row('Invoice 42').focus();
    key('.');
    fireEvent.click(screen.getByRole('button', { name: 'Write follow-up' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^That didn't work: /));
  });
});
