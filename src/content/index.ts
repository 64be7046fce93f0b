/*
 * Isolated-world content script for Gmail. Everything runs inside
 * try/catch: whatever Gmail changes, our failure must never reach its page.
 */
import { onceLogger, settingsCache } from './controller/deps';
import { startGmailIntegration } from './controller/page';
import { onBackgroundMessage, request, t, uiLanguage } from '../platform/content-runtime';

try {
  const locale = uiLanguage() || navigator.language;
  startGmailIntegration(
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
      warnOnce: onceLogger((message, detail) => console.warn(message, detail)),
    },
    onBackgroundMessage,
  );
} catch (error) {
  console.warn('[follow-through] Gmail integration did not start', error);
}
