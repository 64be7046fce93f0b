// @vitest-environment happy-dom
/**
 * Text into Gmail's reply editor (the real one of thread-view-en.html). happy-dom has no execCommand, so these
 * run the fallback (Range + InputEvent); the execCommand path is proven in Chromium (test/e2e/follow-up.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertPlainText } from '../../../src/content/gmail/insert-text';
import { COMPOSE_EDITOR, INLINE_REPLY_AREA } from '../../../src/content/gmail/selectors';
import { load } from './dom';

let editor: HTMLElement;
/** What a listener like Gmail's (on the document, as its editor code listens) sees. */
let seen: { type: string; inputType: string; data: string | null; cancelable: boolean }[];

let listening = new AbortController();
afterEach(() => {
  listening.abort();
  listening = new AbortController();
});

beforeEach(() => {
  load('thread-view-en.html');
  editor = document.querySelector<HTMLElement>(`${INLINE_REPLY_AREA} ${COMPOSE_EDITOR}`)!;
  seen = [];
  for (const type of ['beforeinput', 'input']) {
    document.addEventListener(type, (e) => {
      const i = e as InputEvent;
      seen.push({ type, inputType: i.inputType, data: i.data, cancelable: i.cancelable });
    }, { signal: listening.signal });
  }
});

function caretAt(node: Node, offset: number, focusOffset = offset) {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, focusOffset);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

const NUDGE = 'Hi Ann,\n\njust checking in on the quote.\nBest, Me';

describe('insertPlainText', () => {
  it('puts the text into the empty editor with its line breaks, announced as typing (beforeinput, then input)', () => {
    expect(insertPlainText(editor, NUDGE)).toBe('inserted');
    expect(editor.textContent).toBe('Hi Ann,just checking in on the quote.Best, Me');
    expect(editor.querySelectorAll('br').length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([
      { type: 'beforeinput', inputType: 'insertText', data: NUDGE, cancelable: true },
      { type: 'input', inputType: 'insertText', data: NUDGE, cancelable: false },
    ]);
    expect(document.activeElement).toBe(editor);
  });

  it('inserts at the caret and keeps the user\'s text on both sides, on lines of its own', () => {
    editor.textContent = 'Dear Ann, thanks again.';
    const text = editor.firstChild!;
    caretAt(text, 'Dear Ann,'.length);
    expect(insertPlainText(editor, 'Any news?')).toBe('inserted');
    expect(editor.innerHTML).toBe('Dear Ann,<br>Any news?<br><br> thanks again.');
  });

  it('never replaces a selection: the text goes after it', () => {
    editor.textContent = 'keep all of this';
    caretAt(editor.firstChild!, 0, 'keep all'.length);
    expect(insertPlainText(editor, 'nudge')).toBe('inserted');
    expect(editor.innerHTML).toBe('keep all<br>nudge<br><br> of this');
  });

  it('with the caret elsewhere, starts at the top of the editor, a blank line before what was there', () => {
    editor.innerHTML = '<div>My own draft</div>';
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    expect(insertPlainText(editor, 'Following up.')).toBe('inserted');
    expect(editor.innerHTML).toBe('Following up.<br><br><div>My own draft</div>');
  });

  it('hostile text stays text: nothing is parsed as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp; {firstName}';
    expect(insertPlainText(editor, hostile)).toBe('inserted');
    expect(editor.querySelector('img, script')).toBeNull();
    expect(editor.textContent).toBe(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a second time (the text is there already) adds nothing; the same text in the quoted thread does not count', () => {
    expect(insertPlainText(editor, NUDGE)).toBe('inserted');
    seen = [];
    expect(insertPlainText(editor, NUDGE)).toBe('present');
    expect(seen).toEqual([]);

    editor.innerHTML = '<br><div class="gmail_quote">On Mon, Me wrote:<blockquote>Hi Ann, just checking in on the quote. Best, Me</blockquote></div>';
    // The caret left below the quote (e.g. the user clicked there) does not put the nudge under it.
    caretAt(editor, editor.childNodes.length);
    expect(insertPlainText(editor, NUDGE)).toBe('inserted');
    expect(editor.innerHTML.startsWith('Hi Ann,<br><br>just checking in on the quote.<br>Best, Me<br><br><br><div class="gmail_quote">')).toBe(true);
  });

  it('an editor that handles beforeinput itself (cancels it) is left to do so', () => {
    editor.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      editor.append(document.createTextNode((e as InputEvent).data ?? ''));
    });
    expect(insertPlainText(editor, 'by the editor')).toBe('inserted');
    expect(editor.textContent).toBe('by the editor');
    expect(seen.map((e) => e.type)).toEqual(['beforeinput']);
  });

  it('refuses empty text, and an editor that swallows the text reports failure', () => {
    expect(insertPlainText(editor, ' \n ')).toBe('failed');
    editor.addEventListener('beforeinput', (e) => e.preventDefault());
    expect(insertPlainText(editor, 'lost')).toBe('failed');
  });
});
