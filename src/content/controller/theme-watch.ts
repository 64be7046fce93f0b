/**
 * Follows Gmail's light ↔ dark switches without a reload.
 *
 * A theme change in Gmail swaps or rewrites its stylesheets in <head> and
 * may change the classes or inline style of <html>/<body>; "device default"
 * themes follow the system's colour scheme. One MutationObserver watches
 * exactly those (never the page's body subtree, where Gmail mutates all the
 * time) plus the prefers-color-scheme query; bursts collapse into one
 * re-check after SETTLE_MS. There is no timer while nothing changes.
 */
import { themeOf } from './theme-of';

const SETTLE_MS = 150;
const HOSTS = 'follow-through-control';

/** Re-reads the theme under each of our controls and passes it on (shadow styles switch on `data-theme`). */
export function applyThemes(doc: Document, win: Window): void {
  for (const host of doc.querySelectorAll(HOSTS)) {
    const theme = themeOf(win, host.parentElement);
    if (host.getAttribute('data-theme') !== theme) host.setAttribute('data-theme', theme);
  }
}

export function watchTheme(doc: Document, win: Window, warn: (what: string, error: unknown) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const recheck = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      try {
        applyThemes(doc, win);
      } catch (error) {
        warn('theme check failed', error);
      }
    }, SETTLE_MS);
  };

  const observer = new MutationObserver((records) => {
    // Our own hosts' `data-theme` never reaches here: only <html>, <body> and <head> are observed.
    if (records.length > 0) recheck();
  });
  const attributes = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'dark'] };
  observer.observe(doc.documentElement, attributes);
  if (doc.body) observer.observe(doc.body, attributes);
  if (doc.head) observer.observe(doc.head, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['media', 'disabled', 'href'] });

  const scheme = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : undefined;
  scheme?.addEventListener?.('change', recheck);

  return () => {
    observer.disconnect();
    scheme?.removeEventListener?.('change', recheck);
    clearTimeout(timer);
  };
}
