import { COMPOSE_WATCH_SELECTOR } from '../gmail/compose';
import { MAIN_TOOLBAR, MESSAGE, MESSAGE_FALLBACK, SEND_CELL, THREAD_HEADING, THREAD_HEADING_FALLBACK } from '../gmail/selectors';

/** What the page's one observer watches for (also what the observer benchmark measures, so the two never drift). */
export const WATCH = {
  compose: COMPOSE_WATCH_SELECTOR,
  // Gmail re-renders a send row without replacing the compose: its new Send cell brings the control back.
  sendCell: SEND_CELL,
  thread: `${THREAD_HEADING}, ${THREAD_HEADING_FALLBACK}, ${MAIN_TOOLBAR}`,
  // A new message in the open thread may be the reply (the fallback covers 2026's hashed classes, as thread-view does).
  messages: `${MESSAGE}, ${MESSAGE_FALLBACK}`,
} as const;

export const WATCH_SELECTORS: readonly string[] = Object.values(WATCH);

/** What a compose is found by: checked with composeParts before it counts as a usable compose. */
export const COMPOSE_PARTS = `${WATCH.compose}, ${WATCH.sendCell}`;
/** An open thread: its heading (the main toolbar alone is also in Gmail's list views). */
export const THREAD_OPEN = `${THREAD_HEADING}, ${THREAD_HEADING_FALLBACK}`;
