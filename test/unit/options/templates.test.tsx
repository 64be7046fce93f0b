// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestFailedError } from '../../../src/core/protocol/client';
import type { Reminder } from '../../../src/core/reminder';
import { formatSentDate } from '../../../src/core/templates/context';
import { lastSaved, renderOptions, sampleSettings, type Handlers } from './helpers';

afterEach(cleanup);

const DAY = 86_400_000;
const section = () => screen.getByRole('region', { name: 'Follow-up templates' });
const inSection = () => within(section());
const list = () => inSection().getByRole('list', { name: 'Templates' });
const rows = () => within(list()).getAllByRole('listitem').map((li) => li.querySelector('.tpl-name')?.textContent ?? '');
const preview = () => document.getElementById('tpl-preview-text')!.textContent ?? '';
const body = () => inSection().getByLabelText('Text') as HTMLTextAreaElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
/** The stored reminders have arrived (the page is slow to render on a busy machine: a generous wait). */
const previewReady = () => waitFor(() => expect(inSection().getByLabelText('Preview with your reminder')).toBeTruthy(), { timeout: 5000 });
const saved = (form: HTMLElement) => waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));

function stored(id: string, subject: string, recipients: Reminder['thread']['recipients'], sentAt: number): Reminder {
  return {
    id,
    account: 'me@example.com',
    thread: { provider: 'gmail', threadId: 'abc', subject, recipients },
    threadKey: 'gmail:abc',
    kind: 'no-reply',
    status: 'pending',
    sentAt,
    dueAt: sentAt + 3 * DAY,
    createdAt: sentAt,
    updatedAt: sentAt,
    rev: 1,
    history: [],
  };
}

const SENT = Date.now() - 4 * DAY;
const REMINDERS = [
  stored('r1', 'Re: Quote for the kitchen', [{ email: 'jane@example.com', name: 'Doe, Jane' }], SENT),
  stored('r2', 'Contract', [{ email: 'bob@example.org' }], SENT - DAY),
];
const withReminders = (reminders: Reminder[] = REMINDERS): Handlers => ({
  'reminder.list': async () => ({ sections: { upcoming: reminders }, counts: {}, now: Date.now() }),
});

describe('options: follow-up templates', () => {
  it('lists the built-ins (German in Sie), opens the default, previews it on the first stored reminder', async () => {
    await renderOptions(withReminders());
    expect(rows()).toEqual([
      'Short (built-in) · English',
      'Friendly (built-in) · English',
      'Firm (built-in) · English',
      'Short (built-in) · German (Sie)',
      'Friendly (built-in) · German (Sie)',
      'Firm (built-in) · German (Sie)',
    ]);
    expect(inSection().getByRole('heading', { name: 'Friendly (built-in)' })).toBeTruthy();
    expect(body().readOnly).toBe(true);
    expect(inSection().queryByLabelText('Name')).toBeNull();
    await previewReady();
    expect(preview()).toMatch(/^Hi Jane,\n\nI hope you are well\./);
    expect(preview()).toContain(`my email from ${formatSentDate(SENT, Date.now(), 'Europe/Berlin', 'en')} —`);
    expect((inSection().getByLabelText('Preview with your reminder') as HTMLSelectElement).value).toBe('r1');
    expect((inSection().getByLabelText('Template for English follow-ups') as HTMLSelectElement).value).toBe('builtin:en:friendly');
    expect((inSection().getByLabelText('Template for German follow-ups') as HTMLSelectElement).value).toBe('builtin:de-sie:friendly');
  });

  it('the preview follows the chosen reminder, the open template and my name as I type it', async () => {
    await renderOptions(withReminders());
    await previewReady();
    fireEvent.change(inSection().getByLabelText('Preview with your reminder'), { target: { value: 'r2' } });
    expect(preview()).toMatch(/^Hi,\n\nI hope/);
    fireEvent.click(inSection().getByRole('button', { name: 'Show Firm (built-in), German (Sie)' }));
    expect(preview()).toMatch(/^Guten Tag,\n\nauf meine E-Mail vom .* habe ich leider noch keine Antwort erhalten\. Bitte geben Sie mir/);
    expect(preview().endsWith('Mit freundlichen Grüßen')).toBe(true);
    fireEvent.input(inSection().getByLabelText('Your name for the sign-off'), { target: { value: 'Max Muster' } });
    expect(preview().endsWith('Mit freundlichen Grüßen\nMax Muster')).toBe(true);
  });

  it('without stored reminders the preview says it uses a sample', async () => {
    await renderOptions(withReminders([]));
    await waitFor(() => expect(inSection().getByText('Sample reminder: you have no stored reminders yet.')).toBeTruthy());
    expect(preview()).toMatch(/^Hi Jane,/);
    expect(inSection().queryByLabelText('Preview with your reminder')).toBeNull();
    cleanup();
    await renderOptions({ 'reminder.list': async () => Promise.reject(new RequestFailedError({ code: 'internal', message: 'db' })) });
    await waitFor(() => expect(inSection().getByText('Your reminders could not be read; the preview uses a sample reminder.')).toBeTruthy());
  });

  it('duplicates a built-in, edits it, inserts placeholders at the cursor, flags unknown ones, and saves it as the default', async () => {
    const { calls, form } = await renderOptions(withReminders());
    await previewReady();
    fireEvent.click(inSection().getByRole('button', { name: 'Duplicate to edit: Short (built-in), English' }));
    const name = inSection().getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Short (copy)');
    // The keyboard goes to the new template's name, ready to type over it.
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect([name.selectionStart, name.selectionEnd]).toEqual([0, name.value.length]);
    fireEvent.input(name, { target: { value: 'Quick nudge' } });
    expect(inSection().getByRole('heading', { name: 'Edit “Quick nudge”' })).toBeTruthy();

    fireEvent.input(body(), { target: { value: 'Hello , about .' } });
    body().setSelectionRange(6, 6);
    fireEvent.click(within(inSection().getByRole('group', { name: 'Insert a placeholder at the cursor' })).getByRole('button', { name: '{firstName} first name' }));
    expect(body().value).toBe('Hello {firstName}, about .');
    expect(document.activeElement).toBe(body());
    expect(body().selectionStart).toBe(17);
    body().setSelectionRange(25, 25);
    fireEvent.click(inSection().getByRole('button', { name: '{subject} subject' }));
    expect(body().value).toBe('Hello {firstName}, about {subject}.');
    expect(preview()).toBe('Hello Jane, about Quote for the kitchen.');

    fireEvent.input(body(), { target: { value: `${body().value} {firstname} {foo}` } });
    expect(inSection().getByText('Not a placeholder, stays as typed: {firstname} {foo}')).toBeTruthy();
    expect(body().getAttribute('aria-describedby')).toContain('tpl-body-unknown');
    expect(preview()).toBe('Hello Jane, about Quote for the kitchen. {firstname} {foo}');

    const english = inSection().getByLabelText('Template for English follow-ups') as HTMLSelectElement;
    const id = [...english.options].find((o) => o.textContent === 'Quick nudge')!.value;
    fireEvent.change(english, { target: { value: id } });
    save();
    await saved(form);
    const templates = lastSaved(calls).templates;
    expect(templates.custom).toEqual([{ id, name: 'Quick nudge', locale: 'en', tone: 'short', body: 'Hello {firstName}, about {subject}. {firstname} {foo}' }]);
    expect(id).toMatch(/^custom:[0-9a-f-]{36}$/);
    expect(templates.selected).toEqual({ en: id, de: 'builtin:de-sie:friendly' });
  });

  it('a template moved to German gets a form of address; the German list and defaults follow Sie/du', async () => {
    const { calls, form } = await renderOptions(withReminders());
    fireEvent.click(inSection().getByRole('button', { name: 'New template' }));
    fireEvent.change(inSection().getByLabelText('Language'), { target: { value: 'de' } });
    expect((inSection().getByLabelText('Form of address') as HTMLSelectElement).value).toBe('sie');
    fireEvent.change(inSection().getByLabelText('Form of address'), { target: { value: 'du' } });
    fireEvent.click(inSection().getByRole('radio', { name: 'du (informal)' }));
    expect(rows().filter((r) => r.includes('German'))).toEqual([
      'Short (built-in) · German (du)',
      'Friendly (built-in) · German (du)',
      'Firm (built-in) · German (du)',
      'My follow-up · German (du) · Friendly',
    ]);
    expect((inSection().getByLabelText('Template for German follow-ups') as HTMLSelectElement).value).toBe('builtin:de-du:friendly');
    save();
    await saved(form);
    const templates = lastSaved(calls).templates;
    expect(templates.germanAddress).toBe('du');
    expect(templates.selected.de).toBe('builtin:de-du:friendly');
    expect(templates.custom).toMatchObject([{ name: 'My follow-up', locale: 'de', address: 'du', tone: 'friendly' }]);
  });

  it('deletes a template with undo, which puts back its place and its role as the default', async () => {
    const mine = (n: number) => ({ id: `custom:m${n}`, name: `Mine ${n}`, locale: 'en' as const, tone: 'short' as const, body: `Body ${n}` });
    const settings = sampleSettings((s) => ({ ...s, templates: { ...s.templates, selected: { en: 'custom:m1', de: 'builtin:de-sie:short' }, custom: [mine(1), mine(2)] } }));
    const { calls, form } = await renderOptions({ ...withReminders(), 'settings.get': async () => ({ settings }) });
    fireEvent.click(inSection().getByRole('button', { name: 'Delete Mine 1' }));
    expect(rows().some((r) => r.startsWith('Mine 1'))).toBe(false);
    expect((inSection().getByLabelText('Template for English follow-ups') as HTMLSelectElement).value).toBe('builtin:en:friendly');
    expect(inSection().getByText(/Deleted “Mine 1”\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
    fireEvent.click(inSection().getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.activeElement).toBe(inSection().getByLabelText('Name')));
    expect((inSection().getByLabelText('Name') as HTMLInputElement).value).toBe('Mine 1');
    expect(rows().filter((r) => r.startsWith('Mine')).map((r) => r.split(' · ')[0])).toEqual(['Mine 1', 'Mine 2']);
    expect((inSection().getByLabelText('Template for English follow-ups') as HTMLSelectElement).value).toBe('custom:m1');
    fireEvent.click(inSection().getByRole('button', { name: 'Delete Mine 2' }));
    save();
    await saved(form);
    expect(lastSaved(calls).templates).toMatchObject({ selected: { en: 'custom:m1' }, custom: [mine(1)] });
  });

  it('an empty or too long name and a too long text block saving, with the field marked', async () => {
    const { calls } = await renderOptions(withReminders());
    fireEvent.click(inSection().getByRole('button', { name: 'New template' }));
    fireEvent.input(inSection().getByLabelText('Name'), { target: { value: '  ' } });
    expect(inSection().getByText('Give the template a name.')).toBeTruthy();
    fireEvent.input(body(), { target: { value: 'x'.repeat(2001) } });
    expect(inSection().getByText('2,001 of 2,000 characters')).toBeTruthy();
    expect(body().getAttribute('aria-invalid')).toBe('true');
    expect(inSection().getByText('needs fixing')).toBeTruthy();
    save();
    await waitFor(() => expect(screen.getByText('Not saved: please correct the marked fields.')).toBeTruthy());
    expect(calls('settings.set')).toHaveLength(0);
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(inSection().getByLabelText('Name'), { target: { value: 'n'.repeat(61) } });
    expect(inSection().getByText('Too long: at most 60 characters.')).toBeTruthy();
  });

  it('offers no new template once there are 30 of the user’s own', async () => {
    const custom = Array.from({ length: 30 }, (_, i) => ({ id: `custom:${i}`, name: `T${i}`, locale: 'en' as const, tone: 'firm' as const, body: 'b' }));
    const settings = sampleSettings((s) => ({ ...s, templates: { ...s.templates, custom } }));
    await renderOptions({ ...withReminders(), 'settings.get': async () => ({ settings }) });
    expect((inSection().getByRole('button', { name: 'New template' }) as HTMLButtonElement).disabled).toBe(true);
    expect(inSection().getByText('You have 30 templates of your own, the most there can be. Delete one to add another.')).toBeTruthy();
    expect((inSection().getByRole('button', { name: 'Duplicate to edit: Firm (built-in), English' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
