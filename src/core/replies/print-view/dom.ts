/**
 * The few tree helpers the print-view parser needs, over htmlparser2's DOM
 * (domhandler nodes). Iterative, so a hostile deeply nested page cannot blow
 * the stack; text extraction never reads script/style content or attributes.
 */
import type { createDocumentStream, parseDocument } from 'htmlparser2';

// htmlparser2 ships its own domhandler; name its node types through its API
// rather than importing a (possibly different) top-level `domhandler`.
export type Document = ReturnType<typeof parseDocument>;
export type Element = Parameters<NonNullable<Parameters<typeof createDocumentStream>[2]>>[0];
export type ParentNode = Document | Element;
type AnyNode = Document | Document['children'][number];

/** Never read as text: code, styles and embedded documents. */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head']);
/** Elements that separate words when flattened to text. */
const BREAKS = new Set(['br', 'div', 'p', 'tr', 'td', 'th', 'li', 'table', 'hr', 'blockquote']);

export const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

export function hasClass(el: Element, name: string): boolean {
  const v = el.attribs['class'];
  return v !== undefined && v.split(/\s+/).includes(name);
}

/** Attribute value, trimmed and lower-cased (for `align="Right"`, `color="#777"`). */
export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : v.trim().toLowerCase();
}

/**
 * Elements below `root` (not `root` itself) in document order that satisfy
 * `match`. `stop(el)` true: `el` is still tested but its subtree is skipped.
 */
export function findAll(
  root: ParentNode,
  match: (el: Element) => boolean,
  stop?: (el: Element) => boolean,
  limit = Infinity,
): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (match(n)) out.push(n);
    if (stop?.(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

export function findFirst(
  root: ParentNode,
  match: (el: Element) => boolean,
  stop?: (el: Element) => boolean,
): Element | undefined {
  return findAll(root, match, stop, 1)[0];
}

/**
 * Visible text of a subtree as one line: entities are already decoded by
 * the parser; block/line-break elements become spaces; script, style and
 * similar subtrees are skipped; `skip(el)` true drops an element's subtree.
 * `breakWith` '\n' keeps the lines (for message bodies); past `limit`
 * characters the walk stops (a body's first lines are all that is wanted).
 */
export function textOf(root: AnyNode, skip?: (el: Element) => boolean, breakWith = ' ', limit = Infinity): string {
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      out += n.data;
      continue;
    }
    if (!isElement(n)) {
      // Comments and directives carry no visible text; a Document/CDATA wrapper does.
      if (n.type === 'root' || n.type === 'cdata') {
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
      }
      continue;
    }
    if (NO_TEXT.has(n.name) || skip?.(n)) continue;
    if (BREAKS.has(n.name)) out += breakWith;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
