import { markOwned } from './owned';
import { TOAST_CSS } from './styles';

const SHOW_MS = 6000;
/** Screen readers miss text that arrives with its live region; it is set a moment after. */
const ANNOUNCE_DELAY_MS = 50;

interface Current {
  host: HTMLElement;
  box: HTMLElement;
  timers: ReturnType<typeof setTimeout>[];
}
const current = new WeakMap<Document, Current>();

/**
 * A short confirmation at the bottom left, in its own shadow host on
 * `doc.body`. One at a time: a new text replaces the shown one. Text only.
 */
export function showToast(doc: Document, text: string, theme: 'light' | 'dark'): void {
  let c = current.get(doc);
  if (c?.host.isConnected) {
    c.timers.forEach(clearTimeout);
    c.box.textContent = '';
  } else {
    const host = doc.createElement('follow-through-toast');
    markOwned(host);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = TOAST_CSS;
    const box = doc.createElement('div');
    box.className = 'toast';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    root.append(style, box);
    doc.body.append(host);
    c = { host, box, timers: [] };
    current.set(doc, c);
    const dismiss = () => {
      c!.timers.forEach(clearTimeout);
      host.remove();
    };
    box.addEventListener('click', dismiss);
  }
  const { host, box } = c;
  host.setAttribute('data-theme', theme);
  c.timers = [
    setTimeout(() => (box.textContent = text), ANNOUNCE_DELAY_MS),
    setTimeout(() => host.remove(), SHOW_MS),
  ];
}
