// @vitest-environment happy-dom
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountInShadow } from '../../../src/content/ui/mount';
import { RemindControl } from '../../../src/content/ui/RemindControl';
import { themeFromBackground } from '../../../src/content/ui/theme';
import { showToast } from '../../../src/content/ui/toast';
import { fakePreview, plain, PRESET_LABELS, t } from './helpers';

const headBefore = () => document.head.innerHTML;

describe('mountInShadow', () => {
  let head: string;
  beforeEach(() => {
    head = headBefore();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function mount(onArm = vi.fn()) {
    const host = document.body.appendChild(document.createElement('follow-through-control'));
    const vnode = (armed: { due: { at: number }; label: string; at: number } | null) => (
      <RemindControl t={t} lang="en" armed={armed} defaultPreset="tomorrow" preview={fakePreview()} onArm={onArm} onDisarm={vi.fn()} />
    );
    const mounted = mountInShadow(host, vnode(null), 'light');
    const shadow = host.shadowRoot!;
    return { host, mounted, shadow, q: within(shadow as unknown as HTMLElement), vnode };
  }

  it('renders into an open shadow root with the styles inside it only', () => {
    const { host, mounted, shadow } = mount();
    expect(mounted.host).toBe(host);
    expect(shadow.mode).toBe('open');
    const styles = shadow.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain(':host([data-theme=dark])');
    expect(document.head.innerHTML).toBe(head);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    expect(host.getAttribute('data-theme')).toBe('light');
    expect(host.children).toHaveLength(0);
  });

  it('works inside the shadow root: open, keyboard, pick', async () => {
    const onArm = vi.fn();
    const { shadow, q } = mount(onArm);
    const button = q.getByRole('button', { name: 'Remind me' });
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = q.getByRole('dialog', { name: 'Remind me if no reply' });
    const first = within(menu).getByRole('button', { name: /^Tomorrow/ });
    expect(shadow.activeElement).toBe(first);
    // A click inside the shadow root is not "outside".
    fireEvent.mouseDown(first);
    expect(q.queryByRole('dialog')).not.toBeNull();
    await waitFor(() => expect(plain(first.textContent)).toContain(PRESET_LABELS.tomorrow));
    fireEvent.click(first);
    expect(onArm).toHaveBeenCalledWith({ due: { preset: 'tomorrow' }, label: PRESET_LABELS.tomorrow, at: expect.any(Number) });
    expect(shadow.activeElement).toBe(button);
  });

  it('closes when the page outside is clicked', () => {
    const { q } = mount();
    fireEvent.click(q.getByRole('button', { name: 'Remind me' }));
    fireEvent.mouseDown(document.body);
    expect(q.queryByRole('dialog')).toBeNull();
  });

  it('updates with new props, switches theme, and unmounts cleanly', () => {
    const { host, mounted, shadow, q, vnode } = mount();
    mounted.update(vnode({ due: { at: 1 }, label: 'Fri 16:00', at: 1 }));
    expect(plain(q.getByRole('button', { name: /^If no reply:/ }).textContent)).toBe('If no reply: Fri 16:00');
    expect(shadow.querySelectorAll('style')).toHaveLength(1);
    mounted.setTheme('dark');
    expect(host.getAttribute('data-theme')).toBe('dark');
    mounted.unmount();
    expect(host.isConnected).toBe(false);
    expect(shadow.childNodes).toHaveLength(0);
  });

  it('starts dark when asked', () => {
    const host = document.createElement('follow-through-control');
    mountInShadow(host, <span>x</span>, 'dark');
    expect(host.getAttribute('data-theme')).toBe('dark');
  });
});

describe('showToast', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.runAllTimers();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const toasts = () => [...document.querySelectorAll('follow-through-toast')];
  const box = (host: Element) => host.shadowRoot!.querySelector('[role=status]')!;

  it('shows the text in a polite status region, styled inside its own shadow root', () => {
    const head = headBefore();
    showToast(document, 'Follow-Through: reminder set for Thu 09:00', 'dark');
    const [host] = toasts();
    expect(host!.parentElement).toBe(document.body);
    expect(host!.getAttribute('data-theme')).toBe('dark');
    expect(box(host!).getAttribute('aria-live')).toBe('polite');
    vi.advanceTimersByTime(100);
    expect(box(host!).textContent).toBe('Follow-Through: reminder set for Thu 09:00');
    expect(host!.shadowRoot!.querySelector('style')).not.toBeNull();
    expect(document.head.innerHTML).toBe(head);
  });

  it('replaces the previous toast instead of stacking', () => {
    showToast(document, 'first', 'light');
    vi.advanceTimersByTime(3000);
    showToast(document, 'second', 'light');
    vi.advanceTimersByTime(100);
    expect(toasts()).toHaveLength(1);
    expect(box(toasts()[0]!).textContent).toBe('second');
    // The new one gets its full time.
    vi.advanceTimersByTime(5000);
    expect(toasts()).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(toasts()).toHaveLength(0);
  });

  it('goes away by itself after about six seconds, or on a click', () => {
    showToast(document, 'bye', 'light');
    vi.advanceTimersByTime(5900);
    expect(toasts()).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(toasts()).toHaveLength(0);
    showToast(document, 'click me', 'light');
    vi.advanceTimersByTime(100);
    (box(toasts()[0]!) as HTMLElement).click();
    expect(toasts()).toHaveLength(0);
    showToast(document, 'again', 'light');
    expect(toasts()).toHaveLength(1);
  });

  it('puts markup in as text', () => {
    showToast(document, 'Follow-Through: reminder set for <img src=x onerror=alert(1)>', 'light');
    vi.advanceTimersByTime(100);
    const host = toasts()[0]!;
    expect(host.shadowRoot!.querySelector('img')).toBeNull();
    expect(box(host).textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('themeFromBackground', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(246, 248, 252)', 'light'], // Gmail light
    ['rgb(32, 33, 36)', 'dark'], // Gmail dark
    ['rgb(17, 17, 17)', 'dark'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgba(0, 0, 0, 0.9)', 'dark'],
    ['rgb(0 0 0 / 80%)', 'dark'],
    ['rgb(0 0 0)', 'dark'],
    ['rgb(128, 128, 128)', 'light'],
    ['rgb(90, 90, 90)', 'dark'],
    ['rgb(0, 0, 255)', 'dark'],
    ['rgb(255, 255, 0)', 'light'],
    ['rgba(0, 0, 0, 0)', 'light'], // transparent: no information
    ['transparent', 'light'],
    ['', 'light'],
    ['garbage', 'light'],
  ] as const)('%j → %s', (color, theme) => {
    expect(themeFromBackground(color)).toBe(theme);
  });
});
