// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemindControl, type RemindControlProps } from '../../../src/content/ui/RemindControl';
import { Picker } from '../../../src/content/ui/Picker';
import { fakePreview, PRESET_LABELS, t } from './helpers';

afterEach(cleanup);

function setup(over: Partial<RemindControlProps> = {}) {
  const props: RemindControlProps = { t, lang: 'en', armed: null, defaultPreset: 'in-3-days', preview: fakePreview(), onArm: vi.fn(), onDisarm: vi.fn(), ...over };
  render(<RemindControl {...props} />);
  return props;
}

const open = () => {
  fireEvent.click(screen.getByRole('button', { name: /^Remind me/ }));
  return screen.getByRole('dialog');
};

describe('the kind choice in the compose picker', () => {
  it('is a labelled group of two radios, "If no reply" checked; the menu still starts at the first preset', () => {
    setup();
    const d = open();
    const group = within(d).getByRole('group', { name: 'Remind me' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(['If no reply', 'Regardless']);
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    expect(document.activeElement?.textContent).toMatch(/^Tomorrow/);
  });

  it('a pick made with "Regardless" carries kind "always"; the menu arrows skip the radios and leave their own arrows alone', async () => {
    const props = setup();
    const d = open();
    const regardless = within(d).getByRole('radio', { name: 'Regardless' }) as HTMLInputElement;
    regardless.focus();
    // An arrow on a radio is the radio's own (the browser moves the choice), not the menu's.
    const down = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    regardless.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(false);
    fireEvent.click(regardless);
    expect(regardless.checked).toBe(true);
    const tomorrow = within(d).getByRole('button', { name: /^Tomorrow/ });
    tomorrow.focus();
    fireEvent.keyDown(tomorrow, { key: 'ArrowUp' });
    expect((document.activeElement as HTMLInputElement).type).not.toBe('radio');
    fireEvent.click(within(d).getByRole('button', { name: /^In 2 days/ }));
    await vi.waitFor(() => expect(props.onArm).toHaveBeenCalledTimes(1));
    expect(props.onArm).toHaveBeenCalledWith({ due: { preset: 'in-2-days' }, label: expect.any(String), at: expect.any(Number), kind: 'always' });
  });

  it('armed "regardless": the button says so, its name too, and the picker opens on "Regardless"', () => {
    setup({ armed: { due: { preset: 'in-2-days' }, label: 'Fri 9:00', at: 1, kind: 'always' } });
    const button = screen.getByRole('button', { name: /Regardless/i });
    expect(button.textContent).toContain('Regardless: \u2068Fri 9:00\u2069');
    expect(button.getAttribute('title')).toBe('Remind me regardless of replies');
    fireEvent.click(button);
    expect((screen.getByRole('radio', { name: 'Regardless' }) as HTMLInputElement).checked).toBe(true);
  });

  it('switching back to "If no reply" drops the kind from the next pick', () => {
    const onPick = vi.fn();
    render(<Picker t={t} lang="en" defaultPreset="tomorrow" preview={fakePreview()} onPick={onPick} kinds="no-reply" initialKind="always" />);
    fireEvent.click(screen.getByRole('radio', { name: 'If no reply' }));
    fireEvent.click(screen.getByRole('button', { name: /^Tomorrow/ }));
    return vi.waitFor(() => expect(onPick).toHaveBeenCalledWith({ due: { preset: 'tomorrow' }, label: PRESET_LABELS.tomorrow, at: expect.any(Number) }));
  });

  it('snooze and change pickers offer no kind', () => {
    render(<Picker t={t} lang="en" defaultPreset="tomorrow" preview={fakePreview()} onPick={vi.fn()} presetsOnly />);
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
