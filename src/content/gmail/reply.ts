/**
 * Opening Gmail's own in-thread reply, as if the user clicked Reply: the
 * newest message's Reply button, else the Reply of the bar below the
 * thread ("Reply all" of that bar when asked for and shown). Shared by every action that wants the reply open ("Reply now",
 * writing a follow-up). Gmail's buttons act on the mouse sequence, so the
 * whole sequence is dispatched; nothing here sends anything.
 */
import * as S from './selectors';
import { isHidden } from './dom-util';
import { threadMessageElements, type VisibleThread } from './thread-view';

/** The first of `list` not hidden by markup. */
const visible = (list: Iterable<Element>) => [...list].find((el) => !isHidden(el));

/** The control that opens a reply to the thread's newest message, if one is on screen. */
export function replyControl(doc: Document, thread: VisibleThread): Element | undefined {
  try {
    const messages = threadMessageElements(doc, thread);
    const last = messages.at(-1);
    const own = last && (visible(last.querySelectorAll(S.MESSAGE_REPLY_BUTTON)) ?? visible(last.querySelectorAll(S.MESSAGE_REPLY_BUTTON_FALLBACK)));
    return own ?? (messages.container ? visible(messages.container.querySelectorAll(S.REPLY_BAR_FIRST)) : undefined);
  } catch {
    return undefined;
  }
}

/**
 * "Reply all" of the bar below the thread, if Gmail shows one (it does only
 * when the newest message had several recipients). Acting on the newest
 * message, as the bar's Reply does.
 */
export function replyAllControl(doc: Document, thread: VisibleThread): Element | undefined {
  try {
    const container = threadMessageElements(doc, thread).container;
    if (!container) return undefined;
    return visible(container.querySelectorAll(S.REPLY_ALL_BAR)) ?? visible(container.querySelectorAll(S.REPLY_ALL_BAR_FALLBACK));
  } catch {
    return undefined;
  }
}

/** The editor of an inline reply open in the thread, if any. */
export function inlineReplyEditor(doc: Document, thread: VisibleThread): HTMLElement | undefined {
  try {
    const container = threadMessageElements(doc, thread).container;
    const editors = container ? [...container.querySelectorAll(`${S.INLINE_REPLY_AREA} ${S.COMPOSE_EDITOR}`)] : [];
    return editors.find((el): el is HTMLElement => !isHidden(el) && 'focus' in el);
  } catch {
    return undefined;
  }
}

export interface OpenReplyOptions {
  /** How long Gmail may take to show the reply (ms). */
  timeoutMs?: number;
  /** Prefer "Reply all" (falls back to Reply where Gmail offers none). A reply already open is kept as it is. */
  replyAll?: boolean;
}

/**
 * Opens the in-thread reply (or finds the one already open) and focuses its
 * editor. Resolves to the editor, or undefined when there is no Reply control
 * or Gmail showed no reply in time.
 */
export async function openInThreadReply(doc: Document, thread: VisibleThread, { timeoutMs = 5_000, replyAll = false }: OpenReplyOptions = {}): Promise<HTMLElement | undefined> {
  let editor = inlineReplyEditor(doc, thread);
  if (!editor) {
    const find = () => (replyAll ? replyAllControl(doc, thread) : undefined) ?? replyControl(doc, thread);
    // The thread's heading shows before its messages: give Gmail the same time to show the Reply control.
    const control = find() ?? (await waitFor(doc, find, REPLY_CONTROLS, timeoutMs));
    if (!control) return undefined;
    const view = doc.defaultView;
    for (const type of ['mousedown', 'mouseup', 'click']) {
      control.dispatchEvent(new (view?.MouseEvent ?? MouseEvent)(type, { bubbles: true, cancelable: true, view, button: 0 }));
    }
    editor = await waitFor(doc, () => inlineReplyEditor(doc, thread), REPLY_EDITOR_PARTS, timeoutMs);
  }
  editor?.focus();
  return editor;
}

/** What Gmail adds when it shows a Reply control (a message header, the bar below the thread). */
const REPLY_CONTROLS = [S.MESSAGE_REPLY_BUTTON, S.MESSAGE_REPLY_BUTTON_FALLBACK, S.REPLY_BAR_FIRST, S.REPLY_ALL_BAR, S.REPLY_ALL_BAR_FALLBACK].join(', ');
/** What Gmail adds when it opens the inline reply: the reply area, the compose in it, its editor. */
const REPLY_EDITOR_PARTS = [S.COMPOSE_EDITOR, S.INLINE_REPLY_AREA, S.COMPOSE_ROOT].join(', ');
/** A burst of additions costs one look, about a frame after its first batch. */
const LOOK_AFTER_MS = 16;
/** Gmail can also show a control without adding a node (a style or attribute change): a slow look covers that. */
const SAFETY_LOOK_MS = 250;

/**
 * Resolves to `find()`'s first hit, or undefined after `timeoutMs`. Gmail mutates its page many times a second
 * after a click: `find` (which walks the thread) runs only when a mutation batch added an element that is or holds
 * one of `candidates` — at most once per LOOK_AFTER_MS — and every SAFETY_LOOK_MS, never per mutation.
 */
function waitFor<T>(doc: Document, find: () => T | undefined, candidates: string, timeoutMs: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const win = doc.defaultView;
    const timers = win ?? globalThis;
    let queued: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const look = () => {
      queued = undefined;
      const hit = find();
      if (hit) finish(hit);
    };
    const observer = new (win?.MutationObserver ?? MutationObserver)((records) => {
      if (queued === undefined && !done && addsCandidate(records, candidates)) queued = timers.setTimeout(look, LOOK_AFTER_MS);
    });
    const safety = timers.setInterval(look, SAFETY_LOOK_MS);
    const timer = timers.setTimeout(() => finish(undefined), timeoutMs);
    function finish(value: T | undefined) {
      if (done) return;
      done = true;
      observer.disconnect();
      timers.clearTimeout(timer);
      timers.clearTimeout(queued);
      timers.clearInterval(safety);
      resolve(value);
    }
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  });
}

/** Whether a batch added an element matching `selector` or holding one (cost: the added subtrees only). */
function addsCandidate(records: readonly MutationRecord[], selector: string): boolean {
  try {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.matches(selector) || el.querySelector(selector)) return true;
      }
    }
    return false;
  } catch {
    // An odd node: look anyway rather than miss the control.
    return true;
  }
}
