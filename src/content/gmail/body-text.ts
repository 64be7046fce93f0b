/**
 * The first lines of an expanded message's body as plain text, for the
 * background to recognise automatic answers. Quoted text and signatures
 * (selectors.BODY_QUOTE) are left out; block elements and `br` break lines;
 * nothing is read from attributes, scripts or styles, and never more than
 * MAX_BODY_CHARS. No layout is read (no innerText).
 */
import { MAX_BODY_CHARS } from '../../core/replies/auto-answer/text';
import { BODY_QUOTE } from './selectors';

const BLOCK = new Set(['BR', 'DIV', 'P', 'LI', 'TR', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'PRE', 'UL', 'OL']);
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IMG', 'IFRAME']);
/** Nodes visited at most: a hostile body cannot make this slow. */
const MAX_NODES = 5000;

export function bodyText(body: Element): string | undefined {
  let out = '';
  let visited = 0;
  const stack: Node[] = [body];
  while (stack.length > 0 && out.length < MAX_BODY_CHARS * 2 && visited++ < MAX_NODES) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (NO_TEXT.has(el.tagName.toUpperCase())) continue;
    if (el !== body && el.matches(BODY_QUOTE)) continue;
    if (BLOCK.has(el.tagName.toUpperCase())) out += '\n';
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
  }
  const text = out
    .split('\n')
    .map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .slice(0, MAX_BODY_CHARS);
  return text || undefined;
}
