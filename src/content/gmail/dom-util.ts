/**
 * Small structural DOM helpers for the Gmail adapter. Nothing here reads
 * layout (offsetParent, getBoundingClientRect, innerText): those force a
 * style/layout pass on Gmail's huge page and do not work in happy-dom.
 * Visibility is decided from markup only, the way Gmail hides views.
 */

/** `display:none` / `visibility:hidden` in an inline style attribute (how Gmail hides stale views). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Most ancestors we walk up before giving up (Gmail nests deeply, but not this deeply). */
export const MAX_DEPTH = 60;

/** Hidden by markup: the element or an ancestor (up to and including `stopAt`, else the document) is hidden. */
export function isHidden(el: Element, stopAt?: Element | null): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_DEPTH * 2; depth++) {
    if (node.hasAttribute('hidden')) return true;
    if (node.getAttribute('aria-hidden') === 'true') return true;
    const style = node.getAttribute('style');
    if (style && HIDDEN_STYLE.test(style)) return true;
    if (node === stopAt) return false;
    node = node.parentElement;
  }
  return false;
}

/** Ancestors of `el` (excluding it), nearest first, at most `limit` of them. */
export function* ancestors(el: Element, limit = MAX_DEPTH): Generator<Element> {
  let node = el.parentElement;
  for (let i = 0; node && i < limit; i++) {
    yield node;
    node = node.parentElement;
  }
}

/** The child of `parent` that holds `el` (or is it), if any. */
export function childOfHolding(parent: Element, el: Element | null | undefined): Element | undefined {
  let node: Element | null = el ?? null;
  for (let i = 0; node && i < MAX_DEPTH; i++) {
    if (node.parentElement === parent) return node;
    node = node.parentElement;
  }
  return undefined;
}

/** An input's live value (what the user typed), else its attribute. */
export function fieldValue(el: Element | null | undefined): string {
  if (!el) return '';
  const live = (el as HTMLInputElement).value;
  return typeof live === 'string' ? live : (el.getAttribute('value') ?? '');
}

/** Text with runs of white space collapsed; headings are data here, never anchors. */
export function plainText(el: Element | null | undefined, max = 2000): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}
