import { SENT_TOAST_FALLBACK, SENT_TOAST_UNDO } from '../gmail/selectors';

/**
 * Notices a click on "Undo" in Gmail's "Message sent" toast (by its id, not
 * its text) while a send is outstanding: without a send response, that is
 * how we know not to store a reminder for a message that never left.
 */
export function watchUndo(doc: Document, onUndo?: () => void): { readonly undone: boolean; stop(): void } {
  let undone = false;
  const onClick = (e: Event) => {
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(SENT_TOAST_UNDO) && target.closest(SENT_TOAST_FALLBACK)) {
      undone = true;
      onUndo?.();
    }
  };
  doc.addEventListener('click', onClick, true);
  return {
    get undone() {
      return undone;
    },
    stop: () => doc.removeEventListener('click', onClick, true),
  };
}
