/**
 * A routed, offline stand-in for mail.google.com: real Gmail markup from
 * test/fixtures/gmail/dom inside a page shell, plus a small script that
 * behaves like Gmail where the extension watches it — Send posts the real
 * sync-2022 request to `/sync/u/0/i/s`, the route answers with the captured
 * response, and the compose goes away with a "Message sent" toast.
 */
import { readFileSync } from 'node:fs';
import type { MailRouteHandler } from './harness';
import { printViewPage, type PageMessage } from '../fixtures/gmail/print-view/page';

const DOM = new URL('../fixtures/gmail/dom/', import.meta.url);
const SYNC = new URL('../fixtures/gmail/sync-2022/', import.meta.url);

export const domFixture = (name: string) => readFileSync(new URL(name, DOM), 'utf8');
export const syncSample = (name: string) => readFileSync(new URL(`2022-09-09-${name}.json`, SYNC), 'utf8');

export interface GmailPageSpec {
  account: string;
  /** Markup of the page's body (fixture HTML). */
  body: string;
  /** JS run after the body exists, before the fake Gmail wiring: sets inputs the way Gmail's code would. */
  setup?: string;
  /** The sync-2022 request sent when Send is clicked. */
  syncRequest?: string;
  /** Markup Gmail shows under the newest message when its Reply (or the bar's Reply) is clicked: an inline reply. */
  replyTemplate?: string;
  /** The request sent when "Schedule send" is chosen in the more-send menu (Gmail's time dialog is skipped). */
  scheduledRequest?: string;
  /** Send acts on mouseup after a mousedown on it, as Gmail's Closure buttons do (default: on click). */
  closureButtons?: boolean;
}

const FAKE_GMAIL = String.raw`
(() => {
  const sendSelector = '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])';
  let undone = false;
  window.__sends = 0;
  function toast() {
    const t = document.createElement('div');
    t.className = 'b8 UC';
    t.setAttribute('role', 'alert');
    const vh = document.createElement('div');
    vh.className = 'vh';
    vh.append('Message sent. ');
    const undo = document.createElement('span');
    undo.id = 'link_undo';
    undo.setAttribute('role', 'link');
    undo.textContent = 'Undo';
    undo.addEventListener('click', () => (undone = true));
    vh.append(undo);
    t.append(vh);
    document.body.append(t);
  }
  const sent = new WeakSet();
  function send(compose, requestId = 'sync-request') {
    if (!compose || sent.has(compose)) return;
    sent.add(compose);
    const request = document.getElementById(requestId)?.textContent;
    toast();
    compose.closest('[data-compose-window]')?.remove() ?? compose.remove();
    // Gmail holds the request back during the undo window.
    setTimeout(() => {
      if (undone || !request) return;
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/sync/u/0/i/s?hl=en&c=' + Date.now());
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.onload = () => (window.__sends += 1);
      xhr.send(request);
    }, window.__undoDelay ?? 50);
  }
  const composeOf = (el) => el.closest('.M9') ?? el.closest('[role=dialog]');
  let pressed = null;
  document.addEventListener('mousedown', (e) => {
    pressed = (e.target instanceof Element && e.target.closest(sendSelector)) || null;
  });
  document.addEventListener('mouseup', (e) => {
    const button = e.target instanceof Element && e.target.closest(sendSelector);
    if (window.__closureButtons && button && button === pressed) send(composeOf(button));
    pressed = null;
  });
  document.addEventListener('click', (e) => {
    if (!(e.target instanceof Element)) return;
    const button = e.target.closest(sendSelector);
    if (button && !window.__closureButtons) send(composeOf(button));
    // The more-send arrow opens its menu; "Schedule send" schedules at once (Gmail would ask for a time first).
    if (e.target.closest('.IZ .Up div[role=button][aria-haspopup=true]')) {
      const menu = composeOf(e.target)?.querySelector('#sbddm');
      if (menu) menu.style.display = 'block';
    }
    const item = e.target.closest('[selector=scheduledSend]');
    if (item) {
      item.closest('#sbddm')?.style.setProperty('display', 'none');
      send(composeOf(item), 'sync-request-scheduled');
    }
  });
  // Reply: Gmail opens an inline reply under the newest message (once).
  document.addEventListener('click', (e) => {
    const reply = e.target instanceof Element && e.target.closest('.aaq, .amn [role=link]');
    const template = document.getElementById('reply-template');
    if (!reply || !template || document.querySelector('.ip.adB')) return;
    window.__replyClicks = (window.__replyClicks ?? 0) + 1;
    // Which control: the message's Reply (.aaq), or the bar's Reply (bkH) / Reply all (bkI).
    window.__replyVia = reply.className;
    [...document.querySelectorAll('div.adn')].at(-1)?.querySelector('.gs')?.append(template.content.cloneNode(true));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target instanceof Element) {
      const compose = e.target.closest('.M9') ?? e.target.closest('[role=dialog]');
      if (compose) send(compose);
    }
  });
})();
`;

export function gmailPage(spec: GmailPageSpec): string {
  const json = (spec.syncRequest ?? '').replace(/</g, '\\u003c');
  const scheduled = (spec.scheduledRequest ?? '').replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Inbox (3) - ${spec.account} - Gmail</title>
<script>var GLOBALS = [];GLOBALS[10] = ${JSON.stringify(spec.account)};</script></head>
<body>${spec.body}
<script type="application/json" id="sync-request">${json}</script>
${spec.replyTemplate ? `<template id="reply-template">${spec.replyTemplate}</template>` : ''}
<script type="application/json" id="sync-request-scheduled">${scheduled}</script>
<script>window.__closureButtons = ${spec.closureButtons ? 'true' : 'false'};</script>
<script>${spec.setup ?? ''}</script>
<script>${FAKE_GMAIL}</script>
</body></html>`;
}

/** Serves `pages` by path (query ignored) and answers the send endpoint with `syncResponse`. */
export function gmailRoutes(pages: Record<string, string>, syncResponse?: string, seen: string[] = []): MailRouteHandler {
  return async (route, request) => {
    const url = new URL(request.url());
    seen.push(`${request.method()} ${url.pathname}`);
    if (request.method() === 'POST' && /^\/sync\/u\/\d+\/i\/s$/.test(url.pathname) && syncResponse) {
      return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: syncResponse });
    }
    const page = pages[url.pathname];
    if (page) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    return route.fulfill({ status: 404, body: '' });
  };
}

/** The inside of a fixture's <body> (fixtures may be whole documents or fragments). */
export function bodyOf(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return m ? m[1]! : html;
}

/**
 * Answers Gmail's print view (`view=pt`) for reply checks: pages built from
 * `threads` (hex id → messages), else the account's own old message only
 * (no reply). Dates are printed in `timeZone` (the profile's zone).
 */
export function printViewRoutes(threads: Map<string, PageMessage[]> = new Map(), timeZone = 'UTC', seen: string[] = []): MailRouteHandler {
  return async (route, request) => {
    const url = new URL(request.url());
    if (url.searchParams.get('view') !== 'pt') return route.fulfill({ status: 404, body: '' });
    seen.push(url.toString());
    const account = url.searchParams.get('authuser') ?? '';
    const messages = threads.get(url.searchParams.get('th') ?? '') ?? [{ from: { email: account }, to: [], at: Date.UTC(2020, 0, 1) }];
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=UTF-8',
      body: printViewPage({ account: { email: account }, subject: 'Thread', messages, timeZone }),
    });
  };
}
