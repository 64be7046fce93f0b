// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lastSaved, renderOptions } from './helpers';

afterEach(cleanup);

const account = (name: string) => screen.getByRole('group', { name });
const aliasInput = (name: string) => within(account(name)).getByLabelText('Add an alias address') as HTMLInputElement;
const addAlias = (name: string, value: string) => {
  fireEvent.input(aliasInput(name), { target: { value } });
  fireEvent.click(within(account(name)).getByRole('button', { name: 'Add' }));
};
const aliasesOf = (name: string) =>
  within(account(name))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('span')?.textContent);
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
const saved = (form: HTMLElement) => waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Saved'));

describe('options: addresses', () => {
  it('lists the accounts Gmail reported and those with aliases, each with its aliases', async () => {
    await renderOptions();
    await waitFor(() => expect(account('second@example.org')).toBeTruthy());
    expect(aliasesOf('me@example.com')).toEqual(['me@work.example']);
    expect(aliasesOf('second@example.org')).toEqual([]);
    expect(within(account('second@example.org')).getByText('No aliases: only the account address counts as yours.')).toBeTruthy();
    expect((screen.getByLabelText('Treat me+anything@example.com as me@example.com') as HTMLInputElement).checked).toBe(false);
  });

  it('adds (lower-cased) and removes aliases and saves them per account', async () => {
    const { calls, form } = await renderOptions();
    await waitFor(() => expect(account('second@example.org')).toBeTruthy());
    addAlias('second@example.org', '  Boss@Example.ORG ');
    expect(aliasesOf('second@example.org')).toEqual(['boss@example.org']);
    expect(aliasInput('second@example.org').value).toBe('');
    fireEvent.click(within(account('me@example.com')).getByRole('button', { name: 'Remove me@work.example' }));
    expect(aliasesOf('me@example.com')).toEqual([]);
    fireEvent.click(screen.getByLabelText('Treat me+anything@example.com as me@example.com'));
    save();
    await saved(form);
    expect(lastSaved(calls).replies).toEqual({
      aliases: { 'me@example.com': [], 'second@example.org': ['boss@example.org'] },
      plusAddressing: true,
      autoRepliesCount: false,
      notifyOnReply: false,
      moveToReturn: true,
    });
  });

  it('refuses a bad, duplicate or own address with a message next to the field', async () => {
    const { calls } = await renderOptions();
    const input = () => aliasInput('me@example.com');
    const error = () => document.getElementById(input().getAttribute('aria-describedby')!)?.textContent;
    for (const [value, message] of [
      ['not an address', 'Enter an email address like name@example.com.'],
      ['me@nowhere', 'Enter an email address like name@example.com.'],
      ['<me@x.com>', 'Enter an email address like name@example.com.'],
      ['ME@work.example', 'This address is already listed.'],
      ['me@example.com', 'This is the account itself; it always counts as yours.'],
    ] as const) {
      addAlias('me@example.com', value);
      expect(error(), value).toBe(message);
      expect(input().getAttribute('aria-invalid')).toBe('true');
      expect(aliasesOf('me@example.com')).toEqual(['me@work.example']);
    }
    fireEvent.input(input(), { target: { value: 'me2@work.example' } });
    expect(input().getAttribute('aria-invalid')).toBeNull();
    expect(calls('settings.set')).toHaveLength(0);
  });

  it('adds with Enter without submitting the form', async () => {
    const { calls } = await renderOptions();
    fireEvent.input(aliasInput('me@example.com'), { target: { value: 'other@example.com' } });
    fireEvent.keyDown(aliasInput('me@example.com'), { key: 'Enter' });
    expect(aliasesOf('me@example.com')).toEqual(['me@work.example', 'other@example.com']);
    expect(calls('settings.set')).toHaveLength(0);
  });

  it('adds an account Gmail has not reported yet', async () => {
    const { calls, form } = await renderOptions({ 'diagnostics.get': async () => Promise.reject(new Error('down')) });
    const input = screen.getByLabelText('Add another Gmail account') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'bad' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: 'New@Example.net' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    addAlias('new@example.net', 'alias@example.net');
    save();
    await saved(form);
    expect(lastSaved(calls).replies.aliases).toEqual({ 'me@example.com': ['me@work.example'], 'new@example.net': ['alias@example.net'] });
  });
});
