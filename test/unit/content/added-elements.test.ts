// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchAdded } from '../../../src/content/controller/added-elements';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('watchAdded', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.replaceChildren();
  });

  it('reports elements already present, then each new one once', async () => {
    document.body.innerHTML = '<div class="M9" id="a"></div>';
    const found: string[] = [];
    stop = watchAdded(document, [{ selector: '.M9', onFound: (els) => found.push(...els.map((e) => e.id)) }]);
    expect(found).toEqual(['a']);

    const wrap = document.createElement('section');
    wrap.innerHTML = '<div><div class="M9" id="b"></div></div><div class="M9" id="c"></div>';
    document.body.append(wrap);
    await flush();
    expect(found).toEqual(['a', 'b', 'c']);

    // Re-inserting a known element (Gmail moves nodes) does not report it twice.
    const b = document.getElementById('b')!;
    document.body.append(b);
    await flush();
    expect(found).toEqual(['a', 'b', 'c']);
  });

  it('matches an added element itself, not only its descendants', async () => {
    const seen: Element[] = [];
    stop = watchAdded(document, [{ selector: 'form', onFound: (els) => seen.push(...els) }]);
    const form = document.createElement('form');
    document.body.append(form);
    await flush();
    expect(seen).toEqual([form]);
  });

  it('skips nodes that were added and removed in the same batch', async () => {
    const onFound = vi.fn();
    stop = watchAdded(document, [{ selector: '.M9', onFound }]);
    onFound.mockClear();
    const el = document.createElement('div');
    el.className = 'M9';
    document.body.append(el);
    el.remove();
    await flush();
    expect(onFound).not.toHaveBeenCalled();
  });

  it('keeps separate books per watcher and stops when disconnected', async () => {
    const a = vi.fn();
    const b = vi.fn();
    stop = watchAdded(document, [
      { selector: '.x', onFound: a },
      { selector: '.x, .y', onFound: b },
    ]);
    const el = document.createElement('div');
    el.className = 'x';
    document.body.append(el);
    await flush();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);

    stop();
    stop = undefined;
    const later = document.createElement('div');
    later.className = 'y';
    document.body.append(later);
    await flush();
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('queries only the added subtrees, never the whole document', async () => {
    document.body.innerHTML = '<div id="big">' + '<p></p>'.repeat(200) + '</div>';
    stop = watchAdded(document, [{ selector: '.M9', onFound: () => {} }]);
    const docQuery = vi.spyOn(document, 'querySelectorAll');
    const bodyQuery = vi.spyOn(document.body, 'querySelectorAll');
    const added = document.createElement('div');
    const addedQuery = vi.spyOn(added, 'querySelectorAll');
    document.body.append(added);
    await flush();
    expect(addedQuery).toHaveBeenCalledTimes(1);
    expect(docQuery).not.toHaveBeenCalled();
    expect(bodyQuery).not.toHaveBeenCalled();
  });
});
