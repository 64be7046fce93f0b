// @vitest-environment happy-dom
/**
 * Waiting for Gmail's Reply control and the inline reply it opens, on the
 * real thread markup: found whether Gmail adds it, adds it in pieces or only
 * reveals it, and the thread is walked only when something that could be it
 * was added (or on the slow safety look) — not once per mutation batch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as threadView from '../../../src/content/gmail/thread-view';
import { openInThreadReply } from '../../../src/content/gmail/reply';
import { byId, fixtureText, load } from './dom';

vi.mock('../../../src/content/gmail/thread-view', async (original) => {
  const real = await original<typeof import('../../../src/content/gmail/thread-view')>();
  return { ...real, threadMessageElements: vi.fn(real.threadMessageElements) };
});

/** Every look for the control or the editor walks the thread's message elements once. */
const walks = vi.mocked(threadView.threadMessageElements);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let gmail = new AbortController();
afterEach(() => {
  gmail.abort();
  gmail = new AbortController();
  walks.mockClear();
});

/** The real inline reply of thread-view-en.html. */
function inlineReplyMarkup(): string {
  return new DOMParser().parseFromString(fixtureText('thread-view-en.html'), 'text/html').querySelector('.ip.adB')!.outerHTML;
}

/** Gmail's answer to a click on Reply: the inline reply under the newest message, after `delayMs`, built by `build`. */
function gmailOpensReply(delayMs: number, build: (gs: Element, markup: string) => void = (gs, m) => gs.insertAdjacentHTML('beforeend', m)) {
  const clicks: string[] = [];
  document.addEventListener('click', (e) => {
    const el = e.target as Element;
    if (!el.closest('.aaq, .amn [role=link]')) return;
    clicks.push(el.id);
    const gs = [...document.querySelectorAll('div.adn')].at(-1)!.querySelector('.gs')!;
    setTimeout(() => build(gs, inlineReplyMarkup()), delayMs);
  }, { signal: gmail.signal });
  return clicks;
}

/** Gmail's constant churn: `n` mutation batches that add nothing reply-like (spinners, list rows, tooltips). */
async function churn(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const row = document.createElement('div');
    row.className = 'zA';
    row.innerHTML = '<span class="bog">Unrelated</span><div role="button" class="T-I">Archive</div>';
    document.body.append(row);
    await Promise.resolve();
    await pause(0);
  }
}

function hideReplyControls(): { button: Element; cell: Element; bar: Element; barParent: Element } {
  const button = byId(document, ':reply3');
  const cell = button.parentElement!;
  const bar = document.querySelector('.amn')!;
  const barParent = bar.parentElement!;
  button.remove();
  bar.remove();
  return { button, cell, bar, barParent };
}

describe('waiting for the Reply control', () => {
  it('Gmail churning for a while: the thread is not walked per batch; the control, once added, is clicked', async () => {
    load('thread-view-received-en.html');
    const clicks = gmailOpensReply(5);
    const { button, cell } = hideReplyControls();
    const thread = threadView.visibleThread(document)!;
    walks.mockClear();
    const opening = openInThreadReply(document, thread, { timeoutMs: 3_000 });
    await churn(60);
    // 60 batches without a candidate: only the first look and the safety looks walked the thread (one per batch before).
    expect(walks.mock.calls.length).toBeLessThan(15);
    cell.prepend(button);
    const editor = await opening;
    expect(clicks).toEqual([':reply3']);
    expect(editor?.getAttribute('role')).toBe('textbox');
    expect(document.activeElement).toBe(editor);
  });

  it('the bar below the thread added in pieces (its container first, then the links)', async () => {
    load('thread-view-received-en.html');
    const clicks = gmailOpensReply(5);
    const { bar, barParent } = hideReplyControls();
    const links = [...bar.children];
    links.forEach((l) => l.remove());
    const opening = openInThreadReply(document, threadView.visibleThread(document)!, { timeoutMs: 2_000 });
    barParent.append(bar);
    await pause(30);
    bar.append(...links);
    expect((await opening)?.getAttribute('role')).toBe('textbox');
    expect(clicks).toEqual([':reply-bar']);
  });

  it('a control Gmail only reveals (its style changes, nothing is added) is found by the safety look', async () => {
    load('thread-view-received-en.html');
    const clicks = gmailOpensReply(5);
    byId(document, ':reply3').setAttribute('style', 'display:none');
    document.querySelector('.amn')!.remove();
    const opening = openInThreadReply(document, threadView.visibleThread(document)!, { timeoutMs: 2_000 });
    await pause(40);
    byId(document, ':reply3').removeAttribute('style');
    expect((await opening)?.getAttribute('role')).toBe('textbox');
    expect(clicks).toEqual([':reply3']);
  });

  it('nothing in time: undefined, and nothing looks any more afterwards', async () => {
    load('thread-view-received-en.html');
    const { button, cell } = hideReplyControls();
    walks.mockClear();
    expect(await openInThreadReply(document, threadView.visibleThread(document)!, { timeoutMs: 300 })).toBeUndefined();
    const after = walks.mock.calls.length;
    cell.prepend(button);
    await pause(300);
    expect(walks.mock.calls.length).toBe(after);
  });
});

describe('waiting for the inline reply after the click', () => {
  it('Gmail builds the reply a moment later, after unrelated churn: found and focused', async () => {
    load('thread-view-received-en.html');
    const clicks = gmailOpensReply(60);
    const thread = threadView.visibleThread(document)!;
    const opening = openInThreadReply(document, thread, { timeoutMs: 2_000 });
    await churn(10);
    const editor = await opening;
    expect(clicks).toEqual([':reply3']);
    expect(editor?.matches('.ip.adB div[contenteditable=true][role=textbox]')).toBe(true);
    expect(document.activeElement).toBe(editor);
  });

  it('the reply area first, its editor added into it later', async () => {
    load('thread-view-received-en.html');
    gmailOpensReply(5, (gs, markup) => {
      const doc = new DOMParser().parseFromString(markup, 'text/html');
      const editor = doc.querySelector('div[contenteditable=true][role=textbox]')!;
      editor.parentElement!.setAttribute('data-editor-parent', '');
      editor.remove();
      const area = document.importNode(doc.querySelector('.ip.adB')!, true);
      gs.append(area);
      const where = area.querySelector('[data-editor-parent]')!;
      setTimeout(() => where.append(document.importNode(editor, true)), 40);
    });
    const editor = await openInThreadReply(document, threadView.visibleThread(document)!, { timeoutMs: 2_000 });
    expect(editor?.getAttribute('role')).toBe('textbox');
  });
});
