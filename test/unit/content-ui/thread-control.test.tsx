// @vitest-environment happy-dom
import type { ReminderStatus } from '../../../src/core/reminder';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadControlProps } from '../../../src/content/ui/ThreadControl';
import { plain, PRESET_LABELS, renderThreadControl } from './helpers';

afterEach(cleanup);

const existing = { status: 'pending' as ReminderStatus, dueAt: 1_765_000_000_000, dueLabel: 'Thu 09:00' };

const setup = (reminder: ThreadControlProps['reminder']) => renderThreadControl(reminder);

const dialog = (name: string) => screen.getByRole('dialog', { name });
const labelsShown = (d: HTMLElement) =>
  waitFor(() => expect(plain(within(d).getByRole('button', { name: /^Tomorrow/ }).textContent)).toContain(PRESET_LABELS.tomorrow));

describe('ThreadControl', () => {
  it('is a disabled, busy button while the reminder loads', () => {
    setup('loading');
    const button = screen.getByRole('button', { name: 'Reminder…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });

  it('says so when the reminder could not be loaded', () => {
    setup('error');
    const button = screen.getByRole('button', { name: 'Reminder unavailable' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('false');
  });

  it('without a reminder offers the picker to add one after the fact', async () => {
    const props = setup(null);
    const button = screen.getByRole('button', { name: 'Remind me' });
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    fireEvent.click(button);
    const d = dialog('Remind me if no reply');
    expect(within(d).getByLabelText(/Type a time/)).toBeTruthy();
    await labelsShown(d);
    fireEvent.click(within(d).getByRole('button', { name: /^In 2 days/ }));
    expect(props.onCreate).toHaveBeenCalledWith({ due: { preset: 'in-2-days' }, label: PRESET_LABELS['in-2-days'], at: expect.any(Number) });
    expect(document.activeElement).toBe(button);
  });

  it.each<ReminderStatus>(['done', 'cancelled'])('treats a %s reminder like none', (status) => {
    setup({ ...existing, status });
    expect(screen.getByRole('button', { name: 'Remind me' })).toBeTruthy();
  });

  it('with a reminder shows its due time and offers change, snooze and remove', () => {
    setup(existing);
    const button = screen.getByRole('button', { name: /^Reminder:/ });
    expect(plain(button.textContent)).toBe('Reminder: Thu 09:00');
    expect(button.className).toContain('armed');
    fireEvent.click(button);
    const items = within(dialog('Reminder for this thread')).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual(['Change due time', 'Snooze', 'Remove reminder']);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1]!, { key: 'End' });
    expect(document.activeElement).toBe(items[2]);
  });

  it('changes the due time with the full picker', async () => {
    const props = setup({ ...existing, status: 'notified' });
    fireEvent.click(screen.getByRole('button', { name: /^Reminder:/ }));
    const d = dialog('Reminder for this thread');
    fireEvent.click(within(d).getByRole('button', { name: 'Change due time' }));
    const first = within(d).getByRole('button', { name: /^Tomorrow/ });
    expect(document.activeElement).toBe(first);
    fireEvent.input(within(d).getByLabelText(/Type a time/), { target: { value: 'friday 3pm' } });
    await within(d).findByText(/^Remind on/);
    fireEvent.click(within(d).getByRole('button', { name: 'Use this time' }));
    expect(props.onChange).toHaveBeenCalledWith({ due: { at: 1_800_000_000_000 }, label: 'Tue 10:00', at: expect.any(Number) });
    expect(props.onSnooze).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('snoozes with the presets only', async () => {
    const props = setup({ ...existing, status: 'snoozed' });
    fireEvent.click(screen.getByRole('button', { name: /^Reminder:/ }));
    const d = dialog('Reminder for this thread');
    fireEvent.click(within(d).getByRole('button', { name: 'Snooze' }));
    expect(within(d).getByText('Snooze until')).toBeTruthy();
    expect(within(d).queryByLabelText(/Type a time/)).toBeNull();
    expect(within(d).queryByRole('button', { name: 'Use this time' })).toBeNull();
    await labelsShown(d);
    fireEvent.click(within(d).getByRole('button', { name: /^Next week/ }));
    expect(props.onSnooze).toHaveBeenCalledWith({ due: { preset: 'next-week' }, label: PRESET_LABELS['next-week'], at: expect.any(Number) });
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('removes the reminder and gives focus back', () => {
    const props = setup(existing);
    const button = screen.getByRole('button', { name: /^Reminder:/ });
    fireEvent.click(button);
    fireEvent.click(within(dialog('Reminder for this thread')).getByRole('button', { name: 'Remove reminder' }));
    expect(props.onCancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens on the action list again after Escape', () => {
    setup(existing);
    const button = screen.getByRole('button', { name: /^Reminder:/ });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Snooze' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(screen.getByRole('button', { name: 'Change due time' })).toBeTruthy();
  });
});

describe('ThreadControl after a reply', () => {
  const replied = { ...existing, status: 'replied' as ReminderStatus, repliedBy: 'Alice Example', repliedAt: 'Tue 3 Jun, 10:12' };

  it('says who replied and when, not as armed', () => {
    setup(replied);
    const button = screen.getByRole('button', { name: /^Replied:/ });
    expect(plain(button.textContent)).toBe('Replied: Alice Example · Tue 3 Jun, 10:12');
    expect(button.className).not.toContain('armed');
  });

  it('isolates the name and the date one by one (a right-to-left name keeps the date after it)', () => {
    setup({ ...replied, repliedBy: 'سارة' });
    const text = screen.getByRole('button', { name: /^Replied:/ }).textContent;
    expect(text).toBe('Replied: \u2068سارة\u2069 · \u2068Tue 3 Jun, 10:12\u2069');
  });

  it.each<[string, Partial<typeof replied>, string]>([
    ['only the sender', { repliedAt: undefined }, 'Replied: Alice Example'],
    ['only the time', { repliedBy: undefined }, 'Replied: Tue 3 Jun, 10:12'],
    ['neither', { repliedBy: undefined, repliedAt: undefined }, 'Replied'],
  ])('with %s known', (_, over, text) => {
    setup({ ...replied, ...over });
    expect(plain(screen.getByRole('button', { name: /^Replied/ }).textContent)).toBe(text);
  });

  it('"That wasn\'t a real reply" calls onNotReply and gives focus back', () => {
    const props = setup(replied);
    const button = screen.getByRole('button', { name: /^Replied:/ });
    fireEvent.click(button);
    const items = within(dialog('Reminder for this thread')).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual(["That wasn't a real reply", 'That was an automatic answer', 'New reminder']);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.click(items[0]!);
    expect(props.onNotReply).toHaveBeenCalledOnce();
    expect(props.onCancel).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('"That was an automatic answer" calls onAutoAnswer, not onNotReply', () => {
    const props = setup({ ...replied, note: 'Bob replied — it might be an automatic answer' });
    fireEvent.click(screen.getByRole('button', { name: /^Replied:/ }));
    const d = dialog('Reminder for this thread');
    expect(within(d).getByRole('note').textContent).toBe('Bob replied — it might be an automatic answer');
    fireEvent.click(within(d).getByRole('button', { name: 'That was an automatic answer' }));
    expect(props.onAutoAnswer).toHaveBeenCalledOnce();
    expect(props.onNotReply).not.toHaveBeenCalled();
  });

  it('a waiting reminder shows what an automatic answer said above its menu', () => {
    setup({ ...existing, note: "Bob's automatic reply — out of office until Nov 30 — didn't count" });
    fireEvent.click(screen.getByRole('button', { name: /Thu 09:00/ }));
    expect(within(dialog('Reminder for this thread')).getByRole('note').textContent).toBe("Bob's automatic reply — out of office until Nov 30 — didn't count");
  });

  it('a new reminder still replaces the replied one, with the full picker', async () => {
    const props = setup(replied);
    fireEvent.click(screen.getByRole('button', { name: /^Replied:/ }));
    const d = dialog('Reminder for this thread');
    fireEvent.click(within(d).getByRole('button', { name: 'New reminder' }));
    expect(within(d).getByLabelText(/Type a time/)).toBeTruthy();
    await labelsShown(d);
    fireEvent.click(within(d).getByRole('button', { name: /^Tomorrow/ }));
    expect(props.onCreate).toHaveBeenCalledWith({ due: { preset: 'tomorrow' }, label: PRESET_LABELS.tomorrow, at: expect.any(Number) });
    expect(props.onNotReply).not.toHaveBeenCalled();
  });
});
