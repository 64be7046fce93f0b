/**
 * One `table.message` → an ObservedMessage: sender, To/Cc/Bcc recipients
 * (never Reply-To), the date as printed (wall clock: which zone it is in
 * is decided for the whole page, see clock.ts), and the body's first lines
 * (print-view/body.ts) for recognising automatic answers.
 */
import { dedupeAddresses } from '../../address-list';
import type { Address } from '../../reminder';
import type { LocalDateTime } from '../../time/zoned';
import type { ObservedMessage } from '../types';
import { readBody } from './body';
import { parsePrintDate } from './dates';
import { attr, findAll, findFirst, hasClass, textOf, type Element } from './dom';
import { cleanText, makeAddress, parseAddress, parseAddressList } from './text';

type LineKind = 'to' | 'cc' | 'bcc' | 'reply-to';

/**
 * Labels of the `.recipient` lines, lower-cased, in the UI languages we know
 * (en, de, fr, es/pt, it, nl). Unknown labels are skipped; Reply-To is
 * never a recipient (Gmail also marks that line `div.replyto`).
 */
const LINE_LABELS: ReadonlyMap<string, LineKind> = new Map<string, LineKind>([
  ['to', 'to'],
  ['an', 'to'],
  ['à', 'to'],
  ['a', 'to'],
  ['para', 'to'],
  ['aan', 'to'],
  ['cc', 'cc'],
  ['kopie', 'cc'],
  ['bcc', 'bcc'],
  ['cci', 'bcc'],
  ['cco', 'bcc'],
  ['ccn', 'bcc'],
  ['reply-to', 'reply-to'],
  ['reply to', 'reply-to'],
  ['antwort an', 'reply-to'],
  ['répondre à', 'reply-to'],
  ['responder a', 'reply-to'],
  ['rispondi a', 'reply-to'],
  ['antwoord aan', 'reply-to'],
]);

export const isMessageTable = (el: Element): boolean => el.name === 'table' && hasClass(el, 'message');
const isTable = (el: Element): boolean => el.name === 'table';

/** A message as printed: its date still a wall-clock reading. */
export type PrintedMessage = Omit<ObservedMessage, 'at'> & { local?: LocalDateTime };

export function readMessage(table: Element, withBody = true): PrintedMessage | undefined {
  // Rows of this table, not of the nested body table.
  const rows = findAll(table, (el) => el.name === 'tr', isTable);
  const head = rows[0];
  if (!head) return undefined;
  const cells = findAll(head, (el) => el.name === 'td', (el) => el.name === 'td' || isTable(el));
  const senderCell = cells[0];
  if (!senderCell) return undefined;
  const from = readSender(senderCell);
  if (!from) return undefined;

  const dateCell = cells.find((c, i) => i > 0 && attr(c, 'align') === 'right') ?? cells[1];
  const local = dateCell ? parsePrintDate(textOf(dateCell)) : undefined;

  const to: Address[] = [];
  const recipientBox = findFirst(table, (el) => hasClass(el, 'recipient'), isTable);
  if (recipientBox) {
    const lines = findAll(recipientBox, (el) => el.name === 'div', (el) => el.name === 'div' || isTable(el));
    for (const line of lines.length > 0 ? lines : [recipientBox]) {
      if (hasClass(line, 'replyto')) continue;
      to.push(...readRecipientLine(cleanText(textOf(line))));
    }
  }
  const text = withBody ? readBody(table) : undefined;
  return { from, to: dedupeAddresses(to), ...(local ? { local } : {}), ...(text ? { text } : {}) };
}

/** "To: A <a@x>, "B, C" <b@y>" → the addresses, for To/Cc/Bcc lines only. */
function readRecipientLine(line: string): Address[] {
  const m = /^([^:<>@"]{1,24}):(.*)$/.exec(line);
  if (!m) return [];
  const label = (m[1] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  const kind = LINE_LABELS.get(label);
  if (kind === undefined || kind === 'reply-to') return [];
  return parseAddressList(m[2] ?? '');
}

/**
 * `<b>Name </b>&lt;email&gt;`, `<b>email</b>`, `<b>Name &lt;email&gt;</b>` or
 * plain text. The name is the `b` element's text, so markup-like text in a
 * name (`&lt;img onerror…&gt;`) stays part of the name.
 */
function readSender(cell: Element): Address | undefined {
  const b = findFirst(cell, (el) => el.name === 'b');
  if (b) {
    const name = textOf(b);
    const rest = cleanText(textOf(cell, (el) => el === b));
    if (rest === '') return parseAddress(name);
    const angled = /^<([^<>]*)>$/.exec(rest);
    if (angled) return makeAddress(angled[1] ?? '', name);
    if (!rest.includes(' ')) return makeAddress(rest, name);
  }
  return parseAddress(textOf(cell));
}
