/**
 * Putting plain text into Gmail's editor the way typing does. Gmail saves
 * drafts and keeps its undo history from the editor's own input events, so
 * text set behind its back (innerHTML, textContent) would be lost on the
 * next save and could not be undone. `execCommand('insertText')` on the
 * focused editor goes through the browser's editing pipeline: it fires
 * trusted `input` events (inputType "insertText"; Chromium fires no
 * `beforeinput` for execCommand, as the Input Events spec says), lands on
 * the native undo stack as one step, and turns line breaks into the
 * editor's own lines (proven in test/e2e/follow-up.test.ts). Where a browser
 * refuses it, `beforeinput` and `input` are dispatched around a Range
 * insertion. Text only: nothing is ever parsed as markup.
 */

import { BODY_QUOTE } from './selectors';

export type InsertResult = 'inserted' | 'present' | 'failed';

/** Whitespace left out: line breaks become <br>s or blocks, which textContent does not show. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** What the user wrote in the editor: the quoted thread (which may hold an earlier, identical nudge) left out. */
function ownText(editor: HTMLElement): string {
  const copy = editor.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(BODY_QUOTE).forEach((q) => q.remove());
  return squash(copy.textContent ?? '');
}

/**
 * Inserts `text` at the caret in `editor` (a contenteditable): where the user
 * left the caret in it, else at its start. Never replaces what is there (a
 * selection is kept and the text goes after it); separated by a blank line
 * from text that follows the caret. `present`: the editor already holds this
 * text (a second click), nothing was added.
 */
export function insertPlainText(editor: HTMLElement, text: string): InsertResult {
  try {
    const doc = editor.ownerDocument;
    const selection = doc.defaultView?.getSelection();
    const normal = text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
    if (!selection || !squash(normal)) return 'failed';
    if (ownText(editor).includes(squash(normal))) return 'present';

    editor.focus();
    placeCaret(editor, selection);
    const range = selection.getRangeAt(0);
    const after = doc.createRange();
    after.selectNodeContents(editor);
    after.setStart(range.endContainer, range.endOffset);
    const before = doc.createRange();
    before.selectNodeContents(editor);
    before.setEnd(range.startContainer, range.startOffset);
    // Never run into the user's words: a line of its own before, a blank line before what follows.
    const piece = `${/\S$/.test(before.toString()) ? '\n' : ''}${normal}${/\S/.test(after.toString()) ? '\n\n' : ''}`;

    if (execInsert(doc, piece) && ownText(editor).includes(squash(normal))) return 'inserted';
    return rangeInsert(editor, selection, piece) ? 'inserted' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * The user's caret if it is in the editor (a selection collapses to its
 * end), else the editor's start. Never inside or below the quoted thread or
 * the signature: the nudge is the user's new words, above them.
 */
function placeCaret(editor: HTMLElement, selection: Selection): void {
  const inside = selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).commonAncestorContainer);
  if (inside) {
    if (!selection.isCollapsed) selection.collapseToEnd();
    const quote = editor.querySelector(BODY_QUOTE);
    const quoteStart = editor.ownerDocument.createRange();
    if (quote) quoteStart.setStartBefore(quote);
    if (!quote || selection.getRangeAt(0).compareBoundaryPoints(Range.START_TO_START, quoteStart) < 0) return;
  }
  const range = editor.ownerDocument.createRange();
  range.setStart(editor, 0);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

function execInsert(doc: Document, text: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/**
 * Where execCommand is refused: `beforeinput` first (an editor that handles
 * it itself cancels it), then text nodes and <br>s at the caret, then `input`.
 */
function rangeInsert(editor: HTMLElement, selection: Selection, text: string): boolean {
  const doc = editor.ownerDocument;
  const Input = doc.defaultView?.InputEvent ?? InputEvent;
  const init = { inputType: 'insertText', data: text, bubbles: true, composed: true };
  if (!editor.dispatchEvent(new Input('beforeinput', { ...init, cancelable: true }))) {
    return ownText(editor).includes(squash(text));
  }
  const range = selection.getRangeAt(0);
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) fragment.append(doc.createElement('br'));
    if (line) fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  editor.dispatchEvent(new Input('input', init));
  return true;
}
