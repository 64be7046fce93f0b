/*
 * Isolated-world content script for Gmail, injected into every Gmail page
 * and started only in Gmail's app (gmail/page-kind.ts): the bootstrap
 * (boot/bootstrap.ts). The controls follow on first need
 * (controls.ts). Everything runs inside try/catch: whatever Gmail changes,
 * our failure must never reach its page. The copy injected after an update
 * replaces the orphaned old one (lifecycle.ts).
 */
import { onceLogger, settingsCache } from './controller/deps';
import { startBootstrap } from './boot/bootstrap';
import { startOnce } from './lifecycle';
import { extensionAlive, onBackgroundMessage, onExtensionGone, request, t, uiLanguage } from '../platform/content-runtime';
import { isGmailAppWindow } from './gmail/page-kind';

/** The bootstrap, once per tab (lifecycle.ts). */
function start(): void {
  startOnce({ doc: document, world: globalThis, alive: extensionAlive, onGone: onExtensionGone }, () => {
    const locale = uiLanguage() || navigator.language;
    return startBootstrap(
      {
        doc: document,
        win: window,
        request,
        t,
        lang: locale.toLowerCase().startsWith('de') ? 'de' : 'en',
        locale,
        now: () => Date.now(),
        newId: () => crypto.randomUUID(),
        settings: settingsCache(request, () => Date.now()),
        // An orphan stays quiet: a dead context is not worth a line in Gmail's console.
        warnOnce: onceLogger((message, detail) => extensionAlive() && console.warn(message, detail)),
      },
      { world: globalThis, onCommand: onBackgroundMessage },
    );
  });
}

try {
  // Gmail's app only (gmail/page-kind.ts): a print view, a static page or a frame gets no observer and no listener,
  // never asks for the controls, and does not answer the background's navigation commands.
  if (isGmailAppWindow(window)) start();
} catch (error) {
  if (extensionAlive()) console.warn('[follow-through] Gmail integration did not start', error);
}
