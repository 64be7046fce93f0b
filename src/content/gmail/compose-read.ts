/**
 * Reading a compose found by compose.ts: subject, committed recipients,
 * Gmail's client ids, and — for an inline reply — the thread around it.
 * Only form input names, attributes and the `jslog` id field are read;
 * values are taken as text (never parsed as HTML), and every export
 * returns an empty result instead of throwing into Gmail.
 */

import type { Address } from '../../core/reminder';
import type { ThreadContext } from '../controller/identity';
import type { ComposeParts } from './compose';
import * as S from './selectors';
import { ancestors, fieldValue, isHidden, plainText } from './dom-util';
import { clientMessageId, clientThreadId, hexId, jslogIds, threadIds } from './ids';
import { dedupeAddresses } from '../../core/address-list';
import { elementAddress, parseAddressList } from './addresses';

export interface ComposeSnapshot {
  subject: string;
  /** Committed recipients (hidden inputs, chips): deduped, lower-cased emails, names kept. */
  recipients: Address[];
  /** `msg-a:r…`, no leading `#`. */
  clientMessageId?: string;
  /** `thread-a:r…`. */
  clientThreadId?: string;
  /** Hex thread id of a reply (`lts`); empty for a new message. */
  legacyThreadId?: string;
  composeId?: string;
}

const MAX_SUBJECT = 2000;
const COMPOSE_ID = /^[\w:.-]{1,40}$/;

export function readCompose(parts: ComposeParts): ComposeSnapshot {
  try {
    const { root } = parts;
    const value = (selector: string) => fieldValue(root.querySelector(selector));
    const snap: ComposeSnapshot = {
      subject: value(S.SUBJECT_INPUT).trim().slice(0, MAX_SUBJECT),
      recipients: committedRecipients(parts),
    };
    let msgId = clientMessageId(value(S.DRAFT_INPUT));
    let threadId = clientThreadId(value(S.CLIENT_THREAD_INPUT));
    // The hidden inputs are filled by Gmail's script; jslog (on the root and
    // the Send button) carries the same ids and is there from the start.
    for (const el of jslogElements(root)) {
      if (msgId && threadId) break;
      const ids = jslogIds(el.getAttribute('jslog'));
      msgId ??= ids.messageId;
      threadId ??= ids.threadId;
    }
    if (msgId) snap.clientMessageId = msgId;
    if (threadId) snap.clientThreadId = threadId;
    const lts = hexId(value(S.LEGACY_THREAD_INPUT));
    if (lts) snap.legacyThreadId = lts;
    const composeId = value(S.COMPOSE_ID_INPUT).trim();
    if (COMPOSE_ID.test(composeId)) snap.composeId = composeId;
    return snap;
  } catch {
    return { subject: '', recipients: [] };
  }
}

function jslogElements(root: Element): Element[] {
  const list = [...root.querySelectorAll(S.JSLOG_WITH_IDS)];
  return root.matches(S.JSLOG_WITH_IDS) ? [root, ...list] : list;
}

/** Where recipient fields live: the To/Cc/Bcc table, else the compose form, else the root. */
function recipientScope(parts: ComposeParts): Element {
  return parts.root.querySelector(S.RECIPIENT_AREA) ?? parts.form ?? parts.root;
}

/**
 * Hidden inputs first (they carry "Name <email>"), then chips (attributes);
 * a chip without a valid email (Gmail marks invalid entries as chips too)
 * is skipped.
 */
function committedRecipients(parts: ComposeParts): Address[] {
  const scope = recipientScope(parts);
  const found: Address[] = [];
  scope.querySelectorAll(S.RECIPIENT_INPUTS).forEach((input) => {
    found.push(...parseAddressList(fieldValue(input)));
  });
  scope.querySelectorAll(S.RECIPIENT_CHIPS).forEach((chip) => {
    const a = elementAddress(chip);
    if (a) found.push(a);
  });
  return dedupeAddresses(found);
}

/**
 * Addresses typed into To/Cc/Bcc but not yet turned into chips. Gmail
 * commits them when Send is pressed, so a snapshot taken on the Send click
 * may want them; only text that parses as addresses counts.
 */
export function typedRecipients(parts: ComposeParts): Address[] {
  try {
    const found: Address[] = [];
    recipientScope(parts).querySelectorAll(S.RECIPIENT_TEXTAREAS).forEach((t) => {
      found.push(...parseAddressList(fieldValue(t)));
    });
    return dedupeAddresses(found);
  } catch {
    return [];
  }
}

const HEADINGS = `${S.THREAD_HEADING}, ${S.THREAD_HEADING_FALLBACK}`;

/**
 * The thread an inline reply is written in: the nearest thread heading
 * above the compose (its own view, even while other views sit hidden in
 * the DOM), else the reply's `lts` hex id. Only inline replies have one: a
 * compose window merely floats over whatever thread is open.
 */
export function inlineReplyContext(parts: ComposeParts): ThreadContext | undefined {
  try {
    if (parts.kind !== 'inline') return undefined;
    const heading = nearestHeading(parts.root);
    const ids = heading
      ? threadIds(heading.getAttribute('data-legacy-thread-id'), heading.getAttribute('data-thread-perm-id'))
      : {};
    const fromLts = threadIds(fieldValue(parts.root.querySelector(S.LEGACY_THREAD_INPUT)), undefined);
    const { threadId, permThreadId } = ids.threadId ? ids : fromLts;
    if (!threadId && !heading) return undefined;
    return {
      ...(threadId ? { threadId } : {}),
      ...(permThreadId ? { permThreadId } : {}),
      subject: plainText(heading),
    };
  } catch {
    return undefined;
  }
}

function nearestHeading(root: Element): Element | undefined {
  for (const anc of ancestors(root)) {
    const found = [...anc.querySelectorAll(HEADINGS)];
    if (found.length > 0) return found.find((h) => !isHidden(h, anc)) ?? found[0];
    if (anc.matches(S.MAIN_PANE)) return undefined;
  }
  return undefined;
}
