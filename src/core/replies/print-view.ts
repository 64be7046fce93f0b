/**
 * Gmail's print view of a thread (`/mail/u/0/?authuser=…&view=pt&search=all&th=…`)
 * read without a DOM: one static HTML page with every message, parsed with
 * htmlparser2 so it works in the Chrome MV3 service worker (no DOMParser).
 *
 * Page shape (shared gmail-samples README, "Reading a thread without the UI"):
 *
 *   title "Gmail - <subject>"
 *   div.bodycontainer
 *     table (header: Gmail logo | td[align=right] "Name <account@…>")
 *     div.maincontent
 *       table: font[size=+1] b "<subject>", font[color=#777] "N messages"
 *       table.message × N
 *         tr: td "<b>Name </b>&lt;email&gt;" | td[align=right] font[size=-1] "<date>"
 *         tr: font.recipient > div "To: …" / div "Cc: …" / div.replyto "Reply-To: …"
 *         tr: nested table with the body (never read)
 *
 * Pure: string in, data out; the page is never executed and nothing of it
 * is kept but plain-text fields. Never throws.
 */
import { DomHandler, Parser } from 'htmlparser2';
import type { Address } from '../reminder';
import { isValidTimeZone, zonedToInstant } from '../time/zoned';
import type { ObservedMessage } from './types';
import { attr, findAll, findFirst, hasClass, isElement, textOf, type Document, type Element, type ParentNode } from './print-view/dom';
import { parsePrintDate } from './print-view/dates';
import { dedupeAddresses } from '../address-list';
import { cleanText, makeAddress, parseAddress, parseAddressList } from './print-view/text';

export type PrintViewResult =
  | { ok: true; account: string /* lower-cased address from the header */; subject: string; messageCount?: number; messages: ObservedMessage[] }
  | { ok: false; reason: 'signed-out' | 'wrong-account' | 'unrecognised'; detail: string };

/** Larger pages are not parsed (a 100-message thread is a few hundred KB). */
export const MAX_PRINT_VIEW_CHARS = 5 * 1024 * 1024;
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

function parseBounded(html: string): Document | undefined {
  const handler = new BoundedHandler();
  try {
    new Parser(handler).end(html);
  } catch (e) {
    if (e instanceof TooDeep) return undefined;
    throw e;
  }
  return handler.root;
}

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

const fail = (reason: 'signed-out' | 'wrong-account' | 'unrecognised', detail: string): PrintViewResult => ({
  ok: false,
  reason,
  detail,
});

/** `expectedAccount` lower-cased; `timeZone` = the zone the dates are shown in (the user's), for wall-clock dates. */
export function parsePrintView(html: string, opts: { expectedAccount: string; timeZone: string }): PrintViewResult {
  try {
    return parse(html, opts);
  } catch (e) {
    return fail('unrecognised', `parser error: ${String(e).slice(0, 200)}`);
  }
}

function parse(html: string, opts: { expectedAccount: string; timeZone: string }): PrintViewResult {
  if (typeof html !== 'string' || html.length === 0) return fail('unrecognised', 'empty page');
  if (html.length > MAX_PRINT_VIEW_CHARS) return fail('unrecognised', `page too large (${html.length} chars)`);
  if (!isValidTimeZone(opts.timeZone)) return fail('unrecognised', `invalid time zone "${String(opts.timeZone).slice(0, 64)}"`);
  const expected = String(opts.expectedAccount ?? '').trim().toLowerCase();

  const doc = parseBounded(html);
  if (!doc) return fail('unrecognised', `elements nested deeper than ${MAX_PRINT_VIEW_DEPTH}`);
  const body = findFirst(doc, (el) => el.name === 'div' && hasClass(el, 'bodycontainer'));
  const main = body && findFirst(body, (el) => hasClass(el, 'maincontent'));
  if (!body || !main) {
    if (looksLikeSignIn(doc)) return fail('signed-out', 'Gmail answered with the Google sign-in page');
    return fail('unrecognised', 'not a Gmail print view (no div.bodycontainer > div.maincontent)');
  }

  const account = readAccount(body, main);
  if (!account) return fail('unrecognised', 'no account address in the page header');
  if (account !== expected) return fail('wrong-account', `page is for ${account}, expected ${expected || '(none)'}`);

  const subject = readSubject(doc, main);
  const messageCount = readMessageCount(main);
  // Top-level message tables only: a `table.message` inside a message (a body) is content, not a message.
  const tables = findAll(main, isMessageTable, isMessageTable);
  if (tables.length === 0) return fail('unrecognised', 'no table.message in the page');

  const messages: ObservedMessage[] = [];
  for (let i = 0; i < tables.length; i++) {
    const m = readMessage(tables[i]!, opts.timeZone);
    // A message whose sender we cannot read might be the reply: judge nothing.
    if (!m) return fail('unrecognised', `message ${i + 1} of ${tables.length}: no sender address`);
    messages.push(m);
  }
  if (messageCount !== undefined && messages.length < messageCount) {
    return fail('unrecognised', `page truncated: ${messages.length} of ${messageCount} messages`);
  }
  return { ok: true, account, subject, ...(messageCount !== undefined ? { messageCount } : {}), messages };
}

const isMessageTable = (el: Element): boolean => el.name === 'table' && hasClass(el, 'message');
const isTable = (el: Element): boolean => el.name === 'table';

/** The signed-in address from the header above `div.maincontent` (right-hand cell, else the whole header). */
function readAccount(body: Element, main: Element): string | undefined {
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

function readSubject(doc: ParentNode, main: Element): string {
  const heading = findFirst(main, (el) => el.name === 'font' && attr(el, 'size') === '+1', isMessageTable);
  const fromHeading = heading ? cleanText(textOf(heading)) : '';
  if (fromHeading) return fromHeading;
  const title = findFirst(doc, (el) => el.name === 'title');
  return title ? cleanText(textOf(title)).replace(/^gmail\s*[-–—]\s*/i, '') : '';
}

/** "3 messages" / "3 Nachrichten" in a grey `font` of the heading, outside any message. */
function readMessageCount(main: Element): number | undefined {
  const greys = findAll(main, (el) => el.name === 'font' && attr(el, 'color') === '#777', isMessageTable);
  for (const el of greys) {
    const m = /^(\d{1,6})(?!\S)/.exec(cleanText(textOf(el)));
    if (m) return Number(m[1]);
  }
  return undefined;
}

function readMessage(table: Element, timeZone: string): ObservedMessage | undefined {
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
  const at = local ? zonedToInstant(local, timeZone) : undefined;

  const to: Address[] = [];
  const recipientBox = findFirst(table, (el) => hasClass(el, 'recipient'), isTable);
  if (recipientBox) {
    const lines = findAll(recipientBox, (el) => el.name === 'div', (el) => el.name === 'div' || isTable(el));
    for (const line of lines.length > 0 ? lines : [recipientBox]) {
      if (hasClass(line, 'replyto')) continue;
      to.push(...readRecipientLine(cleanText(textOf(line))));
    }
  }
  return { from, to: dedupeAddresses(to), ...(at !== undefined && Number.isFinite(at) ? { at } : {}) };
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

function isSignInUrl(value: string): boolean {
  return /(^|[/.=\s])accounts\.google\.com([/?#:]|$)/i.test(value) || /\/ServiceLogin(Auth)?\b/i.test(value);
}

/** The Google sign-in page (or a refresh to it) instead of a print view. */
function looksLikeSignIn(doc: ParentNode): boolean {
  return (
    findFirst(doc, (el) => {
      if (el.name === 'form') return isSignInUrl(el.attribs['action'] ?? '');
      if (el.name === 'meta' && attr(el, 'http-equiv') === 'refresh') return isSignInUrl(el.attribs['content'] ?? '');
      return false;
    }) !== undefined
  );
}

/** Classifies a fetch outcome before parsing: redirected to accounts.google.com / ServiceLogin, 401/403, non-HTML. */
export function classifyPrintViewResponse(r: {
  status: number;
  url: string;
  redirected: boolean;
  contentType: string | null;
}): 'ok' | 'signed-out' | 'no-access' | 'unrecognised' {
  let url: URL | undefined;
  try {
    url = new URL(r.url);
  } catch {
    url = undefined;
  }
  const host = url?.hostname.toLowerCase() ?? '';
  const googleHost = host === 'google.com' || host.endsWith('.google.com');
  const path = url?.pathname ?? '';
  if (
    host === 'accounts.google.com' ||
    (googleHost && /\/(ServiceLogin|signin)\b/i.test(path)) ||
    // Without a session Gmail may also land on its product page.
    host === 'workspace.google.com' ||
    (host === 'www.google.com' && path.startsWith('/gmail/about'))
  ) {
    return 'signed-out';
  }
  if (r.status === 401) return 'signed-out';
  // 403: host access withheld or refused; 0: an opaque (e.g. manual-redirect) response we may not read.
  if (r.status === 403 || r.status === 0) return 'no-access';
  if (r.status < 200 || r.status > 299) return 'unrecognised';
  if (!url || url.protocol !== 'https:' || host !== 'mail.google.com') return 'unrecognised';
  const type = (r.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return 'unrecognised';
  return 'ok';
}

/**
 * https://mail.google.com/mail/u/0/?authuser=<email>&ik=…&view=pt&search=all&th=<hex>
 * (or `permthid=thread-f:<decimal>`), with `hl=en` for English dates.
 * `authuser` picks the account (the `/u/N` index changes as accounts are
 * added); the hex id wins when both are usable. Throws without an account
 * or a usable thread id (a programming error, not page content).
 */
export function printViewUrl(p: { account: string; threadId?: string; permThreadId?: string; ik?: string }): string {
  const account = (p.account ?? '').trim();
  if (!account) throw new TypeError('printViewUrl: account is required');
  const hex = p.threadId?.trim();
  const perm = p.permThreadId?.trim();
  const params: [string, string][] = [['authuser', account]];
  if (p.ik) params.push(['ik', p.ik]);
  params.push(['view', 'pt'], ['search', 'all']);
  if (hex && /^[0-9a-f]{1,16}$/i.test(hex)) params.push(['th', hex.toLowerCase()]);
  else if (perm && /^(thread-f:)?\d{1,20}$/.test(perm)) params.push(['permthid', perm.startsWith('thread-f:') ? perm : `thread-f:${perm}`]);
  else throw new TypeError('printViewUrl: a hex threadId or a thread-f:<decimal> permThreadId is required');
  params.push(['hl', 'en']);
  return `https://mail.google.com/mail/u/0/?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
