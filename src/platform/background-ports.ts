import { browser, type Notifications } from './browser';
import type { BackgroundPorts } from '../background/services';
import type { NotificationOptions, WithLock } from '../background/ports';
import { realFrameScripting } from './scripting';

const BADGE_COLOR = '#d93025';
const SESSION_KEY = 'sessionStartedAt';

/** Web Locks serialise the background's critical sections even if two copies ever run. */
const chains = new Map<string, Promise<unknown>>();
const withLock: WithLock = (name, fn) => {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(name, fn);
  // Without Web Locks, at least serialise within this copy of the background.
  const run = (chains.get(name) ?? Promise.resolve()).then(fn, fn);
  chains.set(name, run.catch(() => undefined));
  return run;
};

/**
 * Chrome (and Edge) have list notifications (`TemplateType.LIST`); Firefox
 * shows only `basic` ones (it has `runtime.getBrowserInfo`, Chrome does not),
 * where the message names them.
 */
function hasListNotifications(): boolean {
  const chromeApi = (globalThis as { chrome?: { notifications?: { TemplateType?: { LIST?: string } } } }).chrome;
  return chromeApi?.notifications?.TemplateType?.LIST === 'list' && !('getBrowserInfo' in browser.runtime);
}

/** Chrome's promise for a message that the tab's listeners heard without answering (Firefox resolves undefined). */
const NO_ANSWER = 'The message port closed before a response was received.';

/** A message to a tab's content scripts; a tab that takes it without answering gives undefined, as in Firefox. */
async function sendToTab(tabId: number, message: unknown): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch (error) {
    if (error instanceof Error && error.message === NO_ANSWER) return undefined;
    throw error;
  }
}

/** Real browser APIs in the shape the background services expect. */
export function realBackgroundPorts(): BackgroundPorts {
  const log = {
    warn: (message: string, detail?: unknown) => console.warn(`[follow-through] ${message}`, detail ?? ''),
    error: (message: string, detail?: unknown) => console.error(`[follow-through] ${message}`, detail ?? ''),
  };
  return {
    indexedDB: globalThis.indexedDB,
    IDBKeyRange: globalThis.IDBKeyRange,
    storage: browser.storage.local,
    session: {
      async startedAt(now) {
        // storage.session is emptied when the browser closes (and when the extension is loaded again).
        const area = browser.storage.session;
        const stored = (await area.get(SESSION_KEY))[SESSION_KEY];
        if (typeof stored === 'number' && Number.isFinite(stored)) return stored;
        await area.set({ [SESSION_KEY]: now });
        return now;
      },
    },
    alarms: {
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    },
    notifications: {
      async create(id, { items, ...options }: NotificationOptions) {
        if (items && hasListNotifications()) {
          try {
            return await browser.notifications.create(id, { type: 'list', items, ...options } as Notifications.CreateNotificationOptions);
          } catch {
            // A browser that refuses the list still shows the message, which names them too.
          }
        }
        return browser.notifications.create(id, { type: 'basic', ...options } as Notifications.CreateNotificationOptions);
      },
      clear: (id) => browser.notifications.clear(id),
    },
    badge: {
      async setCount(count) {
        await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
        await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
      },
    },
    tabs: {
      async open(url) {
        await browser.tabs.create({ url });
      },
    },
    gmailTabs: {
      // The host permission alone lets tabs.query match and report Gmail tabs' URLs: no `tabs` permission.
      async list() {
        const found = await browser.tabs.query({ url: 'https://mail.google.com/*' });
        return found.flatMap((t) =>
          t.id === undefined || t.windowId === undefined || t.discarded
            ? []
            : [{ id: t.id, windowId: t.windowId, active: t.active, ...(typeof t.lastAccessed === 'number' ? { lastAccessed: t.lastAccessed } : {}) }],
        );
      },
      send: sendToTab,
      async focus(tab) {
        await browser.tabs.update(tab.id, { active: true });
        // Firefox for Android has no windows API: the tab alone comes to the front there.
        if (browser.windows) await browser.windows.update(tab.windowId, { focused: true });
      },
    },
    activeTab: {
      async activeTabId() {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      },
      send: sendToTab,
    },
    printView: {
      async fetch(url) {
        // The user's own Gmail session (cookies), never cached; a hung request must not hold the worker.
        const response = await fetch(url, { credentials: 'include', cache: 'no-store', redirect: 'follow', signal: AbortSignal.timeout(20_000) });
        return {
          status: response.status,
          url: response.url,
          redirected: response.redirected,
          contentType: response.headers.get('content-type'),
          text: () => response.text(),
        };
      },
    },
    i18n: {
      t: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
      locale: () => browser.i18n.getUILanguage(),
    },
    clock: { now: () => Date.now() },
    withLock,
    log,
    systemTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    extensionVersion: browser.runtime.getManifest().version,
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    checklistUrl: browser.runtime.getURL('src/popup/index.html'),
    frameScripting: realFrameScripting(),
  };
}
