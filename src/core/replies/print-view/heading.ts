/**
 * The thread heading above the messages: subject and announced message
 * count (the count lets the parser notice a truncated page).
 */
import { attr, findAll, findFirst, textOf, type Element, type ParentNode } from './dom';
import { isMessageTable } from './messages';
import { cleanText } from './text';

export function readSubject(doc: ParentNode, main: Element): string {
  const heading = findFirst(main, (el) => el.name === 'font' && attr(el, 'size') === '+1', isMessageTable);
  const fromHeading = heading ? cleanText(textOf(heading)) : '';
  if (fromHeading) return fromHeading;
  const title = findFirst(doc, (el) => el.name === 'title');
  return title ? cleanText(textOf(title)).replace(/^gmail\s*[-–—]\s*/i, '') : '';
}

/** "3 messages" / "3 Nachrichten" in a grey `font` of the heading, outside any message. */
export function readMessageCount(main: Element): number | undefined {
  const greys = findAll(main, (el) => el.name === 'font' && attr(el, 'color') === '#777', isMessageTable);
  for (const el of greys) {
    const m = /^(\d{1,6})(?!\S)/.exec(cleanText(textOf(el)));
    if (m) return Number(m[1]);
  }
  return undefined;
}
