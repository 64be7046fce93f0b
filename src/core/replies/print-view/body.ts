/**
 * The first lines of a message body in the print view, as plain text, for
 * recognising automatic answers. Gmail's quote (`.gmail_quote`, with its
 * "[Quoted text hidden]"), `blockquote`, signatures (`.gmail_signature`)
 * are left out: what the sender quoted or signed is not what they said.
 * Outlook's quote has no wrapper (its "From: … Sent: …" block is followed
 * by the quoted text as siblings), so it is left to the text rules
 * (auto-answer/text.ts), which cut at that block. The text is never markup
 * and never longer than MAX_BODY_CHARS.
 */
import { MAX_BODY_CHARS } from '../auto-answer/text';
import { attr, findFirst, hasClass, textOf, type Element } from './dom';
import { cleanText } from './text';

const QUOTE_CLASSES = ['gmail_quote', 'gmail_signature', 'gmail_extra', 'moz-cite-prefix', 'moz-signature', 'yahoo_quoted', 'protonmail_quote'];
const QUOTE_IDS = new Set(['signature']);

function isQuote(el: Element): boolean {
  if (el.name === 'blockquote') return true;
  if (QUOTE_CLASSES.some((c) => hasClass(el, c))) return true;
  const id = attr(el, 'id');
  if (id && QUOTE_IDS.has(id)) return true;
  return attr(el, 'data-smartmail') === 'gmail_signature';
}

/** The message table's body (its nested table), as lines of plain text; undefined when there is none or it is empty. */
export function readBody(message: Element): string | undefined {
  const box = findFirst(message, (el) => el.name === 'table');
  if (!box) return undefined;
  const raw = textOf(box, isQuote, '\n', MAX_BODY_CHARS * 2);
  const lines: string[] = [];
  let chars = 0;
  for (const line of raw.split('\n')) {
    const clean = cleanText(line);
    if (!clean) continue;
    lines.push(clean);
    chars += clean.length + 1;
    if (chars >= MAX_BODY_CHARS) break;
  }
  const text = lines.join('\n').slice(0, MAX_BODY_CHARS);
  return text || undefined;
}
