/**
 * Which mail.google.com pages are Gmail's app — the only pages where a
 * compose or a thread view can appear, and so the only ones our content
 * scripts do anything in. The manifest matches the whole host; this decides
 * from the URL alone (no DOM, no layout), before anything is installed.
 *
 * The app: `/mail`, `/mail/u/N/`, delegated `/mail/b/<id>/u/N/` or
 * `/mail/u/N/d/<id>/`, Workspace's old `/a/<domain>/`, any hash; `?view=cm` (a compose page, e.g. mailto
 * links) and `?view=btop` (a popped-out compose) are app pages too.
 * Not the app: Gmail's static pages under `?view=` (print `pt`, original
 * message `om`, attachments `att`, "view entire message" `lg`, …), basic
 * HTML (`/h/`, `?ui=html`), the mobile site (`/mu/`, `/x/`), the Atom feed, and
 * everything outside `/mail` (Google Chat's `/chat/`, `/tasks/`, sign-in
 * redirects). Only the top frame: Gmail's app is never framed, and frames
 * inside it (chat, Spaces, hidden helpers) hold no compose of ours.
 */

/** Path segments (below /mail) of Gmail pages that are not the app. */
const NOT_APP_SEGMENTS = new Set(['h', 'mu', 'x', 'feed']);
/** `view=` values of app pages; any other view is one of Gmail's static pages. */
const APP_VIEWS = new Set(['cm', 'btop']);

export function isGmailApp(href: string): boolean {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' || url.hostname !== 'mail.google.com') return false;
    const segments = url.pathname.split('/').filter(Boolean);
    // Google Workspace's old `/a/<domain>/` form (it redirects into /mail today) counts like /mail.
    const below = segments[0] === 'mail' ? segments.slice(1) : segments[0] === 'a' && segments.length >= 2 ? segments.slice(2) : undefined;
    if (!below || below.some((s) => NOT_APP_SEGMENTS.has(s.toLowerCase()))) return false;
    // Basic HTML also answered to `?ui=html` (both retired in 2024; a stale bookmark still asks for it).
    if (url.searchParams.getAll('ui').some((v) => v.toLowerCase() === 'html')) return false;
    const views = url.searchParams.getAll('view');
    return views.every((v) => APP_VIEWS.has(v.toLowerCase()));
  } catch {
    return false;
  }
}

/** Whether this window is a top-level page (a cross-origin parent counts as framed). */
export function isTopFrame(win: Window): boolean {
  try {
    return win.top === win;
  } catch {
    return false;
  }
}

/** The content scripts' gate: Gmail's app in the top frame. Never throws. */
export function isGmailAppWindow(win: Window): boolean {
  try {
    return isTopFrame(win) && isGmailApp(win.location.href);
  } catch {
    return false;
  }
}
