/**
 * Which of the page's Follow-Through elements this script put there. After
 * an update two copies of the content script can briefly share a tab: the
 * one stepping aside must remove its own controls, never the new copy's.
 */

/** Wrappers our controllers put into Gmail's DOM (control cells, toolbar wrappers) and the toast host. */
export const OWNED_SELECTOR = '[data-follow-through], follow-through-toast';
const HOSTS = 'follow-through-control, follow-through-toast';

// Weak: Gmail removes composes and toasts without telling us.
const mine = new WeakSet<Element>();

/** Marks a shadow host this script rendered into. */
export function markOwned(host: Element): void {
  mine.add(host);
}

/** Removes the wrappers around hosts this script rendered (and its toast). */
export function removeOwned(doc: Document): void {
  for (const el of doc.querySelectorAll(OWNED_SELECTOR)) {
    const host = el.matches(HOSTS) ? el : el.querySelector(HOSTS);
    if (host && mine.has(host)) el.remove();
  }
}

/** Removes every wrapper, whoever made it: only before this script has rendered anything. */
export function removeAll(doc: Document): void {
  for (const el of doc.querySelectorAll(OWNED_SELECTOR)) el.remove();
}
