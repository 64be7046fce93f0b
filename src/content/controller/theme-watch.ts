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

/** Elements in <head> that carry no styles: Gmail rewrites the title on every navigation and unread count, adds scripts as it loads modules, and swaps the favicon. */
const NOT_STYLES = 'title, script, meta, link[rel~=icon], link[rel~=preload], link[rel~=prefetch], link[rel~=preconnect], link[rel~=dns-prefetch], noscript, base';

/** Whether a change can alter the page's styles (and so the theme); <html>/<body> attribute changes always can. */
function mayRestyle(record: MutationRecord): boolean {
  const target = record.target;
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (!el || el.nodeName === 'HTML' || el.nodeName === 'BODY') return true;
  try {
    if (record.type === 'childList' && el.nodeName === 'HEAD') {
      // Only what was put in or taken out of <head> itself matters; any node but a known non-style one counts.
      return [...record.addedNodes, ...record.removedNodes].some((n) => n.nodeType === 1 && !(n as Element).matches(NOT_STYLES));
    }
    return !el.closest(NOT_STYLES);
  } catch {
    return true;
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
    if (records.some(mayRestyle)) recheck();
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
