// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemindControl, type RemindControlProps } from '../../../src/content/ui/RemindControl';
import type { PreviewResult } from '../../../src/content/ui/types';
import { deferred, fakePreview, ok, plain, PRESET_LABELS, t, textCalls } from './helpers';

afterEach(cleanup);

function setup(over: Partial<RemindControlProps> = {}) {
  const props: RemindControlProps = {
    t,
    lang: 'en',
    armed: null,
    defaultPreset: 'in-3-days',
    preview: fakePreview(),
    onArm: vi.fn(),
    onDisarm: vi.fn(),
    ...over,
  };
  const view = render(<RemindControl {...props} />);
  const button = screen.getByRole('button', { name: props.armed ? /^If no reply:/ : 'Remind me' });
  return { props, view, button };
}

const menu = () => screen.getByRole('dialog', { name: 'Remind me if no reply' });
const presetButton = (name: string) => within(menu()).getByRole('button', { name: new RegExp(`^${name}`) });
/** Waits until every preset shows its previewed time. */
const labelsShown = () => waitFor(() => expect(plain(presetButton('Tomorrow').textContent)).toContain(PRESET_LABELS.tomorrow));

describe('RemindControl: button and menu', () => {
  it('is a collapsed popup button with an icon and a short text', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('title')).toBe('Remind me if no reply');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens by mouse with every preset, the default marked, and focuses the first item', async () => {
    const { button } = setup();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const names = within(menu()).getByRole('group', { name: 'Quick choices' }).querySelectorAll('button');
    expect([...names].map((b) => b.firstChild?.textContent)).toEqual(['Tomorrow', 'In 2 days', 'In 3 days', 'In 1 week', 'Next week', 'In 2 weeks']);
    expect(presetButton('In 3 days').textContent).toContain('default');
    expect(presetButton('Tomorrow').textContent).not.toContain('default');
    expect(document.activeElement).toBe(presetButton('Tomorrow'));
    await labelsShown();
    expect(plain(presetButton('Next week').textContent)).toContain(PRESET_LABELS['next-week']);
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens with ArrowDown, moves with the arrows, closes with Escape and gives focus back', () => {
    const { button } = setup();
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(presetButton('Tomorrow'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(presetButton('In 2 days'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    // Wraps to the last enabled item: the text field ("Use this time" is disabled until a time is shown).
    expect(document.activeElement).toBe(screen.getByLabelText(/Type a time/));
    // Home and End stay with the text field; the arrows wrap around.
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(screen.getByLabelText(/Type a time/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(presetButton('Tomorrow'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByLabelText(/Type a time/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(presetButton('Tomorrow'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('opens with Enter and Space, as a native button does (click)', () => {
    const { button } = setup();
    button.focus();
    // happy-dom does not synthesise the click a browser makes for Enter/Space on a button.
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.click(button);
    expect(menu()).toBeTruthy();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    fireEvent.keyUp(button, { key: ' ' });
    fireEvent.click(button);
    expect(menu()).toBeTruthy();
  });

  it('arrows reach the inputs, but the date-time field keeps its own arrows', () => {
    const { button } = setup();
    fireEvent.click(button);
    const custom = screen.getByLabelText('Custom date and time');
    const text = screen.getByLabelText('Type a time, e.g. next Monday 9am');
    presetButton('In 2 weeks').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(custom);
    fireEvent.keyDown(custom, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(custom);
    text.focus();
    fireEvent.keyDown(text, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(custom);
  });

  it('closes on a click outside and when focus leaves it', () => {
    const outside = document.body.appendChild(document.createElement('button'));
    const { button } = setup();
    fireEvent.click(button);
    fireEvent.mouseDown(presetButton('Tomorrow'));
    expect(menu()).toBeTruthy();
    fireEvent.mouseDown(outside);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(button);
    fireEvent.focusOut(presetButton('Tomorrow'), { relatedTarget: outside });
    expect(screen.queryByRole('dialog')).toBeNull();
    outside.remove();
  });

  it('keeps keys and clicks from reaching Gmail (its shortcuts and handlers)', () => {
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    document.addEventListener('click', seen);
    const { button } = setup();
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByLabelText(/Type a time/), { key: 'c' });
    fireEvent.keyDown(screen.getByLabelText(/Type a time/), { key: 'Enter', ctrlKey: true });
    document.removeEventListener('keydown', seen);
    document.removeEventListener('click', seen);
    // Only Ctrl+Enter (send) gets through.
    expect(seen).toHaveBeenCalledTimes(1);
    expect((seen.mock.calls[0]![0] as KeyboardEvent).ctrlKey).toBe(true);
  });

  it('is fixed to the viewport below the button, and flips up near the bottom', () => {
    const { button } = setup();
    const rect = (top: number) =>
      vi.spyOn(button, 'getBoundingClientRect').mockReturnValue({ top, bottom: top + 36, left: 100, right: 200, width: 100, height: 36, x: 100, y: top, toJSON() {} });
    rect(100);
    fireEvent.click(button);
    expect(menu().style.top).toBe('140px');
    expect(menu().dataset.side).toBe('bottom');
    fireEvent.click(button);
    rect(window.innerHeight - 40);
    fireEvent.click(button);
    expect(menu().dataset.side).toBe('top');
    expect(menu().style.top).toBe('');
    expect(menu().style.bottom).toBe('44px');
  });
});

describe('RemindControl: choosing a time', () => {
  it('arms with a preset and the label its preview gave, then closes and refocuses the button', async () => {
    const { props, button } = setup();
    fireEvent.click(button);
    await labelsShown();
    fireEvent.click(presetButton('Next week'));
    expect(props.onArm).toHaveBeenCalledWith({ due: { preset: 'next-week' }, label: PRESET_LABELS['next-week'], at: expect.any(Number) });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(props.preview).toHaveBeenCalledWith({ preset: 'next-week' });
  });

  it('waits for the preview of a preset picked before its label arrived', async () => {
    const slow = deferred<PreviewResult>();
    const preview = vi.fn(() => slow.promise);
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    fireEvent.click(presetButton('Tomorrow'));
    expect(props.onArm).not.toHaveBeenCalled();
    expect(screen.getByText('Checking…')).toBeTruthy();
    slow.resolve(ok('Thu 09:00'));
    await waitFor(() => expect(props.onArm).toHaveBeenCalledWith({ due: { preset: 'tomorrow' }, label: 'Thu 09:00', at: expect.any(Number) }));
  });

  it('shows why a preset could not be previewed and does not arm', async () => {
    const preview = vi.fn(async (): Promise<PreviewResult> => ({ ok: false, message: 'Background unavailable' }));
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    fireEvent.click(presetButton('Tomorrow'));
    expect(await screen.findByText('Background unavailable')).toBeTruthy();
    expect(props.onArm).not.toHaveBeenCalled();
  });

  it('shows the time understood from free text before it can be used', async () => {
    const preview = fakePreview(async () => ok('Mon, Dec 8, 09:00', 1_765_180_800_000));
    const { props, button } = setup({ preview, lang: 'de' });
    fireEvent.click(button);
    const use = screen.getByRole('button', { name: 'Use this time' }) as HTMLButtonElement;
    expect(use.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/Type a time/), { target: { value: ' nächsten Montag 9 Uhr ' } });
    expect(screen.getByText('Checking…').getAttribute('aria-live')).toBe('polite');
    expect(use.disabled).toBe(true);
    await waitFor(() => expect(plain(screen.getByText(/^Remind on/).textContent)).toBe('Remind on Mon, Dec 8, 09:00'));
    expect(textCalls(preview)).toEqual([{ text: 'nächsten Montag 9 Uhr', lang: 'de' }]);
    expect(props.onArm).not.toHaveBeenCalled();
    fireEvent.click(use);
    expect(props.onArm).toHaveBeenCalledWith({ due: { at: 1_765_180_800_000 }, label: 'Mon, Dec 8, 09:00', at: expect.any(Number) });
    expect(document.activeElement).toBe(button);
  });

  it('accepts a previewed text with Enter, and says when it was moved into working hours', async () => {
    const preview = fakePreview(async () => ok('Mon 08:00', 5, true));
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    const input = screen.getByLabelText(/Type a time/);
    fireEvent.input(input, { target: { value: 'sunday 8am' } });
    await waitFor(() => expect(plain(screen.getByText(/^Remind on/).textContent)).toBe('Remind on Mon 08:00 (moved into your working hours)'));
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onArm).toHaveBeenCalledWith({ due: { at: 5 }, label: 'Mon 08:00', at: expect.any(Number) });
  });

  it('shows an error for text it cannot read, which cannot be accepted', async () => {
    const preview = fakePreview(async () => ({ ok: false, message: "Couldn't understand that time." }));
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    const input = screen.getByLabelText(/Type a time/);
    fireEvent.input(input, { target: { value: 'whenever' } });
    const error = await screen.findByText("Couldn't understand that time.");
    expect(error.className).toContain('err');
    expect(error.getAttribute('aria-live')).toBe('polite');
    expect((screen.getByRole('button', { name: 'Use this time' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onArm).not.toHaveBeenCalled();
  });

  it('shows a failed request (a rejected promise) as a message', async () => {
    const preview = fakePreview(async () => {
      throw new Error('Extension context invalidated.');
    });
    const { button } = setup({ preview });
    fireEvent.click(button);
    fireEvent.input(screen.getByLabelText(/Type a time/), { target: { value: 'tomorrow' } });
    expect(await screen.findByText('Extension context invalidated.')).toBeTruthy();
  });

  it('debounces typing and asks only about the last text', async () => {
    const preview = fakePreview();
    const { button } = setup({ preview });
    fireEvent.click(button);
    const input = screen.getByLabelText(/Type a time/);
    for (const value of ['n', 'ne', 'next', 'next fri']) fireEvent.input(input, { target: { value } });
    await waitFor(() => expect(textCalls(preview)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(textCalls(preview)).toEqual([{ text: 'next fri', lang: 'en' }]);
  });

  it('ignores an answer that arrives after a newer question', async () => {
    const first = deferred<PreviewResult>();
    const second = deferred<PreviewResult>();
    const answers = [first.promise, second.promise];
    const preview = fakePreview(() => answers.shift()!);
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    const input = screen.getByLabelText(/Type a time/);
    fireEvent.input(input, { target: { value: 'friday' } });
    await waitFor(() => expect(textCalls(preview)).toHaveLength(1));
    fireEvent.input(input, { target: { value: 'monday' } });
    await waitFor(() => expect(textCalls(preview)).toHaveLength(2));
    second.resolve(ok('Mon 09:00', 2));
    await screen.findByText(/Mon 09:00/, { selector: '.echo' });
    first.resolve(ok('Fri 09:00', 1));
    await new Promise((r) => setTimeout(r, 20));
    expect(plain(screen.getByText(/^Remind on/).textContent)).toBe('Remind on Mon 09:00');
    fireEvent.click(screen.getByRole('button', { name: 'Use this time' }));
    expect(props.onArm).toHaveBeenCalledWith({ due: { at: 2 }, label: 'Mon 09:00', at: expect.any(Number) });
  });

  it('typed relative text is armed as itself: the intent and the user\'s words, so it counts from the send', async () => {
    const HOURS_2 = 2 * 3_600_000;
    const preview = fakePreview(async (input) =>
      'text' in input && input.text === 'in 2 hours'
        ? { ok: true, preview: { at: 1_800_000_000_000, moved: false, exactTime: true, label: 'Fri 10:00', relative: { after: HOURS_2 } } }
        : ok('Dec 24, 10:00', 1_900_000_000_000),
    );
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    const input = screen.getByLabelText(/Type a time/);
    fireEvent.input(input, { target: { value: 'in 2 hours' } });
    // The echo says when that would be now …
    await screen.findByText(/Fri 10:00/, { selector: '.echo' });
    fireEvent.click(screen.getByRole('button', { name: 'Use this time' }));
    // … the armed choice keeps what was meant.
    expect(props.onArm).toHaveBeenLastCalledWith({ due: { after: HOURS_2 }, label: 'in 2 hours', at: 1_800_000_000_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Remind me' }));
    fireEvent.input(screen.getByLabelText(/Type a time/), { target: { value: 'Dec 24 10am' } });
    await screen.findByText(/Dec 24, 10:00/, { selector: '.echo' });
    fireEvent.click(screen.getByRole('button', { name: 'Use this time' }));
    expect(props.onArm).toHaveBeenLastCalledWith({ due: { at: 1_900_000_000_000 }, label: 'Dec 24, 10:00', at: 1_900_000_000_000 });
  });

  it('clearing the text drops the shown time', async () => {
    const preview = fakePreview();
    const { button } = setup({ preview });
    fireEvent.click(button);
    const input = screen.getByLabelText(/Type a time/);
    fireEvent.input(input, { target: { value: 'tuesday' } });
    await screen.findByText(/^Remind on/);
    fireEvent.input(input, { target: { value: '  ' } });
    expect(screen.queryByText(/^Remind on/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Use this time' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('previews a custom date-time as a local wall-clock time', async () => {
    const preview = fakePreview(async () => ok('Wed, Jan 2, 2030, 09:30'));
    const { props, button } = setup({ preview });
    fireEvent.click(button);
    const custom = screen.getByLabelText('Custom date and time') as HTMLInputElement;
    expect(custom.type).toBe('datetime-local');
    expect(custom.min).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    fireEvent.input(custom, { target: { value: '2030-01-02T09:30' } });
    await screen.findByText(/Wed, Jan 2, 2030, 09:30/, { selector: '.echo' });
    expect(textCalls(preview)).toEqual([{ local: '2030-01-02T09:30' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Use this time' }));
    expect(props.onArm).toHaveBeenCalledWith({ due: { local: '2030-01-02T09:30' }, label: 'Wed, Jan 2, 2030, 09:30', at: expect.any(Number) });
  });
});

describe('RemindControl: armed', () => {
  const armed = { due: { preset: 'tomorrow' as const }, label: 'Thu 09:00', at: 1 };

  it('shows the armed time and can be disarmed', () => {
    const { props } = setup({ armed });
    expect(screen.queryByRole('button', { name: 'Remind me' })).toBeNull();
    const button = screen.getByRole('button', { name: /^If no reply:/ });
    expect(plain(button.textContent)).toBe('If no reply: Thu 09:00');
    expect(button.className).toContain('armed');
    fireEvent.click(button);
    fireEvent.click(within(menu()).getByRole('button', { name: 'Remove reminder' }));
    expect(props.onDisarm).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('offers no removal when nothing is armed', () => {
    const { button } = setup();
    fireEvent.click(button);
    expect(within(menu()).queryByRole('button', { name: 'Remove reminder' })).toBeNull();
  });

  it('can pick another time while armed', async () => {
    const { props } = setup({ armed });
    fireEvent.click(screen.getByRole('button', { name: /^If no reply:/ }));
    await labelsShown();
    fireEvent.click(presetButton('In 2 weeks'));
    expect(props.onArm).toHaveBeenCalledWith({ due: { preset: 'in-2-weeks' }, label: PRESET_LABELS['in-2-weeks'], at: expect.any(Number) });
  });
});

describe('RemindControl: hostile labels are text', () => {
  const hostile = [
    ['markup', '<img src=x onerror=alert(1)>'],
    ['right-to-left', '\u202Eevil\u202C مرحبا 09:00'],
    ['500-character', 'x'.repeat(500)],
  ];

  it.each(hostile)('renders a %s label as text in the button, the presets and the echo', async (_, label) => {
    const preview = vi.fn(async (): Promise<PreviewResult> => ok(label));
    const { container } = render(
      <RemindControl t={t} lang="en" armed={{ due: { at: 1 }, label, at: 1 }} defaultPreset="tomorrow" preview={preview} onArm={vi.fn()} onDisarm={vi.fn()} />,
    );
    const button = screen.getByRole('button', { name: /^If no reply:/ });
    expect(plain(button.textContent)).toBe(`If no reply: ${label}`);
    fireEvent.click(button);
    await waitFor(() => expect(plain(presetButton('Tomorrow').textContent)).toContain(label));
    fireEvent.input(screen.getByLabelText(/Type a time/), { target: { value: 'soon' } });
    await waitFor(() => expect(plain(container.querySelector('.echo')?.textContent)).toBe(`Remind on ${label}`));
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});
