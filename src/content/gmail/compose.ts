/**
 * Finding a Gmail compose and its send row. A compose is a form (known by
 * input names only a compose has) plus a send row; its root is `div.M9`
 * or, when that class is hashed away, the smallest element that holds both
 * the form and the send row, so the same compose always yields the same
 * root whichever of its elements the observer reported. Reading what is
 * in a compose lives in compose-read.ts (re-exported here).
 */

import * as S from './selectors';
import { ancestors, childOfHolding } from './dom-util';

export { readCompose, inlineReplyContext, typedRecipients, type ComposeSnapshot } from './compose-read';

export type ComposeKind = 'new' | 'popout' | 'fullscreen' | 'inline';

/**
 * Anything that can be (or contain) a compose root. The send row is watched
 * too because Gmail may build a compose in steps: the root can arrive before
 * its send row, and only the row's arrival makes the compose usable.
 */
export const COMPOSE_WATCH_SELECTOR = [S.COMPOSE_ROOT, S.SEND_ROW, S.SEND_ROW_FALLBACK].join(', ');

export interface ComposeParts {
  root: Element;
  form: HTMLFormElement | null;
  sendRow: Element;
  sendCell: Element;
  sendButton: HTMLElement | null;
  kind: ComposeKind;
}

/** Where a walk up from a compose part must stop: beyond these lie other composes or the whole page. */
const WALK_LIMIT = [S.MAIN_PANE, '[role=main]', 'body'].join(', ');
/** A compose's parts are never further than this from the root. */
const COMPOSE_DEPTH = 30;

/**
 * The compose's parts, or undefined when `el` is not (in) a usable compose:
 * no send row yet (still being built), or not a compose at all.
 */
export function composeParts(el: Element): ComposeParts | undefined {
  try {
    const root = el.closest(S.COMPOSE_ROOT) ?? el.querySelector(S.COMPOSE_ROOT) ?? fallbackRoot(el);
    if (!root) return undefined;
    const sendRow = findSendRow(root);
    if (!sendRow) return undefined;
    const sendButton = findSendButton(root, sendRow);
    const sendCell = findSendCell(sendRow, sendButton);
    if (!sendCell) return undefined;
    return { root, form: findForm(root), sendRow, sendCell, sendButton, kind: kindOf(root) };
  } catch {
    return undefined;
  }
}

/** The first form inside `scope` that has compose-only inputs. */
function findForm(scope: Element): HTMLFormElement | null {
  const marker = scope.querySelector(S.COMPOSE_FORM_MARKER);
  const form = marker?.closest(S.COMPOSE_FORM);
  return form && scope.contains(form) ? (form as HTMLFormElement) : null;
}

function findSendRow(scope: Element): Element | undefined {
  const primary = scope.querySelector(S.SEND_ROW);
  if (primary) return primary;
  // Structural: a row of the role=group table that has cells (Gmail's send table has one row).
  for (const row of scope.querySelectorAll(S.SEND_ROW_FALLBACK)) {
    if (row.querySelector('td')) return row;
  }
  return undefined;
}

/**
 * Send: by class chain, else the first plain button of the role=group
 * table. Queried from the root, not the row, because both selectors name
 * the row's ancestors (`.IZ`, `table[role=group]`), and then kept only
 * inside the row.
 */
function findSendButton(root: Element, row: Element): HTMLElement | null {
  for (const selector of [S.SEND_BUTTON, S.SEND_BUTTON_FALLBACK]) {
    for (const button of root.querySelectorAll<HTMLElement>(selector)) {
      if (row.contains(button)) return button;
    }
  }
  return null;
}

/** The send group cell, a direct child of the row: by class, else the cell holding Send, else the first cell. */
function findSendCell(row: Element, sendButton: Element | null): Element | undefined {
  const byClass = childOfHolding(row, row.querySelector(S.SEND_CELL));
  if (byClass?.tagName === 'TD') return byClass;
  const holding = childOfHolding(row, sendButton);
  if (holding?.tagName === 'TD') return holding;
  return [...row.children].find((c) => c.tagName === 'TD');
}

/**
 * Without `.M9`: find the compose form that `el` belongs to (el inside it,
 * el holding it, or el near it), then the smallest ancestor of that form
 * holding a send row. `el` must be inside that root or hold it, so a stray
 * role=group row elsewhere on the page never adopts some other compose.
 */
function fallbackRoot(el: Element): Element | undefined {
  const form = formNear(el);
  if (!form) return undefined;
  for (const anc of ancestors(form, COMPOSE_DEPTH)) {
    if (anc.matches(WALK_LIMIT)) return undefined;
    if (findSendRow(anc)) return anc.contains(el) || el.contains(anc) ? anc : undefined;
  }
  return undefined;
}

function formNear(el: Element): Element | undefined {
  const own = el.closest(S.COMPOSE_FORM);
  if (own?.querySelector(S.COMPOSE_FORM_MARKER)) return own;
  const inside = findForm(el);
  if (inside) return inside;
  for (const anc of ancestors(el, COMPOSE_DEPTH)) {
    if (anc.matches(WALK_LIMIT)) return undefined;
    const found = findForm(anc);
    if (found) return found;
  }
  return undefined;
}

/**
 * Pop-out is a page of its own (body classes); full screen has its own
 * container; an inline reply sits in a message's reply area, inside a
 * message, or at least inside the main pane (compose windows and dialogs
 * live outside it). Everything else is a compose window.
 */
function kindOf(root: Element): ComposeKind {
  if (root.ownerDocument.body?.matches(S.POPOUT_BODY)) return 'popout';
  if (root.closest(S.FULLSCREEN_CONTAINER)) return 'fullscreen';
  if (root.closest(S.INLINE_REPLY_AREA) || root.closest(S.MESSAGE_FALLBACK)) return 'inline';
  if (root.closest(S.MAIN_PANE) && !root.closest(S.COMPOSE_DIALOG)) return 'inline';
  return 'new';
}
