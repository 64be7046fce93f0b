// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ThreadControlProps } from '../../../src/content/ui/ThreadControl';
import { renderThreadControl } from './helpers';

afterEach(cleanup);

const setup = (reminder: ThreadControlProps['reminder']) => renderThreadControl(reminder, { onSetRepeat: vi.fn() });

const open = () => {
  fireEvent.click(screen.getAllByRole('button')[0]!);
  return screen.getByRole('dialog');
};

describe('the thread control of a reminder in a follow-up chain', () => {
  it('shows where the chain stands and stops repeating in one click', () => {
    const props = setup({ status: 'pending', dueAt: 1, dueLabel: 'Thu 09:00', kind: 'no-reply', chain: 'Follow-up 1 of 3', repeat: true });
    const d = open();
    expect(within(d).getByText('Follow-up 1 of 3')).toBeTruthy();
    fireEvent.click(within(d).getByRole('button', { name: 'Stop repeating' }));
    expect(props.onSetRepeat).toHaveBeenCalledWith(false);
  });

  it('turns repeating on for a reminder that does not repeat', () => {
    const props = setup({ status: 'notified', dueAt: 1, dueLabel: 'Thu 09:00', kind: 'no-reply', repeat: false });
    fireEvent.click(within(open()).getByRole('button', { name: 'Repeat until answered' }));
    expect(props.onSetRepeat).toHaveBeenCalledWith(true);
  });

  it('no toggle without a chain to repeat (an owed reply); a reply says the chain ended', () => {
    setup({ status: 'pending', dueAt: 1, dueLabel: 'Thu 09:00', kind: 'owed-reply', owedTo: 'Bob' });
    expect(within(open()).queryByRole('button', { name: /repeat/i })).toBeNull();
    cleanup();
    setup({ status: 'replied', dueAt: 1, dueLabel: 'Thu 09:00', kind: 'no-reply', repliedBy: 'Bob', chain: 'Answered after 2 follow-ups — chain ended' });
    const d = open();
    expect(within(d).getByText('Answered after 2 follow-ups — chain ended')).toBeTruthy();
    expect(within(d).queryByRole('button', { name: /repeat/i })).toBeNull();
  });
});
