import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES, type RequestType } from '../../../src/core/protocol/schemas';
import { classifySender, isAllowed, type SenderInfo, type SenderKind } from '../../../src/core/protocol/sender';

const GMAIL_TAB = 'https://mail.google.com/mail/u/0/#inbox';

interface Ext {
  name: string;
  id: string;
  /** What `runtime.getURL('')` returns. */
  origin: string;
}

const CHROME: Ext = { name: 'chrome', id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
// Firefox: the id is the add-on id, the origin a per-install UUID.
const FIREFOX: Ext = {
  name: 'firefox',
  id: 'follow-through@example.org',
  origin: 'moz-extension://0b7e7a3c-5d1f-4e2a-9c1b-7f3e2d1a0b9c/',
};

describe.each([CHROME, FIREFOX])('classifySender ($name)', (ext) => {
  const classify = (s: SenderInfo) => classifySender(s, ext.id, ext.origin);
  const page = (path: string) => `${ext.origin}${path}`;
  const otherOrigin = ext.origin.replace(/\/\/[^/]+\//, '//zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/');

  const cases: [string, SenderInfo, SenderKind | undefined][] = [
    // Our own pages.
    ['our popup (no tab)', { id: ext.id, url: page('src/popup/index.html') }, 'ui'],
    ['our popup with origin set', { id: ext.id, url: page('src/popup/index.html'), origin: ext.origin.slice(0, -1) }, 'ui'],
    ['our options page opened in a tab', { id: ext.id, url: page('options.html'), tab: { url: page('options.html') } }, 'ui'],
    ['our page at the root', { id: ext.id, url: ext.origin }, 'ui'],
    // Content script in Gmail.
    ['content script in a Gmail tab', { id: ext.id, url: GMAIL_TAB, tab: { url: GMAIL_TAB } }, 'content'],
    ['content script, another account path', { id: ext.id, url: 'https://mail.google.com/mail/u/3/#sent/15f1', tab: { url: 'https://mail.google.com/mail/u/3/#sent/15f1' } }, 'content'],
    ['content script with explicit :443', { id: ext.id, url: 'https://mail.google.com:443/mail/', tab: { url: GMAIL_TAB } }, 'content'],
    ['content script, tab url not exposed', { id: ext.id, url: GMAIL_TAB, tab: {} }, 'content'],
    // Refused.
    ['another extension, popup-like url', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: page('src/popup/index.html') }, undefined],
    ['another extension in a Gmail tab', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: GMAIL_TAB, tab: { url: GMAIL_TAB } }, undefined],
    ['our id but another extension origin', { id: ext.id, url: `${otherOrigin}popup.html` }, undefined],
    ['our origin without the slash, as a prefix of a longer host', { id: ext.id, url: `${ext.origin.slice(0, -1)}evil/popup.html` }, undefined],
    ['no id at all', { url: page('popup.html') }, undefined],
    ['empty sender', {}, undefined],
    ['plain http Gmail', { id: ext.id, url: 'http://mail.google.com/mail/u/0/', tab: { url: 'http://mail.google.com/mail/u/0/' } }, undefined],
    ['Gmail look-alike host', { id: ext.id, url: 'https://mail.google.com.evil.example/mail/', tab: { url: 'https://mail.google.com.evil.example/mail/' } }, undefined],
    ['userinfo trick', { id: ext.id, url: 'https://mail.google.com@evil.example/', tab: { url: 'https://mail.google.com@evil.example/' } }, undefined],
    ['other Google host', { id: ext.id, url: 'https://docs.google.com/', tab: { url: 'https://docs.google.com/' } }, undefined],
    ['a frame of evil.example inside a Gmail tab', { id: ext.id, url: 'https://evil.example/frame', tab: { url: GMAIL_TAB } }, undefined],
    ['a Gmail frame inside an evil tab', { id: ext.id, url: GMAIL_TAB, tab: { url: 'https://evil.example/' } }, undefined],
    ['Gmail url but no tab', { id: ext.id, url: GMAIL_TAB }, undefined],
    ['Gmail tab, sender url missing', { id: ext.id, tab: { url: GMAIL_TAB } }, undefined],
    ['no url, no tab', { id: ext.id }, undefined],
    ['unparsable url in a tab', { id: ext.id, url: 'not a url', tab: { url: 'not a url' } }, undefined],
    ['a web page claiming our extension url as its tab', { id: ext.id, url: 'https://evil.example/', tab: { url: page('popup.html') } }, undefined],
    ['data: url', { id: ext.id, url: 'data:text/html,hi', tab: { url: 'data:text/html,hi' } }, undefined],
  ];

  it.each(cases)('%s → %s', (_label, sender, expected) => {
    expect(classify(sender)).toBe(expected);
  });

  it('accepts an extension origin given without the trailing slash', () => {
    expect(classifySender({ id: ext.id, url: page('popup.html') }, ext.id, ext.origin.slice(0, -1))).toBe('ui');
    expect(
      classifySender({ id: ext.id, url: `${ext.origin.slice(0, -1)}x/popup.html` }, ext.id, ext.origin.slice(0, -1)),
    ).toBeUndefined();
  });
});

describe('isAllowed', () => {
  const UI_ONLY: readonly RequestType[] = [
    'reminder.delete',
    'reminder.list',
    'integration.get',
    // Settings, the user's whole data and diagnostics: never from a Gmail page.
    'settings.set',
    'data.export',
    'data.import',
    'data.exportIcs',
    'history.summary',
    'data.deleteAll',
    'diagnostics.get',
    'reminder.restore',
    'reminder.open',
    // Opens a tab: only the user's own click in our UI.
    'reminder.replyNow',
    'reminder.writeFollowUp',
  ];
  // Only a Gmail tab can know how the integration fares there.
  // The follow-up text for the thread a Gmail tab shows: only the tab writes it into its reply. controls.load injects
  // into the sending frame: only a Gmail frame has one to inject into.
  const CONTENT_ONLY: readonly RequestType[] = ['integration.report', 'account.seen', 'thread.observed', 'thread.sent', 'reminder.followUpDraft', 'controls.load'];

  it.each([...REQUEST_TYPES])('the UI and %s', (type) => {
    expect(isAllowed(type, 'ui')).toBe(!CONTENT_ONLY.includes(type));
  });

  it.each([...REQUEST_TYPES])('content scripts and %s', (type) => {
    expect(isAllowed(type, 'content')).toBe(!UI_ONLY.includes(type));
  });

  it('refuses delete and list from a Gmail content script', () => {
    const kind = classifySender({ id: CHROME.id, url: GMAIL_TAB, tab: { url: GMAIL_TAB } }, CHROME.id, CHROME.origin);
    expect(kind).toBe('content');
    expect(isAllowed('reminder.delete', kind!)).toBe(false);
    expect(isAllowed('reminder.list', kind!)).toBe(false);
    expect(isAllowed('reminder.create', kind!)).toBe(true);
  });
});
