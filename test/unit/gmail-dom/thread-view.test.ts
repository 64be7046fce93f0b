// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byId, hashClasses, load } from './dom';
import { threadMessages, threadToolbar, visibleThread, type VisibleThread } from '../../../src/content/gmail/thread-view';

function thread(doc: Document): VisibleThread {
  const t = visibleThread(doc);
  if (!t) throw new Error('no visible thread');
  return t;
}

const EN_MESSAGES = [
  {
    messageId: 'msg-f:1581064946762017791',
    legacyMessageId: '15f1123136926bff',
    from: { email: 'me@example.com', name: 'Me Myself' },
    recipients: [
      { email: 'alice@example.com', name: 'Alice Example' },
      { email: 'bob@example.com', name: 'Bob Builder' },
    ],
    dateTitle: 'Mon, Jun 2, 2025, 9:15 AM',
    text: 'Hi both, here are the numbers. Questions to finance@example.com.',
  },
  {
    messageId: 'msg-f:1581065259584490785',
    legacyMessageId: '15f1127a0c3e8d21',
    from: { email: 'alice@example.com', name: 'Alice Example' },
    recipients: [
      { email: 'me@example.com', name: 'Me Myself' },
      { email: 'bob@example.com', name: 'Bob Builder' },
    ],
    dateTitle: 'Mon, Jun 2, 2025, 11:40 AM',
    text: 'Thanks! One question about Q3.',
  },
  {
    messageId: 'msg-f:1581074211357330005',
    legacyMessageId: '15f11a9e4b7c0a55',
    from: { email: 'bob@example.com', name: 'Bob Builder' },
    recipients: [
      { email: 'me@example.com', name: 'Me Myself' },
      { email: 'alice@example.com', name: 'Alice Example' },
    ],
    dateTitle: 'Tue, Jun 3, 2025, 10:12 AM',
    text: 'Agreed, see you Thursday.',
  },
];

const DE_MESSAGES = [
  {
    messageId: 'msg-f:1797714520427640776',
    legacyMessageId: '18f2c3d4e5a6b7c8',
    from: { email: 'ich@example.de', name: 'Ich Selbst' },
    recipients: [{ email: 'anna.mueller@example.de', name: 'Anna Müller' }],
    dateTitle: 'Mo., 2. Juni 2025, 09:15',
    text: 'Hallo Anna, anbei das Angebot.',
  },
  {
    messageId: 'msg-f:1797716797062429120',
    legacyMessageId: '18f2c5e6f7a8b9c0',
    from: { email: 'anna.mueller@example.de', name: 'Anna Müller' },
    recipients: [{ email: 'ich@example.de', name: 'Ich Selbst' }],
    dateTitle: 'Di., 3. Juni 2025, 14:02',
    text: 'Danke, ich melde mich.',
  },
  {
    // Just sent: only the client id, no legacy id yet.
    messageId: 'msg-a:r-4242424242424242424',
    from: { email: 'ich@example.de', name: 'Ich Selbst' },
    recipients: [{ email: 'anna.mueller@example.de', name: 'Anna Müller' }, { email: 'einkauf@example.de' }],
    dateTitle: 'Mi., 4. Juni 2025, 08:30',
    text: 'Kurze Erinnerung an das Angebot.',
  },
];

describe('thread view (EN)', () => {
  it('visible thread: hex and perm id (the documented pair), subject', () => {
    const doc = load('thread-view-en.html');
    const t = thread(doc);
    expect(t.heading.id).toBe(':7c');
    expect(t).toMatchObject({ threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791', subject: 'Quarterly numbers' });
  });

  it('toolbar: the thread’s own, not the hidden list toolbar that comes first', () => {
    const doc = load('thread-view-en.html');
    expect(threadToolbar(doc, thread(doc))?.id).toBe(':thread-mtb');
  });

  it('messages: ids, sender, recipients, date; the inline reply’s chips are not recipients', () => {
    const doc = load('thread-view-en.html');
    expect(threadMessages(doc, thread(doc))).toEqual(EN_MESSAGES);
  });

  it('never reads addresses from a message body', () => {
    const doc = load('thread-view-en.html');
    const body = byId(doc, ':body2');
    const planted = doc.createElement('span');
    planted.setAttribute('email', 'evil@attacker.example');
    planted.setAttribute('title', 'Fake date');
    planted.setAttribute('alt', 'Fake date');
    body.prepend(planted);
    hashClasses(doc, 'hb', 'gK', 'g3'); // force the structural address and date fallbacks
    const second = threadMessages(doc, thread(doc))[1];
    expect(second?.recipients.map((a) => a.email)).toEqual(['me@example.com', 'bob@example.com']);
    expect(second?.dateTitle).toBe('Mon, Jun 2, 2025, 11:40 AM');
  });
});

describe('thread view (DE)', () => {
  it('perm id "undefined": the hex id wins, perm id derived from it; the stale view is skipped', () => {
    const doc = load('thread-view-de.html');
    const t = thread(doc);
    expect(t.heading.id).toBe(':de-h2');
    expect(t).toMatchObject({ threadId: '18f2c3d4e5a6b7c8', permThreadId: 'thread-f:1797714520427640776', subject: 'Angebot für März' });
  });

  it('toolbar of the visible view, not the stale one', () => {
    const doc = load('thread-view-de.html');
    expect(threadToolbar(doc, thread(doc))?.id).toBe(':de-mtb');
  });

  it('messages, including a just-sent one with only msg-a', () => {
    const doc = load('thread-view-de.html');
    expect(threadMessages(doc, thread(doc))).toEqual(DE_MESSAGES);
  });

  it('the stale view first in the document does not win either', () => {
    const doc = load('thread-view-de.html');
    const stale = byId(doc, ':view-stale');
    stale.parentElement!.prepend(stale);
    expect(thread(doc).heading.id).toBe(':de-h2');
  });

  it('hidden by the hidden attribute or aria-hidden instead of display:none', () => {
    for (const hide of [(e: Element) => e.setAttribute('hidden', ''), (e: Element) => e.setAttribute('aria-hidden', 'true')]) {
      const doc = load('thread-view-de.html');
      const current = byId(doc, ':view-current');
      const stale = byId(doc, ':view-stale');
      stale.removeAttribute('style');
      hide(current);
      const t = thread(doc);
      expect(t.heading.id).toBe(':stale-h2');
      expect(t).toMatchObject({ threadId: '18e0a1b2c3d4e5f6', permThreadId: 'thread-f:1792610440855217654' });
      expect(threadToolbar(doc, t)?.id).toBe(':stale-mtb');
      expect(threadMessages(doc, t).map((m) => m.messageId)).toEqual(['msg-f:1792610440855217654']);
    }
  });

  it('no visible thread: undefined', () => {
    const doc = load('thread-view-de.html');
    byId(doc, ':view-current').setAttribute('style', 'display:none');
    expect(visibleThread(doc)).toBeUndefined();
    expect(visibleThread(load('sent-toast.html'))).toBeUndefined();
    expect(visibleThread(load('compose-dialog.html'))).toBeUndefined();
  });
});

describe('fallbacks when class names are hashed', () => {
  it('heading without h2.hP (EN)', () => {
    const doc = load('thread-view-en.html');
    hashClasses(doc, 'hP');
    expect(thread(doc)).toMatchObject({ threadId: '15f1123136926bff', subject: 'Quarterly numbers' });
  });

  it('messages without div.adn: outermost carrier of a message id (DE)', () => {
    const doc = load('thread-view-de.html');
    hashClasses(doc, 'adn');
    expect(threadMessages(doc, thread(doc))).toEqual(DE_MESSAGES);
  });

  it('sender without td.gF (.gD chip), then without either (first header address); recipients without .hb', () => {
    for (const tokens of [['gF'], ['gF', 'gD', 'hb']]) {
      const doc = load('thread-view-en.html');
      hashClasses(doc, ...tokens);
      expect(threadMessages(doc, thread(doc))).toEqual(EN_MESSAGES);
    }
  });

  it('date without .gK .g3: span[title][alt] (DE)', () => {
    const doc = load('thread-view-de.html');
    hashClasses(doc, 'gK', 'g3');
    expect(threadMessages(doc, thread(doc)).map((m) => m.dateTitle)).toEqual(DE_MESSAGES.map((m) => m.dateTitle));
  });

  it('toolbar without [gh=mtb]: the visible [gh=tm] container', () => {
    const doc = load('thread-view-en.html');
    doc.querySelectorAll('[gh=mtb]').forEach((e) => e.removeAttribute('gh'));
    expect(threadToolbar(doc, thread(doc))?.id).toBe(':thread-tm');
  });
});

describe('hostile and broken input', () => {
  it('a subject with markup stays text', () => {
    const doc = load('thread-view-en.html', {
      edit: (h) => h.replace('>Quarterly numbers</h2>', '>&lt;img src=x onerror="globalThis.pwned=1"&gt;</h2>'),
    });
    expect(thread(doc).subject).toBe('<img src=x onerror="globalThis.pwned=1">');
    expect(doc.querySelector('h2 img')).toBeNull();
  });

  it('garbage ids are dropped, not passed on', () => {
    const doc = load('thread-view-en.html');
    const h = byId(doc, ':7c');
    h.setAttribute('data-legacy-thread-id', 'zz<script>');
    h.setAttribute('data-thread-perm-id', 'undefined');
    byId(doc, ':m1').setAttribute('data-message-id', '#msg-x:1');
    byId(doc, ':m1').setAttribute('data-legacy-message-id', 'not hex');
    const t = thread(doc);
    expect(t.threadId).toBeUndefined();
    expect(t.permThreadId).toBeUndefined();
    const first = threadMessages(doc, t)[0];
    expect(first?.messageId).toBeUndefined();
    expect(first?.legacyMessageId).toBeUndefined();
  });

  it('perm id only (no hex): hex derived from it', () => {
    const doc = load('thread-view-en.html');
    byId(doc, ':7c').removeAttribute('data-legacy-thread-id');
    expect(thread(doc)).toMatchObject({ threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791' });
  });

  it('a heading that left the document, or a hostile thread object', () => {
    const doc = load('thread-view-en.html');
    const t = thread(doc);
    t.heading.remove();
    expect(threadToolbar(doc, t)).toBeUndefined();
    expect(threadMessages(doc, t)).toEqual([]);
    expect(threadMessages(doc, {} as VisibleThread)).toEqual([]);
    expect(threadToolbar(doc, {} as VisibleThread)).toBeUndefined();
    expect(visibleThread({} as Document)).toBeUndefined();
  });
});

describe('message bodies (issue 9)', () => {
  it('first lines as plain text, quote and signature left out; a collapsed message says its body is hidden', () => {
    const doc = load('thread-view-auto.html');
    const messages = threadMessages(doc, thread(doc));
    expect(messages.map((m) => [m.from?.email, m.text, m.bodyHidden])).toEqual([
      ['me@example.com', undefined, true],
      ['alice@example.com', 'Thank you for your email.\nI am out of the office until June 16 with limited access to email.\nFor urgent matters please contact Bob.', undefined],
      ['bob@example.com', 'Back early. The numbers look right, thanks!', undefined],
    ]);
  });

  it('text only: markup in a body stays text, scripts are never read, at most 4,000 characters', () => {
    const doc = load('thread-view-auto.html');
    const body = byId(doc, ':body3');
    body.innerHTML = '<div>&lt;img src=x onerror=alert(1)&gt;</div><script>alert(2)</script><div>' + 'word '.repeat(3000) + '</div>';
    const text = threadMessages(doc, thread(doc))[2]!.text!;
    expect(text.startsWith('<img src=x onerror=alert(1)>\nword word')).toBe(true);
    expect(text).not.toContain('alert(2)');
    expect(text.length).toBeLessThanOrEqual(4000);
  });
});
