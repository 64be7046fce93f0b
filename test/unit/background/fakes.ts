/**
 * Small hand-written fakes of the background's ports. Each records what was
 * done to it so tests can assert on effects; none patches a global.
 */
import '../storage/idb-env';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type {
  AlarmsPort,
  BadgePort,
  Clock,
  SessionPort,
  GmailTab,
  GmailTabsPort,
  I18nPort,
  Logger,
  NotificationOptions,
  NotificationsPort,
  TabsPort,
  WithLock,
} from '../../../src/background/ports';
import type { ActiveTabPort } from '../../../src/background/commands';
import type { PrintViewPort, PrintViewResponse } from '../../../src/background/reply-checker';
import { printViewPage, type PageMessage } from '../../fixtures/gmail/print-view/page';
import { createBackground, type BackgroundPorts } from '../../../src/background/services';
import type { StorageAreaPort } from '../../../src/background/settings-store';
import type { SenderInfo } from '../../../src/core/protocol/sender';
import { isShowThreadCommand, isWhoAmICommand } from '../../../src/core/protocol/content-commands';
import { defaultSettings, type Settings } from '../../../src/core/settings';

export { DAY, HOUR, reminder, T0, thread } from '../storage/fixtures';
export const MIN = 60_000;

export class FakeClock implements Clock {
  constructor(public time: number) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export class FakeAlarms implements AlarmsPort {
  /** Alarms currently set: name → when. */
  readonly active = new Map<string, number>();
  readonly calls: ({ op: 'create'; name: string; when: number } | { op: 'clear'; name: string })[] = [];

  create(name: string, info: { when: number }): void {
    this.calls.push({ op: 'create', name, when: info.when });
    this.active.set(name, info.when);
  }

  async clear(name: string): Promise<boolean> {
    this.calls.push({ op: 'clear', name });
    return this.active.delete(name);
  }
}

export class FakeNotifications implements NotificationsPort {
  /** Notifications currently on screen. */
  readonly shown = new Map<string, NotificationOptions>();
  /** Every successful create, in order. */
  readonly created: { id: string; options: NotificationOptions }[] = [];
  readonly cleared: string[] = [];
  /** When set, every create fails with it (e.g. the OS refuses notifications). */
  failWith: Error | undefined;
  /** Firefox: `buttons` is not a supported property and create rejects. */
  rejectButtons = false;

  async create(id: string, options: NotificationOptions): Promise<string> {
    if (this.failWith) throw this.failWith;
    if (this.rejectButtons && 'buttons' in options) {
      throw new Error('Type error for parameter options (Property "buttons" is unsupported by Firefox) for notifications.create.');
    }
    this.created.push({ id, options });
    this.shown.set(id, options);
    return id;
  }

  async clear(id: string): Promise<boolean> {
    this.cleared.push(id);
    return this.shown.delete(id);
  }
}

export class FakeBadge implements BadgePort {
  readonly counts: number[] = [];
  get count(): number | undefined {
    return this.counts.at(-1);
  }
  async setCount(count: number): Promise<void> {
    this.counts.push(count);
  }
}

export class FakeTabs implements TabsPort {
  readonly opened: string[] = [];
  failWith: Error | undefined;
  async open(url: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.opened.push(url);
  }
}

/**
 * Open Gmail tabs, each with the account its content script reports (null:
 * the page has not said; `silent`: no content script answers at all).
 */
export class FakeGmailTabs implements GmailTabsPort {
  readonly tabs: (GmailTab & { account: string | null; hash: string; silent?: boolean })[] = [];
  readonly focused: number[] = [];
  readonly sent: { tabId: number; message: unknown }[] = [];
  add(tab: Partial<GmailTab> & { account: string | null; silent?: boolean }) {
    this.tabs.push({ id: this.tabs.length + 1, windowId: 1, active: false, hash: '#inbox', ...tab });
  }
  async list(): Promise<GmailTab[]> {
    return this.tabs.map(({ id, windowId, active, lastAccessed }) => ({ id, windowId, active, ...(lastAccessed ? { lastAccessed } : {}) }));
  }
  async send(tabId: number, message: unknown): Promise<unknown> {
    const tab = this.tabs.find((t) => t.id === tabId);
    if (!tab || tab.silent) throw new Error('Could not establish connection. Receiving end does not exist.');
    this.sent.push({ tabId, message });
    if (isWhoAmICommand(message)) return { account: tab.account };
    if (isShowThreadCommand(message)) {
      if (message.account !== tab.account) return { shown: false };
      tab.hash = message.hash;
      return { shown: true };
    }
    return undefined;
  }
  async focus(tab: GmailTab): Promise<void> {
    this.focused.push(tab.id);
  }
}

/** storage.session's one value: when this browser session began (set it to simulate a restart). */
export class FakeSession implements SessionPort {
  began: number | undefined;
  async startedAt(now: number): Promise<number> {
    this.began ??= now;
    return this.began;
  }
}

export class FakeActiveTab implements ActiveTabPort {
  tabId: number | undefined = 7;
  readonly sent: { tabId: number; message: unknown }[] = [];
  /** Set when the active tab has no content script to answer. */
  failWith: Error | undefined;
  async activeTabId(): Promise<number | undefined> {
    return this.tabId;
  }
  async send(tabId: number, message: unknown): Promise<unknown> {
    if (this.failWith) throw this.failWith;
    this.sent.push({ tabId, message });
    return undefined;
  }
}

/**
 * Gmail's print view as a fake: pages built from `threads` (hex id → the
 * messages Gmail would print), else a page holding only an old message of
 * the account (no reply). `answer` overrides the response (signed out…).
 */
export class FakePrintView implements PrintViewPort {
  readonly requested: string[] = [];
  readonly threads = new Map<string, PageMessage[]>();
  failWith: Error | undefined;
  answer: Partial<PrintViewResponse> | undefined;
  /** The zone Gmail prints dates in (the Google account's), which need not be the settings zone. */
  pageZone = USER_ZONE;
  async fetch(url: string): Promise<PrintViewResponse> {
    this.requested.push(url);
    if (this.failWith) throw this.failWith;
    const q = new URL(url).searchParams;
    const account = q.get('authuser') ?? '';
    const messages = this.threads.get(q.get('th') ?? '') ?? [{ from: { email: account }, to: [], at: Date.UTC(2020, 0, 1) }];
    const html = printViewPage({ account: { email: account }, subject: 'Thread', messages, timeZone: this.pageZone });
    return { status: 200, url, redirected: false, contentType: 'text/html; charset=UTF-8', text: async () => html, ...this.answer };
  }
}

/** Returns `key|sub1|sub2`, so tests see which message and which substitutions were used. */
export const fakeI18n: I18nPort = {
  t: (key, substitutions) => [key, ...(substitutions ?? [])].join('|'),
  locale: () => 'en-US',
};

export class FakeLog implements Logger {
  readonly warnings: { message: string; detail?: unknown }[] = [];
  readonly errors: { message: string; detail?: unknown }[] = [];
  warn(message: string, detail?: unknown): void {
    this.warnings.push({ message, detail });
  }
  error(message: string, detail?: unknown): void {
    this.errors.push({ message, detail });
  }
}

export class FakeStorageArea implements StorageAreaPort {
  constructor(readonly data: Record<string, unknown> = {}) {}
  async get(key: string): Promise<Record<string, unknown>> {
    // Structured clone, as the real storage hands out copies.
    return key in this.data ? { [key]: structuredClone(this.data[key]) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    Object.assign(this.data, structuredClone(items));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.data[key];
  }
}

/**
 * A lock that really serialises: calls with the same name run one after
 * another on a promise chain. `maxConcurrent` shows whether it ever overlapped.
 */
/** Serialises per lock name, like Web Locks; `maxConcurrent` is the most holders one name ever had at once. */
export function serialLock(): { withLock: WithLock; readonly maxConcurrent: number } {
  const tails = new Map<string, Promise<unknown>>();
  const running = new Map<string, number>();
  let maxConcurrent = 0;
  const withLock: WithLock = (name, fn) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(async () => {
      running.set(name, (running.get(name) ?? 0) + 1);
      maxConcurrent = Math.max(maxConcurrent, running.get(name)!);
      try {
        return await fn();
      } finally {
        running.set(name, running.get(name)! - 1);
      }
    });
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
  return {
    withLock,
    get maxConcurrent() {
      return maxConcurrent;
    },
  };
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const EXTENSION_VERSION = '0.1.0-test';
export const CHECKLIST_URL = `${EXTENSION_ORIGIN}src/popup/index.html`;
export const ICON_URL = `${EXTENSION_ORIGIN}icons/icon-128.png`;

/** Where the user lives in the tests; deliberately not the system zone below. */
export const USER_ZONE = 'America/New_York';
export const SYSTEM_ZONE = 'UTC';

export const POPUP: SenderInfo = { id: EXTENSION_ID, url: CHECKLIST_URL };
export const GMAIL_TAB: SenderInfo = {
  id: EXTENSION_ID,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: { url: 'https://mail.google.com/mail/u/0/#inbox' },
};

export function userSettings(over: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(USER_ZONE), ...over };
}

export interface Fakes {
  clock: FakeClock;
  alarms: FakeAlarms;
  notifications: FakeNotifications;
  badge: FakeBadge;
  tabs: FakeTabs;
  session: FakeSession;
  gmailTabs: FakeGmailTabs;
  activeTab: FakeActiveTab;
  printView: FakePrintView;
  storage: FakeStorageArea;
  log: FakeLog;
  lock: ReturnType<typeof serialLock>;
}

/**
 * The background wired from fakes and a fresh fake IndexedDB, as the entry
 * point wires it from real browser APIs. Settings are stored in USER_ZONE
 * unless `settings: null` asks for an empty storage.
 */
export function fakeBackground({ now = Date.parse('2025-03-10T12:00:00Z'), settings = userSettings() }: { now?: number; settings?: Settings | null } = {}) {
  const fakes: Fakes = {
    clock: new FakeClock(now),
    alarms: new FakeAlarms(),
    notifications: new FakeNotifications(),
    badge: new FakeBadge(),
    tabs: new FakeTabs(),
    session: new FakeSession(),
    gmailTabs: new FakeGmailTabs(),
    activeTab: new FakeActiveTab(),
    printView: new FakePrintView(),
    storage: new FakeStorageArea(settings ? { settings } : {}),
    log: new FakeLog(),
    lock: serialLock(),
  };
  const ports: BackgroundPorts = {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    storage: fakes.storage,
    alarms: fakes.alarms,
    notifications: fakes.notifications,
    badge: fakes.badge,
    tabs: fakes.tabs,
    session: fakes.session,
    gmailTabs: fakes.gmailTabs,
    activeTab: fakes.activeTab,
    printView: fakes.printView,
    sleep: async () => {},
    i18n: fakeI18n,
    clock: fakes.clock,
    withLock: fakes.lock.withLock,
    log: fakes.log,
    systemTimeZone: () => SYSTEM_ZONE,
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    extensionVersion: EXTENSION_VERSION,
    iconUrl: ICON_URL,
    checklistUrl: CHECKLIST_URL,
  };
  return { ...fakes, ports, bg: createBackground(ports) };
}
