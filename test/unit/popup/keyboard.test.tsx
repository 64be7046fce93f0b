// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ids, row, sample, setup } from './helpers';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;
const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(focused(), { key: k, ...init });

describe('Keyboard', () => {
  it('has one tab stop in the list (roving focus) and moves with the arrows, skipping headings', async () => {
    await setup(sample());
    const tabbable = [...document.querySelectorAll<HTMLElement>('.row')].filter((r) => r.tabIndex === 0);
    expect(tabbable.map((r) => r.dataset.id)).toEqual(['over1']);
    // Inactive rows' controls are out of the tab order too.
    expect(within(row('Lunch?')).getByRole('checkbox', { name: /^Mark done/ }).tabIndex).toBe(-1);
    row('Invoice 42').focus();
    key('ArrowDown');
    expect(focused().dataset.id).toBe('over2');
    key('ArrowDown');
    expect(focused().dataset.id).toBe('today1');
    expect(focused().tabIndex).toBe(0);
    expect(row('Invoice 42').tabIndex).toBe(-1);
    key('ArrowUp');
    expect(focused().dataset.id).toBe('over2');
    key('End');
    expect(focused().dataset.id).toBe('done1');
    key('Home');
    expect(focused().dataset.id).toBe('over1');
    key('ArrowUp');
    expect(focused().dataset.id).toBe('over1');
  });

  it('Space checks off (focus moves on to the next row), Enter opens the thread', async () => {
    const { bg } = await setup(sample());
    row('Lunch?').focus();
    key('Enter');
    await waitFor(() => expect(bg.writes()).toEqual([{ type: 'reminder.open', payload: { id: 'today1' } }]));
    key(' ');
    await waitFor(() => expect(bg.writes().slice(1)).toEqual([{ type: 'reminder.done', payload: { id: 'today1' } }]));
    expect(focused().dataset.id).toBe('up1');
    await waitFor(() => expect(document.querySelector<HTMLElement>('[data-id=today1]')!.dataset.section).toBe('done'));
    expect(focused().dataset.id).toBe('up1');
  });

  it('Delete deletes with Undo and keeps focus in the list', async () => {
    const { bg } = await setup(sample());
    row('Quarterly numbers').focus();
    key('Delete');
    await waitFor(() => expect(ids()).not.toContain('up1'));
    expect(focused().dataset.id).toBe('up2');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(ids()).toContain('up1'));
    expect(bg.writes().map((w) => w.type)).toEqual(['reminder.delete', 'reminder.restore']);
  });

  it('x selects, "." opens the actions, Escape closes them and focus returns to the row', async () => {
    await setup(sample());
    row('Invoice 42').focus();
    key('x');
    expect(screen.getByRole('group', { name: 'Selected reminders' }).textContent).toContain('1 selected');
    key('.');
    const d = screen.getByRole('dialog', { name: 'Actions for Invoice 42' });
    // A due reminder waiting for a reply: "Write follow-up" comes first.
    expect(focused().textContent).toBe('Write follow-up');
    key('ArrowDown');
    expect(focused().textContent).toBe('Open thread');
    key('ArrowDown');
    expect(focused().textContent).toBe('Snooze…');
    fireEvent.keyDown(d, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(focused().dataset.id).toBe('over1');
  });

  it('"/" focuses search; ArrowDown from search goes back to the list', async () => {
    await setup(sample());
    row('Lunch?').focus();
    key('/');
    expect(focused()).toBe(screen.getByRole('searchbox'));
    fireEvent.input(focused(), { target: { value: '/' } });
    key('/');
    expect(focused()).toBe(screen.getByRole('searchbox'));
    fireEvent.input(focused(), { target: { value: '' } });
    key('ArrowDown');
    expect(focused().dataset.id).toBe('today1');
  });

  it('labels each row for screen readers, and the controls within it', async () => {
    await setup(sample());
    const r = row('Invoice 42');
    expect(r.getAttribute('aria-label')).toBe('Invoice 42, to Ann, 3 days overdue');
    expect(r.getAttribute('aria-posinset')).toBe('1');
    expect(r.getAttribute('aria-setsize')).toBe('7');
    expect(within(r).getByRole('checkbox', { name: 'Select Invoice 42' })).toBeTruthy();
    expect(within(r).getByRole('button', { name: 'More actions for Invoice 42' }).getAttribute('aria-haspopup')).toBe('dialog');
  });
});
