// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lastSaved, renderOptions } from './helpers';

afterEach(cleanup);

const field = <T extends HTMLElement>(label: string | RegExp) => screen.getByLabelText(label) as T;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

describe('options: follow-ups until answered', () => {
  it('shows the defaults: repeat on, 3, 7, 14 days, at most 3', async () => {
    await renderOptions();
    const group = screen.getByRole('group', { name: 'Follow-ups until answered' });
    expect((within(group).getByLabelText('New reminders repeat until answered') as HTMLInputElement).checked).toBe(true);
    expect(field<HTMLInputElement>('Days to wait before each follow-up').value).toBe('3, 7, 14');
    expect(field<HTMLInputElement>('At most this many follow-ups').value).toBe('3');
    expect(describedBy(field('Days to wait before each follow-up'))).toContain('the last one repeats');
  });

  it('saves edited steps, cap and repeat', async () => {
    const { calls, form } = await renderOptions();
    fireEvent.input(field('Days to wait before each follow-up'), { target: { value: '2, 4 ,8,16' } });
    fireEvent.input(field('At most this many follow-ups'), { target: { value: '5' } });
    fireEvent.click(field('New reminders repeat until answered'));
    save();
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));
    expect(lastSaved(calls).followUps).toEqual({ repeat: false, steps: [2, 4, 8, 16], cap: 5 });
  });

  it.each([
    ['a day out of range', '3, 91', 'steps'],
    ['zero days', '0', 'steps'],
    ['not a number', '3, soon', 'steps'],
    ['nothing', '', 'steps'],
    ['seven steps', '1, 2, 3, 4, 5, 6, 7', 'steps'],
  ])('refuses %s with an error at the field and saves nothing', async (_label, value) => {
    const { calls } = await renderOptions();
    const input = field<HTMLInputElement>('Days to wait before each follow-up');
    fireEvent.input(input, { target: { value } });
    // What the user typed stays as typed.
    expect(input.value).toBe(value);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(input)).toContain('Enter 1 to 6 whole numbers of days from 1 to 90');
    save();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls('settings.set')).toHaveLength(0);
  });

  it.each([['0'], ['11'], ['2.5'], ['']])('refuses a cap of "%s"', async (value) => {
    const { calls } = await renderOptions();
    const input = field<HTMLInputElement>('At most this many follow-ups');
    fireEvent.input(input, { target: { value } });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(input)).toContain('Enter a whole number from 1 to 10');
    save();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls('settings.set')).toHaveLength(0);
  });

  it('the German texts of follow-ups address the user with "Sie", never "du"', () => {
    const de = JSON.parse(readFileSync('public/_locales/de/messages.json', 'utf8')) as Record<string, { message: string }>;
    const ours = Object.entries(de).filter(([k]) => /^(optFollowUps|chain|notifChain|actionRepeat|actionStopRepeat|snackRepeat)/.test(k));
    expect(ours.length).toBeGreaterThanOrEqual(19);
    for (const [key, { message }] of ours) expect(message, key).not.toMatch(/\b(du|dich|dir|dein\w*)\b/i);
    expect(de['optFollowUpsStepsHint']!.message).toContain('Ihrer Nachricht');
  });
});
