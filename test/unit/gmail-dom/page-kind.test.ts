// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isGmailApp, isGmailAppWindow, isTopFrame } from '../../../src/content/gmail/page-kind';
import { setPageUrl } from '../content/harness';

describe("Gmail's app pages: where the content scripts work", () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/1/#inbox/15f1123136926bff',
    'https://mail.google.com/mail/u/12/?tab=rm&ogbl#search/from%3Abob',
    'https://mail.google.com/mail/?authuser=me%40example.com#all/15f1123136926bff',
    'https://mail.google.com/mail/',
    'https://mail.google.com/mail',
    // Delegated mailboxes, both URL forms.
    'https://mail.google.com/mail/b/ALGkd0x1yN5GQ7c/u/0/#inbox',
    'https://mail.google.com/mail/u/0/d/AEoRXRQx3hTqZ/#inbox',
    // Google Workspace's legacy /ca/ prefix and its old /a/<domain>/ form.
    'https://mail.google.com/mail/ca/u/0/#inbox',
    'https://mail.google.com/a/example.com/#inbox',
    // A compose page (mailto links) and a popped-out compose window.
    'https://mail.google.com/mail/?view=cm&fs=1&to=bob%40example.com&su=Hi',
    'https://mail.google.com/mail/u/0/?ui=2&view=btop&ver=1ch3bq5ypzslv#cmid%253D1',
    // Right-to-left and other UI languages change nothing in the URL but `hl`.
    'https://mail.google.com/mail/u/0/?hl=he#inbox',
  ])('%s', (url) => {
    expect(isGmailApp(url)).toBe(true);
  });
});

describe('pages that are not the app: nothing runs there', () => {
  it.each([
    // Print view (Gmail's "Print all", and the URL our reply check reads), both id forms.
    'https://mail.google.com/mail/u/0/?ik=a1b2c3d4e5&view=pt&search=all&th=1974a3c0f2b8d6e1',
    'https://mail.google.com/mail/u/1/?view=pt&search=all&permthid=thread-f%3A1581064946762017791&simpl=msg-f%3A1581064946762017791',
    'https://mail.google.com/mail/u/0/?view=PT&th=1',
    // Show original, attachments, "view entire message", an image, another view hiding behind an app view.
    'https://mail.google.com/mail/u/0/?ik=a1b2c3d4e5&view=om&permmsgid=msg-f%3A1581064946762017791',
    'https://mail.google.com/mail/u/0/?ui=2&ik=a1b2c3d4e5&view=att&th=15f1&attid=0.1&disp=safe',
    'https://mail.google.com/mail/u/0/?ui=2&ik=a1b2c3d4e5&view=lg&permmsgid=msg-f%3A1',
    'https://mail.google.com/mail/u/0/?view=fimg&th=1',
    'https://mail.google.com/mail/u/0/?view=cm&view=pt',
    // Basic HTML, the mobile sites, the feed.
    'https://mail.google.com/mail/u/0/h/1pq68r75kzvdr/?v%3Dlui',
    'https://mail.google.com/mail/h/',
    'https://mail.google.com/mail/u/0/?ui=html&zy=h',
    'https://mail.google.com/mail/mu/mp/123/#tl/priority/%5Esmartlabel_personal',
    'https://mail.google.com/mail/u/0/x/abc/?f=1',
    'https://mail.google.com/mail/u/0/feed/atom',
    // Other apps on the same host: Google Chat (and its Spaces), Tasks, the host's root.
    'https://mail.google.com/chat/u/0/#chat/home',
    'https://mail.google.com/chat/u/0/#chat/space/AAAAx1',
    'https://mail.google.com/tasks/canvas?pli=1',
    'https://mail.google.com/',
    'https://mail.google.com/a/',
    'https://mail.google.com/a/example.com/h/1pq68r75kzvdr/',
    // Not this host (the manifest would not match; still refused).
    'https://evil.example/mail/u/0/#inbox',
    'http://mail.google.com/mail/u/0/#inbox',
    'not a url',
  ])('%s', (url) => {
    expect(isGmailApp(url)).toBe(false);
  });
});

describe('frames', () => {
  it('this window (top) on an app URL counts; a framed window does not, nor one whose top cannot be read', () => {
    setPageUrl('https://mail.google.com/mail/u/0/#inbox');
    expect(isTopFrame(window)).toBe(true);
    expect(isGmailAppWindow(window)).toBe(true);
    const framed = { top: {}, location: window.location } as unknown as Window;
    expect(isGmailAppWindow(framed)).toBe(false);
    const hostile = {
      get top(): Window {
        throw new Error('cross-origin');
      },
      location: window.location,
    } as unknown as Window;
    expect(isTopFrame(hostile)).toBe(false);
    expect(isGmailAppWindow(hostile)).toBe(false);
  });

  it('the top window on a print view: not the app', () => {
    setPageUrl('https://mail.google.com/mail/u/0/?view=pt&th=1');
    expect(isGmailAppWindow(window)).toBe(false);
  });
});
