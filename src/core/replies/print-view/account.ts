/**
 * Whose page this is: the signed-in address in the print view's header, and
 * whether Gmail sent the sign-in page instead (signed out).
 */
import { attr, findAll, findFirst, isElement, textOf, type Element, type ParentNode } from './dom';
import { parseAddressList } from './text';

/** The signed-in address from the header above `div.maincontent` (right-hand cell, else the whole header). */
export function readAccount(body: Element, main: Element): string | undefined {
  let top: Element = main;
  while (top.parent && top.parent !== body) top = top.parent as Element;
  const header: Element[] = [];
  for (const child of body.children) {
    if (child === top) break;
    if (isElement(child)) header.push(child);
  }
  const single = (text: string): string | undefined => {
    const emails = new Set(parseAddressList(text).map((a) => a.email));
    return emails.size === 1 ? [...emails][0] : undefined;
  };
  for (const el of header) {
    const right = findAll(el, (c) => c.name === 'td' && attr(c, 'align') === 'right');
    for (const td of right) {
      const found = single(textOf(td));
      if (found) return found;
    }
  }
  return single(header.map((el) => textOf(el)).join(' '));
}

function isSignInUrl(value: string): boolean {
  return /(^|[/.=\s])accounts\.google\.com([/?#:]|$)/i.test(value) || /\/ServiceLogin(Auth)?\b/i.test(value);
}

/** The Google sign-in page (or a refresh to it) instead of a print view. */
export function looksLikeSignIn(doc: ParentNode): boolean {
  return (
    findFirst(doc, (el) => {
      if (el.name === 'form') return isSignInUrl(el.attribs['action'] ?? '');
      if (el.name === 'meta' && attr(el, 'http-equiv') === 'refresh') return isSignInUrl(el.attribs['content'] ?? '');
      return false;
    }) !== undefined
  );
}
