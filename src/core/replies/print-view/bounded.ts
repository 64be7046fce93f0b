/**
 * Page text → htmlparser2 document, refusing pathologically deep nesting
 * before it costs minutes (see MAX_PRINT_VIEW_DEPTH).
 */
import { DomHandler, Parser } from 'htmlparser2';
import type { Document } from './dom';

/**
 * Deeper element nesting is not parsed: htmlparser2's open-element stack
 * makes each open/close cost O(depth), so a page of nothing but `<div>`s
 * would take minutes. Real mail nests tens of levels, not thousands.
 */
export const MAX_PRINT_VIEW_DEPTH = 2_000;

class TooDeep extends Error {}

/** htmlparser2's DOM builder with a nesting limit (throws TooDeep). */
class BoundedHandler extends DomHandler {
  private depth = 0;
  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (++this.depth > MAX_PRINT_VIEW_DEPTH) throw new TooDeep();
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export function parseBounded(html: string): Document | undefined {
  const handler = new BoundedHandler();
  try {
    new Parser(handler).end(html);
  } catch (e) {
    if (e instanceof TooDeep) return undefined;
    throw e;
  }
  return handler.root;
}
