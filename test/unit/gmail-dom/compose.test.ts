// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byId, hashClasses, load } from './dom';
import { COMPOSE_WATCH_SELECTOR, composeParts, type ComposeParts } from '../../../src/content/gmail/compose';
import { SEND_BUTTON, SEND_BUTTON_FALLBACK } from '../../../src/content/gmail/selectors';

function watched(doc: Document): Element[] {
  return [...doc.querySelectorAll(COMPOSE_WATCH_SELECTOR)];
}

function only(doc: Document): ComposeParts {
  const parts = watched(doc).map(composeParts);
  expect(parts.length).toBeGreaterThan(0);
  const first = parts[0];
  if (!first) throw new Error('no compose');
  // Whatever element of a compose the observer reports, it is the same compose.
  for (const p of parts) expect(p?.root).toBe(first.root);
  return first;
}

describe('composeParts on the real 2020 compose (EN)', () => {
  it('finds root, form, send row, send cell and Send', () => {
    const doc = load('compose-dialog.html');
    const p = only(doc);
    expect(p.root.className).toBe('M9');
    expect(p.form?.id).toBe(':7y');
    expect(p.sendRow.className).toBe('btC');
    expect(p.sendCell.className).toBe('gU Up');
    expect(p.sendCell.parentElement).toBe(p.sendRow);
    expect(p.sendButton?.id).toBe(':79'); // not the more-send arrow :75
    expect(p.kind).toBe('new');
  });

  it('works from any element inside the compose and from a container holding it', () => {
    const doc = load('compose-dialog.html');
    const root = only(doc).root;
    expect(composeParts(byId(doc, ':7j'))?.root).toBe(root); // subject input
    expect(composeParts(byId(doc, ':5a'))?.root).toBe(root); // discard button
    expect(composeParts(doc.querySelector('[role=dialog]')!)?.root).toBe(root);
  });

  it('pop-out: the standalone compose page has body classes xE xp', () => {
    expect(only(load('compose-dialog.html', { bodyClass: 'xE xp' })).kind).toBe('popout');
  });
});

describe('composeParts on the other fixtures', () => {
  it('German compose: same parts, nothing depends on English text', () => {
    const p = only(load('compose-new-de.html'));
    expect(p.root.className).toBe('M9');
    expect(p.sendButton?.getAttribute('aria-label')).toContain('Senden');
    expect(p.sendCell.className).toBe('gU Up');
    expect(p.kind).toBe('new');
  });

  it('full screen compose under .aSs .aSt', () => {
    const p = only(load('compose-fullscreen.html'));
    expect(p.kind).toBe('fullscreen');
    expect(p.sendButton?.id).toBe(':79');
  });

  it('inline reply inside a thread (EN)', () => {
    const doc = load('thread-view-en.html');
    const p = only(doc);
    expect(p.root.id).toBe(':inline-compose');
    expect(p.kind).toBe('inline');
    expect(p.sendButton?.id).toBe(':79');
    expect(p.sendCell.className).toBe('gU Up');
  });
});

describe('fallbacks when class names are hashed (2026)', () => {
  it('compose-2026-hashed.html: root is the smallest element holding form and send row', () => {
    const doc = load('compose-2026-hashed.html');
    const p = only(doc);
    expect(p.root.id).toBe(':7v'); // td.I5 under the hashed M9
    expect(p.form?.id).toBe(':7y');
    expect(p.sendRow.className).toBe('btC-ql-hT2mLs-aOr');
    expect(p.sendCell.className).toBe('gU-ql-aQ9xJd-aOr Up-ql-Zw4cFk-aOr');
    expect(p.sendButton?.id).toBe(':79');
    expect(p.kind).toBe('new');
    // The same root from the dialog, the subject input and the whole body.
    expect(composeParts(doc.querySelector('[role=dialog]')!)?.root).toBe(p.root);
    expect(composeParts(byId(doc, ':7j'))?.root).toBe(p.root);
    expect(composeParts(doc.body)?.root).toBe(p.root);
  });

  it('the Send selectors never match Discard or the other toolbar buttons (the controller uses them on clicks)', () => {
    for (const fixture of ['compose-dialog.html', 'compose-2026-hashed.html']) {
      const doc = load(fixture);
      for (const selector of [SEND_BUTTON, SEND_BUTTON_FALLBACK]) {
        expect([...doc.querySelectorAll(selector)].map((b) => b.id), `${fixture} ${selector}`).toEqual(
          selector === SEND_BUTTON && fixture.includes('hashed') ? [] : [':79'],
        );
      }
    }
  });

  it('the root found is stable: composeParts(parts.root) gives the same root', () => {
    for (const fixture of ['compose-dialog.html', 'compose-2026-hashed.html', 'thread-view-en.html']) {
      const doc = load(fixture);
      if (fixture === 'thread-view-en.html') hashClasses(doc, 'M9');
      const p = only(doc);
      expect(composeParts(p.root)?.root, fixture).toBe(p.root);
    }
  });

  it('send cell without its class: the cell holding Send', () => {
    const doc = load('compose-dialog.html');
    hashClasses(doc, 'Up');
    const p = only(doc);
    expect(p.sendCell.classList.contains('Up-ql-test-aOr')).toBe(true);
    expect(p.sendButton?.id).toBe(':79');
  });

  it('send cell and Send both unrecognisable: the first cell of the row', () => {
    const doc = load('compose-dialog.html');
    hashClasses(doc, 'Up');
    byId(doc, ':77').removeAttribute('role'); // the row is still table.IZ tr.btC
    const p = only(doc);
    expect(p.sendButton).toBeNull();
    expect(p.sendCell).toBe(p.sendRow.firstElementChild);
  });

  it('inline reply with M9, IZ, btC, .ip.adB hashed: still inline (inside a message)', () => {
    const doc = load('thread-view-en.html');
    hashClasses(doc, 'M9', 'IZ', 'btC', 'gU', 'Up', 'ip', 'adB');
    const p = only(doc);
    expect(p.root.className).toBe('aoI'); // holds the form and the send table
    expect(p.kind).toBe('inline');
    expect(p.sendButton?.id).toBe(':79');
  });

  it('inline reply outside any recognisable message: the main pane decides', () => {
    const doc = load('thread-view-en.html');
    hashClasses(doc, 'M9', 'ip', 'adB');
    doc.querySelectorAll('[data-message-id]').forEach((m) => {
      m.removeAttribute('data-message-id');
      m.removeAttribute('data-legacy-message-id');
    });
    expect(only(doc).kind).toBe('inline');
  });
});

describe('not (yet) a usable compose: undefined, never a throw', () => {
  it('compose still being built: root without send row, then the row arrives', () => {
    const doc = load('compose-dialog.html');
    const table = byId(doc, ':77');
    const holder = table.parentElement!;
    table.remove();
    const root = doc.querySelector('.M9')!;
    expect(composeParts(root)).toBeUndefined();
    holder.append(table);
    expect(composeParts(doc.querySelector('tr.btC')!)?.root).toBe(root);
  });

  it('send row without cells yet', () => {
    const doc = load('compose-2026-hashed.html');
    doc.querySelector('table[role=group] tr')!.replaceChildren();
    expect(composeParts(doc.querySelector('[role=dialog]')!)).toBeUndefined();
  });

  it('hashed compose without its form yet', () => {
    const doc = load('compose-2026-hashed.html');
    byId(doc, ':7y').remove();
    expect(composeParts(doc.querySelector('table[role=group] tr')!)).toBeUndefined();
  });

  it('a stray role=group row elsewhere never adopts another compose', () => {
    const doc = load('thread-view-en.html');
    hashClasses(doc, 'M9', 'IZ', 'btC');
    const stray = doc.createElement('table');
    stray.setAttribute('role', 'group');
    stray.append(doc.createElement('tr'));
    stray.rows[0]!.append(doc.createElement('td'));
    byId(doc, ':thread-mtb').append(stray);
    expect(composeParts(stray.rows[0]!)).toBeUndefined();
  });

  it('elements that are no compose at all', () => {
    const doc = load('sent-toast.html');
    expect(composeParts(doc.body)).toBeUndefined();
    expect(composeParts(byId(doc, ':row1'))).toBeUndefined();
    expect(composeParts(doc.createElement('div'))).toBeUndefined();
  });

  it('a hostile element whose methods throw', () => {
    const evil = new Proxy(document.createElement('div'), {
      get() {
        throw new Error('boom');
      },
    });
    expect(composeParts(evil)).toBeUndefined();
  });
});
