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
import { isValidTimeZone } from '../time/zoned';
import type { ObservedMessage } from './types';
import { looksLikeSignIn, readAccount } from './print-view/account';
import { MAX_PRINT_VIEW_DEPTH, parseBounded } from './print-view/bounded';
import { findAll, findFirst, hasClass } from './print-view/dom';
import { readMessageCount, readSubject } from './print-view/heading';
import { isMessageTable, readMessage, type PrintedMessage } from './print-view/messages';
import { readPrintTimes, type ClockOptions, type PrintClock } from './print-view/clock';

export { MAX_PRINT_VIEW_DEPTH };
export { classifyPrintViewResponse } from './print-view/response';
export { printViewUrl } from './print-view/url';
export type { PrintClock } from './print-view/clock';

export type PrintViewResult =
  | {
      ok: true;
      account: string /* lower-cased address from the header */;
      subject: string;
      messageCount?: number;
      messages: ObservedMessage[];
      /** How the dates were read; only when a tracked message was given to calibrate against. */
      clock?: PrintClock;
    }
  | { ok: false; reason: 'signed-out' | 'wrong-account' | 'unrecognised'; detail: string };

/** Larger pages are not parsed (a 100-message thread is a few hundred KB). */
export const MAX_PRINT_VIEW_CHARS = 5 * 1024 * 1024;

const fail = (reason: 'signed-out' | 'wrong-account' | 'unrecognised', detail: string): PrintViewResult => ({
  ok: false,
  reason,
  detail,
});

export interface PrintViewOptions extends Omit<ClockOptions, 'timeZone'> {
  /** Lower-cased. */
  expectedAccount: string;
  /**
   * The settings zone. Without `tracked` every date is read in it; with it,
   * the page's own zone is worked out from the tracked message (clock.ts)
   * and this zone is only the first guess and the fallback.
   */
  timeZone: string;
  /** false: headers only, no body text (the parse as it was before automatic answers were read; the bench's baseline). */
  bodies?: boolean;
}

export function parsePrintView(html: string, opts: PrintViewOptions): PrintViewResult {
  try {
    return parse(html, opts);
  } catch (e) {
    return fail('unrecognised', `parser error: ${String(e).slice(0, 200)}`);
  }
}

function parse(html: string, opts: PrintViewOptions): PrintViewResult {
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

  const printed: PrintedMessage[] = [];
  for (let i = 0; i < tables.length; i++) {
    const m = readMessage(tables[i]!, opts.bodies !== false);
    // A message whose sender we cannot read might be the reply: judge nothing.
    if (!m) return fail('unrecognised', `message ${i + 1} of ${tables.length}: no sender address`);
    printed.push(m);
  }
  if (messageCount !== undefined && printed.length < messageCount) {
    return fail('unrecognised', `page truncated: ${printed.length} of ${messageCount} messages`);
  }
  const { ats, clock } = readPrintTimes(printed, opts);
  const messages = printed.map(({ local: _, ...m }, i): ObservedMessage => {
    const at = ats[i];
    return at !== undefined && Number.isFinite(at) ? { ...m, at } : m;
  });
  return { ok: true, account, subject, ...(messageCount !== undefined ? { messageCount } : {}), messages, ...(opts.tracked ? { clock } : {}) };
}
