import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { RequestFailedError, type Client } from '../../../src/core/protocol/client';
import type { Diagnostics, ResponseMap } from '../../../src/core/protocol/messages';
import type { RequestInput, RequestType } from '../../../src/core/protocol/schemas';
import type { PresetId } from '../../../src/core/schedule/presets';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import type { Translate } from '../../../src/core/notification-text';
import { App } from '../../../src/options/App';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** `browser.i18n.getMessage` over the real English messages; throws on a key the locale lacks. */
export const t: Translate = (key, subs = []) => {
  const entry = en[key];
  if (!entry) throw new Error(`No message ${key}`);
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) =>
    (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, d: string) => subs[Number(d) - 1] ?? ''),
  );
};

export const PRESET_LABELS: Record<PresetId, string> = {
  tomorrow: 'Thu, Dec 4, 09:00',
  'in-2-days': 'Fri, Dec 5, 09:00',
  'in-3-days': 'Mon, Dec 8, 09:00',
  'in-1-week': 'Wed, Dec 10, 09:00',
  'next-week': 'Mon, Dec 8, 09:00',
  'in-2-weeks': 'Wed, Dec 17, 09:00',
};

export function sampleSettings(change: (s: Settings) => Settings = (s) => s): Settings {
  const s = defaultSettings('Europe/Berlin');
  return change({ ...s, replies: { ...s.replies, aliases: { 'me@example.com': ['me@work.example'] } } });
}

export function sampleDiagnostics(change: Partial<Diagnostics> = {}): Diagnostics {
  return {
    version: '0.1.0',
    counts: { pending: 3, snoozed: 1, notified: 2, replied: 4, done: 5, cancelled: 0 },
    integration: [
      {
        account: 'me@example.com',
        at: Date.UTC(2025, 11, 3, 8, 0),
        checks: { composeButton: 'ok', sendHook: 'ok', threadId: 'missing', threadToolbar: 'unknown', account: 'ok' },
        notes: ['thread id not found in URL'],
      },
      {
        account: 'second@example.org',
        at: Date.UTC(2025, 11, 2, 8, 0),
        checks: { composeButton: 'ok', sendHook: 'ok', threadId: 'ok', threadToolbar: 'ok', account: 'ok' },
        notes: [],
      },
    ],
    lastChecks: [
      {
        account: 'me@example.com',
        lastOk: Date.UTC(2025, 11, 3, 7, 0),
        lastFailure: { at: Date.UTC(2025, 11, 3, 7, 30), failure: 'signed-out' },
      },
    ],
    recentErrors: [{ at: Date.UTC(2025, 11, 3, 6, 0), message: 'Reply check failed: network' }],
    ...change,
  };
}

export type Handlers = { [K in RequestType]?: (payload: RequestInput<K>) => Promise<ResponseMap[K]> };

/** A fake of the typed client: answers from `handlers`, records every call. */
export function fakeClient(over: Handlers = {}) {
  let stored = sampleSettings();
  const handlers: Handlers = {
    'settings.get': async () => ({ settings: stored }),
    'settings.set': async ({ settings }) => ({ settings: (stored = settings as Settings) }),
    'due.preview': async (p) => ({ at: 0, moved: false, exactTime: false, label: 'preset' in p ? PRESET_LABELS[p.preset] : '?' }),
    'diagnostics.get': async () => sampleDiagnostics(),
    'integration.get': async () => ({ reports: [] }),
    ...over,
  };
  const fn = vi.fn(async (type: RequestType, payload: unknown) => {
    const handler = handlers[type] as ((p: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new RequestFailedError({ code: 'unknown-type', message: `No fake for ${type}` });
    return handler(payload);
  });
  const calls = (type: RequestType) => fn.mock.calls.filter(([k]) => k === type).map(([, p]) => p);
  return { client: fn as unknown as Client, fn, calls };
}

/** Renders the whole options page and waits until the settings form is there. */
export async function renderOptions(over: Handlers = {}, locale = 'en') {
  const fake = fakeClient(over);
  const view = render(<App client={fake.client} t={t} locale={locale} />);
  const form = await screen.findByRole('form', { name: 'Settings' });
  return { ...fake, view, form };
}

/** The settings of the last settings.set call. */
export function lastSaved(calls: (type: RequestType) => unknown[]): Settings {
  const all = calls('settings.set') as { settings: Settings }[];
  if (all.length === 0) throw new Error('settings.set was not called');
  return all[all.length - 1]!.settings;
}
