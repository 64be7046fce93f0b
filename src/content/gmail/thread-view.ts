/**
 * The open thread: its heading (ids, subject), its toolbar, and the header
 * data of its messages. Gmail keeps earlier views in the DOM, hidden, so
 * "first/last in the document" is wrong: the visible heading is chosen by
 * markup (hidden / display:none / aria-hidden), and toolbar and messages
 * are looked up from that heading outwards. Of a message's body only the
 * first lines are read, as plain text (body-text.ts), for recognising
 * automatic answers; a collapsed message shows no body.
 */

import type { Address } from '../../core/reminder';
import * as S from './selectors';
import { ancestors, isHidden, plainText } from './dom-util';
import { hexId, messageId as cleanMessageId, threadIds } from './ids';
import { dedupeAddresses } from '../../core/address-list';
import { elementAddress } from './addresses';
import { bodyText } from './body-text';

export interface VisibleThread {
  heading: Element;
  /** Lower-case hex (the URL form). */
  threadId?: string;
  /** `thread-f:<decimal>`, only when it parses and agrees with the hex id. */
  permThreadId?: string;
  subject: string;
}

export interface ThreadMessage {
  /** `msg-f:…`, or `msg-a:r…` for a message just sent; no `#`. */
  messageId?: string;
  legacyMessageId?: string;
  from?: Address;
  recipients: Address[];
  /** The date's `title` (full date, in the UI language). */
  dateTitle?: string;
  /** The body's first lines as plain text, when the message is expanded. */
  text?: string;
  /** The message is collapsed: its body (and whether it is an automatic answer) cannot be seen. */
  bodyHidden?: true;
}

const HEADINGS = `${S.THREAD_HEADING}, ${S.THREAD_HEADING_FALLBACK}`;
const MESSAGES = `${S.MESSAGE}, ${S.MESSAGE_FALLBACK}`;
/** Parts of a message whose addresses are not header addresses: the body, the reply area and a compose in it. */
const NOT_HEADER = [S.MESSAGE_BODY, S.INLINE_REPLY_AREA, S.COMPOSE_ROOT, S.COMPOSE_FORM].join(', ');

export function visibleThread(doc: Document): VisibleThread | undefined {
  try {
    for (const heading of doc.querySelectorAll(HEADINGS)) {
      if (isHidden(heading)) continue;
      const ids = threadIds(heading.getAttribute('data-legacy-thread-id'), heading.getAttribute('data-thread-perm-id'));
      return { heading, ...ids, subject: plainText(heading) };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * The visible main toolbar nearest to the heading: walking outwards, the
 * first level that holds a visible `[gh=mtb]` (preferring one inside a
 * `[gh=tm]` container) wins, so the thread's own toolbar beats the hidden
 * list toolbar and those of stale views. A visible `[gh=tm]` without an
 * `[gh=mtb]` stands in for it.
 */
export function threadToolbar(doc: Document, thread: VisibleThread): Element | undefined {
  try {
    if (!doc.contains(thread.heading)) return undefined;
    for (const anc of ancestors(thread.heading)) {
      const bars = [...anc.querySelectorAll(S.MAIN_TOOLBAR)].filter((b) => !isHidden(b));
      const bar = bars.find((b) => b.closest(S.TOOLBAR_CONTAINER)) ?? bars[0];
      if (bar) return bar;
      const container = [...anc.querySelectorAll(S.TOOLBAR_CONTAINER)].find((c) => !isHidden(c));
      if (container) return container;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export function threadMessages(doc: Document, thread: VisibleThread): ThreadMessage[] {
  try {
    return threadMessageElements(doc, thread).map(readMessage);
  } catch {
    return [];
  }
}

/** The open thread's message elements in thread order, and the element holding them (for the reply controls). */
export function threadMessageElements(doc: Document, thread: VisibleThread): Element[] & { container?: Element } {
  if (!doc.contains(thread.heading)) return [];
  const container = messageContainer(thread.heading);
  if (!container) return [];
  let found = [...container.querySelectorAll(S.MESSAGE)];
  if (found.length === 0) {
    // Fallback: anything with a message id; the outermost carrier is the message.
    found = [...container.querySelectorAll(S.MESSAGE_FALLBACK)].filter((m) => {
      const outer = m.parentElement?.closest(S.MESSAGE_FALLBACK);
      return !outer || !container.contains(outer);
    });
  }
  return Object.assign(found, { container });
}

/** The nearest ancestor of the heading holding messages, as long as it holds no other thread's heading. */
function messageContainer(heading: Element): Element | undefined {
  for (const anc of ancestors(heading)) {
    if (anc.querySelectorAll(HEADINGS).length > 1) return undefined;
    if (anc.querySelector(MESSAGES)) return anc;
  }
  return undefined;
}

function readMessage(msg: Element): ThreadMessage {
  const idCarrier = (attr: string) => (msg.hasAttribute(attr) ? msg : msg.querySelector(`[${attr}]`));
  const out: ThreadMessage = { recipients: [] };
  const id = cleanMessageId(idCarrier('data-message-id')?.getAttribute('data-message-id'));
  if (id) out.messageId = id;
  const legacy = hexId(idCarrier('data-legacy-message-id')?.getAttribute('data-legacy-message-id'));
  if (legacy) out.legacyMessageId = legacy;

  const header = (selector: string) => [...msg.querySelectorAll(selector)].filter((e) => !inside(e, msg, NOT_HEADER));
  const addresses = header(S.MESSAGE_ADDRESS);
  const senderEl = header(S.SENDER)[0] ?? header(S.SENDER_FALLBACK)[0] ?? addresses[0];
  const from = senderEl ? elementAddress(senderEl) : undefined;
  if (from) out.from = from;

  const listed = header(S.MESSAGE_RECIPIENTS);
  const recipientEls = listed.length > 0 ? listed : addresses.filter((e) => e !== senderEl);
  out.recipients = dedupeAddresses(recipientEls.map(elementAddress).filter((a): a is Address => !!a));

  const date = header(S.MESSAGE_DATE)[0] ?? header(S.MESSAGE_DATE_FALLBACK)[0];
  const title = date?.getAttribute('title')?.trim();
  if (title) out.dateTitle = title.slice(0, 200);

  const body = [...msg.querySelectorAll(S.MESSAGE_BODY)].find((b) => !inside(b, msg, `${S.INLINE_REPLY_AREA}, ${S.COMPOSE_ROOT}, ${S.COMPOSE_FORM}`));
  if (body) {
    const text = bodyText(body);
    if (text) out.text = text;
  } else out.bodyHidden = true;
  return out;
}

/** `el` lies inside an element matching `selector` that is itself inside `msg`. */
function inside(el: Element, msg: Element, selector: string): boolean {
  const hit = el.closest(selector);
  return !!hit && hit !== msg && msg.contains(hit);
}
