// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lastSaved, renderOptions, sampleSettings } from './helpers';

afterEach(cleanup);

const DIGEST = 'Combine reminders due together into one summary (those missed while the browser was closed, and more than the number below)';
const SEPARATE = 'Separate notifications, each with Open and Snooze, for up to this many reminders due at the same time';
const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

describe('options: reply rules and notifications', () => {
  it('shows the stored values (auto-replies and reply notifications off by default)', async () => {
    await renderOptions({
      'settings.get': async () => ({ settings: sampleSettings((s) => ({ ...s, notifications: { requireInteraction: false, startupDigest: true } })) }),
    });
    expect(box('Treat automatic replies as replies').checked).toBe(false);
    expect(box('Notify me when someone replies').checked).toBe(false);
    expect(box('Keep notifications on screen until I act on them').checked).toBe(false);
    expect(box(DIGEST).checked).toBe(true);
    // Absent in stored settings: the default limit.
    expect((screen.getByLabelText(SEPARATE) as HTMLSelectElement).value).toBe('3');
  });

  it('saves the limit of separate notifications; it has no say while the digest is off', async () => {
    const { calls, form } = await renderOptions();
    const select = screen.getByLabelText(SEPARATE) as HTMLSelectElement;
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe('More become one summary that names them and opens the checklist.');
    fireEvent.change(select, { target: { value: '5' } });
    save();
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));
    expect(lastSaved(calls).notifications).toMatchObject({ startupDigest: true, separateUpTo: 5 });
    fireEvent.click(box(DIGEST));
    expect(select.disabled).toBe(true);
  });

  it('saves the toggles', async () => {
    const { calls, form } = await renderOptions();
    fireEvent.click(box('Treat automatic replies as replies'));
    fireEvent.click(box('Notify me when someone replies'));
    fireEvent.click(box('Keep notifications on screen until I act on them'));
    fireEvent.click(box(DIGEST));
    save();
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));
    const s = lastSaved(calls);
    expect(s.replies).toMatchObject({ autoRepliesCount: true, notifyOnReply: true });
    expect(s.notifications).toEqual({ requireInteraction: false, startupDigest: false });
    expect(box('Notify me when someone replies').checked).toBe(true);
  });

  it('moving reminders past a stated return is on by default and can be turned off', async () => {
    const { calls, form } = await renderOptions();
    const move = box('When an automatic answer says when the person is back, move the reminder to the first working hour after their return');
    expect(move.checked).toBe(true);
    fireEvent.click(move);
    save();
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));
    expect(lastSaved(calls).replies.moveToReturn).toBe(false);
  });

  it('submitting the form (Enter in a field) saves; the hint describes its checkbox', async () => {
    const { calls, form } = await renderOptions();
    const cb = box('Notify me when someone replies');
    expect(document.getElementById(cb.getAttribute('aria-describedby')!)?.textContent).toBe('Otherwise the reminder quietly moves to Replied.');
    fireEvent.click(cb);
    fireEvent.submit(form);
    await waitFor(() => expect(calls('settings.set')).toHaveLength(1));
  });
});
