/**
 * Gmail's "Message sent" toast, recognised by the ids of its links, never
 * by its (translated) text. `#link_vsm` ("View message") is what makes it
 * the sent toast: an Undo link alone also appears while the message is
 * still "Sending…", and other toasts (archive, delete) offer Undo too.
 */

import * as S from './selectors';
import { isHidden } from './dom-util';

/**
 * True when `el` is the visible sent toast, lies inside it, or holds it
 * (an observer may report the alert, its text area or a whole subtree).
 */
export function isSentToast(el: Element): boolean {
  try {
    const alert = toastFor(el);
    if (!alert) return false;
    // Gmail reuses the alert element; after the toast is dismissed it stays, hidden.
    return !!alert.querySelector(S.SENT_TOAST_VIEW) && !isHidden(alert);
  } catch {
    return false;
  }
}

function toastFor(el: Element): Element | undefined {
  const around = el.closest(S.SENT_TOAST) ?? el.closest(S.SENT_TOAST_FALLBACK);
  if (around) return around;
  // `el` holds the toast: the classed one first, else any alert that has the toast's links.
  const text = el.querySelector(S.SENT_TOAST_TEXT);
  if (text) return text.closest(S.SENT_TOAST) ?? undefined;
  for (const alert of el.querySelectorAll(S.SENT_TOAST_FALLBACK)) {
    if (alert.querySelector(S.SENT_TOAST_LINKS)) return alert;
  }
  return undefined;
}
