// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byId, hashClasses, load } from './dom';
import {
  COMPOSE_WATCH_SELECTOR,
  composeParts,
  inlineReplyContext,
  readCompose,
  typedRecipients,
  type ComposeParts,
} from '../../../src/content/gmail/compose';

function partsOf(doc: Document): ComposeParts {
  const el = doc.querySelector(COMPOSE_WATCH_SELECTOR);
  const p = el && composeParts(el);
  if (!p) throw new Error('no compose in fixture');
  return p;
}

describe('readCompose', () => {
  it('real 2020 compose (EN): empty new message, ids from the hidden inputs', () => {
    expect(readCompose(partsOf(load('compose-dialog.html')))).toEqual({
      subject: '',
      recipients: [],
      clientMessageId: 'msg-a:r-7673660351152959857',
      clientThreadId: 'thread-a:r-7681922771531347793',
      composeId: '1',
    });
  });

  it('German compose: subject, committed chips with names, invalid Bcc dropped', () => {
    const p = partsOf(load('compose-new-de.html'));
    expect(readCompose(p)).toEqual({
      subject: 'Angebot für März',
      recipients: [{ email: 'anna.mueller@example.de', name: 'Anna Müller' }, { email: 'bob+projekt@example.com' }],
      clientMessageId: 'msg-a:r-1234567890123456789',
      clientThreadId: 'thread-a:r-987654321098765432',
      composeId: '2',
    });
    // Typed, not yet committed Cc text is separate.
    expect(typedRecipients(p)).toEqual([{ email: 'carla@beispiel.de' }, { email: 'anna.mueller@example.de' }]);
  });

  it('full screen compose', () => {
    const snap = readCompose(partsOf(load('compose-fullscreen.html')));
    expect(snap.subject).toBe('Full screen draft');
    expect(snap.clientMessageId).toBe('msg-a:r-5550001112223334445');
    expect(snap.clientThreadId).toBe('thread-a:r-5550001112223334446');
    expect(snap.composeId).toBe('3');
  });

  it('hashed (2026): newer chips (data-hovercard-id, data-name) and the form as recipient scope', () => {
    const snap = readCompose(partsOf(load('compose-2026-hashed.html')));
    expect(snap).toEqual({
      subject: 'Status update',
      recipients: [{ email: 'dev@example.org', name: 'Dev Team' }, { email: 'ops@example.org' }],
      clientMessageId: 'msg-a:r-2026000000000000001',
      clientThreadId: 'thread-a:r-2026000000000000002',
      composeId: '4',
    });
  });

  it('inline reply: quoted name input, lts hex thread id', () => {
    expect(readCompose(partsOf(load('thread-view-en.html')))).toEqual({
      subject: 'Re: Quarterly numbers',
      recipients: [
        { email: 'bob@example.com', name: 'Bob Builder' },
        { email: 'alice@example.com', name: 'Alice Example' },
      ],
      clientMessageId: 'msg-a:r-1111222233334444555',
      clientThreadId: 'thread-a:r-6666777788889999000',
      legacyThreadId: '15f1123136926bff',
      composeId: '5',
    });
  });

  it('ids from jslog while the hidden inputs are still empty (compose being built)', () => {
    const doc = load('compose-new-de.html');
    doc.querySelector('input[name=draft]')!.setAttribute('value', '');
    doc.querySelector('input[name=rt]')!.remove();
    const snap = readCompose(partsOf(doc));
    expect(snap.clientMessageId).toBe('msg-a:r-1234567890123456789');
    expect(snap.clientThreadId).toBe('thread-a:r-987654321098765432');
  });

  it('ids from the Send button jslog when the root has none (hashed root)', () => {
    const doc = load('compose-2026-hashed.html');
    doc.querySelector('input[name=draft]')!.remove();
    doc.querySelector('input[name=rt]')!.remove();
    const snap = readCompose(partsOf(doc));
    expect(snap.clientMessageId).toBe('msg-a:r-2026000000000000001');
    expect(snap.clientThreadId).toBe('thread-a:r-2026000000000000002');
  });

  it('garbage ids and jslog: no ids, no throw', () => {
    const doc = load('compose-dialog.html');
    doc.querySelector('input[name=draft]')!.setAttribute('value', '#msg-a:<script>');
    doc.querySelector('input[name=rt]')!.setAttribute('value', 'undefined');
    doc.querySelector('input[name=composeid]')!.setAttribute('value', '<b>');
    doc.querySelectorAll('[jslog]').forEach((e) => e.setAttribute('jslog', '1; 11:%%%not-base64'));
    const snap = readCompose(partsOf(doc));
    expect(snap).toEqual({ subject: '', recipients: [] });
  });

  it('hostile subject and recipient name stay text', () => {
    const doc = load('compose-new-de.html', {
      edit: (h) =>
        h
          .replace('value="Angebot für März"', 'value="&lt;img src=x onerror=&quot;globalThis.pwned=1&quot;&gt;"')
          .replace('value="Anna Müller &lt;anna.mueller@example.de&gt;"', 'value="&lt;b&gt;Anna&lt;/b&gt; &lt;anna.mueller@example.de&gt;"'),
    });
    const snap = readCompose(partsOf(doc));
    expect(snap.subject).toBe('<img src=x onerror="globalThis.pwned=1">');
    expect(snap.recipients[0]).toEqual({ email: 'anna.mueller@example.de', name: '<b>Anna</b>' });
    expect(doc.querySelector('img[onerror]')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('the live value the user typed wins over the attribute', () => {
    const doc = load('compose-dialog.html');
    (byId(doc, ':7j') as HTMLInputElement).value = '  Typed subject  ';
    expect(readCompose(partsOf(doc)).subject).toBe('Typed subject');
  });

  it('a broken parts object: empty snapshot', () => {
    expect(readCompose({} as ComposeParts)).toEqual({ subject: '', recipients: [] });
    expect(typedRecipients({} as ComposeParts)).toEqual([]);
    expect(inlineReplyContext({} as ComposeParts)).toBeUndefined();
  });
});

describe('inlineReplyContext', () => {
  it('inline reply (EN): the thread heading it is written under', () => {
    expect(inlineReplyContext(partsOf(load('thread-view-en.html')))).toEqual({
      threadId: '15f1123136926bff',
      permThreadId: 'thread-f:1581064946762017791',
      subject: 'Quarterly numbers',
    });
  });

  it('heading class hashed: h2 with a thread id attribute', () => {
    const doc = load('thread-view-en.html');
    hashClasses(doc, 'hP', 'M9', 'ip', 'adB');
    expect(inlineReplyContext(partsOf(doc))).toEqual({
      threadId: '15f1123136926bff',
      permThreadId: 'thread-f:1581064946762017791',
      subject: 'Quarterly numbers',
    });
  });

  it('no heading at all: the reply’s lts hex id, perm id derived', () => {
    const doc = load('thread-view-en.html');
    byId(doc, ':7c').remove();
    expect(inlineReplyContext(partsOf(doc))).toEqual({
      threadId: '15f1123136926bff',
      permThreadId: 'thread-f:1581064946762017791',
      subject: '',
    });
  });

  it('a perm id that disagrees with the hex id is replaced by the derived one', () => {
    const doc = load('thread-view-en.html');
    byId(doc, ':7c').setAttribute('data-thread-perm-id', 'thread-f:42');
    expect(inlineReplyContext(partsOf(doc))?.permThreadId).toBe('thread-f:1581064946762017791');
  });

  it('compose windows have no thread context, even with a thread open behind them', () => {
    const dialog = load('compose-dialog.html').body.firstElementChild!;
    const doc = load('thread-view-en.html');
    doc.body.append(doc.importNode(dialog, true));
    const p = composeParts(doc.querySelector('[role=dialog] .M9')!);
    expect(p?.kind).toBe('new');
    expect(inlineReplyContext(p!)).toBeUndefined();
  });
});
