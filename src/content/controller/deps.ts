import type { Client } from '../../core/protocol/client';
import type { Settings } from '../../core/settings';
import type { Translate } from '../ui/types';

/** What the Gmail integration needs from the outside world; the entry passes real ones, tests fakes. */
export interface ContentDeps {
  doc: Document;
  win: Window;
  request: Client;
  t: Translate;
  lang: 'en' | 'de';
  /** BCP 47 tag for dates shown in Gmail. */
  locale: string;
  now(): number;
  newId(): string;
  settings(): Promise<Settings>;
  /** Logged once per key, never thrown (Gmail must not notice us failing). */
  warnOnce(key: string, detail?: unknown): void;
}

export function settingsCache(request: Client, now: () => number, ttlMs = 60_000): () => Promise<Settings> {
  let cached: { at: number; value: Promise<Settings> } | undefined;
  return () => {
    if (!cached || now() - cached.at > ttlMs) {
      const value = request('settings.get', {}).then((r) => r.settings);
      // A failed read is retried next time instead of being cached.
      value.catch(() => (cached = undefined));
      cached = { at: now(), value };
    }
    return cached.value;
  };
}

export function onceLogger(log: (message: string, detail?: unknown) => void): (key: string, detail?: unknown) => void {
  const seen = new Set<string>();
  return (key, detail) => {
    if (seen.has(key)) return;
    seen.add(key);
    log(`[follow-through] ${key}`, detail ?? '');
  };
}
