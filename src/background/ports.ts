/**
 * The narrow slices of browser APIs the background services use. Entry
 * points build them from the real `browser` object (src/platform); unit
 * tests hand in small fakes, so no test patches globals.
 */

export interface Clock {
  now(): number;
}

export interface AlarmsPort {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

export interface NotificationOptions {
  title: string;
  message: string;
  contextMessage?: string;
  iconUrl: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
  /** A list notification's lines, where the browser has them (Chrome); others show `message` alone. */
  items?: { title: string; message: string }[];
}

export interface NotificationsPort {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface BadgePort {
  setCount(count: number): Promise<void>;
}

export interface TabsPort {
  open(url: string): Promise<void>;
}

/** An open Gmail tab, as `tabs.query({ url })` gives it with the host permission alone (no `tabs`). */
export interface GmailTab {
  id: number;
  windowId: number;
  active: boolean;
  /** When the user last looked at it, where the browser says (Chrome 121+, Firefox). */
  lastAccessed?: number;
}

export interface GmailTabsPort {
  list(): Promise<GmailTab[]>;
  /** A message to the tab's content script; rejects when none answers. */
  send(tabId: number, message: unknown): Promise<unknown>;
  /** Brings the tab to the front of its window and that window to the front. */
  focus(tab: GmailTab): Promise<void>;
}

/** This browser session (cleared when the browser closes, e.g. storage.session). */
export interface SessionPort {
  /** When the session began: the first call in a session records `now`, later ones answer it. */
  startedAt(now: number): Promise<number>;
}

export interface I18nPort {
  t(key: string, substitutions?: string[]): string;
  /** BCP 47 tag of the browser UI, for dates in notifications. */
  locale(): string;
}

/** Runs `fn` exclusively across every copy of the background (Web Locks where available). */
export type WithLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export interface Logger {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}
