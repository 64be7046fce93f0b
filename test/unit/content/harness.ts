/**
 * Shared fakes for the content-controller tests: a `ContentDeps` whose
 * `request` is the real typed client over a fake `send` (every request is
 * validated against the real schemas, so a malformed payload fails the test),
 * fake clock and ids, and helpers to read what our UI put into the page.
 * DOM fixtures come from test/fixtures/gmail/dom via ../gmail-dom/dom.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, vi } from 'vitest';
import { BRIDGE_SOURCE, KIND_PAGE_INFO, KIND_SYNC_SEND } from '../../../src/content/bridge-protocol';
import type { ContentDeps } from '../../../src/content/controller/deps';
import { createClient } from '../../../src/core/protocol/client';
import { parseEnvelope, type ResponseMap } from '../../../src/core/protocol/messages';
import type { RequestOf, RequestType } from '../../../src/core/protocol/schemas';
import type { Reminder, ReminderStatus, ThreadIdentity } from '../../../src/core/reminder';
import { defaultSettings, type Settings } from '../../../src/core/settings';

/** 2025-06-10T12:00:00Z, a Tuesday. */
export const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
/** Every preview answers this instant (2025-06-13T09:00:00Z). */
export const DUE_AT = Date.UTC(2025, 5, 13, 9, 0, 0);
export const ORIGIN = 'https://mail.google.com';

/** The label the fake background gives a preview: shows which input it was asked about. */
export function labelFor(input: RequestOf<'due.preview'>): string {
  if ('preset' in input) return `P:${input.preset}`;
  if ('local' in input) return `L:${input.local}`;
  return `T:${input.text}`;
}

/** Readable fake translation: the key, and its substitutions in brackets. */
export const t = (key: string, subs?: string[]) => (subs?.length ? `${key}[${subs.join('|')}]` : key);

/** Strips the bidi isolation marks our labels are wrapped in. */
export const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '');

export interface Call {
  type: RequestType;
  payload: unknown;
}

type Handler<K extends RequestType> = (payload: RequestOf<K>) => ResponseMap[K] | Promise<ResponseMap[K]>;
export type Handlers = { [K in RequestType]?: Handler<K> };

export function fakeReminder(over: Partial<Reminder> & { thread?: ThreadIdentity; status?: ReminderStatus } = {}): Reminder {
  const thread = over.thread ?? { provider: 'gmail', threadId: '15f1123136926bff', subject: 'Quarterly numbers', recipients: [] };
  return {
    id: 'rem-1',
    account: 'me@example.com',
    thread,
    threadKey: `gmail:${thread.threadId ?? 'x'}`,
    kind: 'no-reply',
    status: 'pending',
    sentAt: NOW - 60_000,
    dueAt: DUE_AT,
    createdAt: NOW - 60_000,
    updatedAt: NOW - 60_000,
    rev: 1,
    history: [],
    ...over,
  };
}

export interface Fake {
  deps: ContentDeps;
  calls: Call[];
  /** Requests the real schemas rejected (should stay empty). */
  invalid: unknown[];
  warnings: string[];
  settings: Settings;
  clock: { now: number };
  of<K extends RequestType>(type: K): RequestOf<K>[];
}

export function fakeDeps(opts: { handlers?: Handlers; settings?: Partial<Settings>; doc?: Document; win?: Window } = {}): Fake {
  const calls: Call[] = [];
  const invalid: unknown[] = [];
  const warnings: string[] = [];
  const settings: Settings = { ...defaultSettings('UTC'), ...opts.settings };
  const clock = { now: NOW };
  let ids = 0;
  const defaults: Handlers = {
    'due.preview': (input) => ({ at: DUE_AT, label: labelFor(input), moved: false, exactTime: false }),
    'settings.get': () => ({ settings }),
    'reminder.create': (p) => ({ reminder: fakeReminder({ id: p.id, account: p.account, thread: p.thread as ThreadIdentity, kind: p.kind ?? 'no-reply' }), outcome: 'created' }),
    'reminder.getByThread': () => ({ reminder: null }),
    'reminder.updateDue': (p) => ({ reminder: fakeReminder({ id: p.id }), previous: fakeReminder({ id: p.id }) }),
    'reminder.snooze': (p) => ({ reminder: fakeReminder({ id: p.id, status: 'snoozed' }), previous: fakeReminder({ id: p.id }) }),
    'reminder.cancel': (p) => ({ reminder: fakeReminder({ id: p.id, status: 'cancelled' }), previous: fakeReminder({ id: p.id }) }),
    'integration.report': () => ({ stored: true }),
    'account.seen': () => ({ stored: true }),
    'thread.observed': () => ({ resolved: [] }),
    'reminder.notReply': (p) => ({ reminder: fakeReminder({ id: p.id }) }),
    'reminder.autoAnswer': (p) => ({ reminder: fakeReminder({ id: p.id }) }),
  };
  const handlers = { ...defaults, ...opts.handlers } as Record<string, (p: unknown) => unknown>;
  const send = async (raw: unknown) => {
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) {
      invalid.push({ raw, error: parsed.error });
      return { ok: false, error: parsed.error };
    }
    const { type, payload } = parsed.request;
    calls.push({ type, payload });
    const handler = handlers[type];
    if (!handler) return { ok: false, error: { code: 'internal', message: `no fake for ${type}` } };
    try {
      return { ok: true, data: await handler(payload) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
  const request = createClient(send);
  const deps: ContentDeps = {
    doc: opts.doc ?? document,
    win: opts.win ?? window,
    request,
    t,
    lang: 'en',
    locale: 'en-GB',
    now: () => clock.now,
    newId: () => `id-${++ids}`,
    settings: () => request('settings.get', {}).then((r) => r.settings),
    warnOnce: (key) => void warnings.push(key),
  };
  return {
    deps,
    calls,
    invalid,
    warnings,
    settings,
    clock,
    of: <K extends RequestType>(type: K) => calls.filter((c) => c.type === type).map((c) => c.payload as RequestOf<K>),
  };
}

/** Lets pending promise chains (fake requests, Preact renders, observer callbacks) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
  await new Promise<void>((r) => setTimeout(r, 0));
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** Our control hosts in `scope`, and the shadow root of the only one. */
export function controls(scope: ParentNode = document): Element[] {
  return [...scope.querySelectorAll('follow-through-control')];
}

export function onlyShadow(scope: ParentNode = document): ShadowRoot {
  const hosts = controls(scope);
  expect(hosts).toHaveLength(1);
  const root = hosts[0]!.shadowRoot;
  if (!root) throw new Error('control has no shadow root');
  return root;
}

/** The text of the control's pill button. */
export function buttonText(scope: ParentNode = document): string {
  return plain(onlyShadow(scope).querySelector('button.btn')?.textContent?.trim());
}

/** The text of our toast (it is filled in 50 ms after it appears). */
export function toastText(doc: Document = document): string | undefined {
  const host = doc.querySelector('follow-through-toast');
  if (!host) return undefined;
  return plain(host.shadowRoot?.querySelector('.toast')?.textContent);
}

export async function expectToast(text: string, doc: Document = document): Promise<void> {
  await vi.waitFor(() => expect(toastText(doc)).toBe(text));
}

// ---- Page-world bridge --------------------------------------------------

/** A sync-2022 sample as text (node:fs with a path string: happy-dom replaces URL). */
export function syncSample(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../../fixtures/gmail/sync-2022', `2022-09-09-${name}.json`), 'utf8');
}

export function setPageUrl(url = `${ORIGIN}/mail/u/0/#inbox`): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** Posts what the page-world hook posts after a send, as `window` itself (the only source the bridge accepts). */
export function deliverSend(name: string): void {
  deliver({ source: BRIDGE_SOURCE, kind: KIND_SYNC_SEND, v: 1, url: `${ORIGIN}/sync/u/0/i/s`, status: 200, body: syncSample(`${name}_response`), request: syncSample(`${name}_request`) });
}

/** Same, with bodies the test built (e.g. a scheduled variant of a sample). */
export function deliverSendBodies(request: string, body: string): void {
  deliver({ source: BRIDGE_SOURCE, kind: KIND_SYNC_SEND, v: 1, url: `${ORIGIN}/sync/u/0/i/s`, status: 200, body, request });
}

export function deliverAccount(account: string, ik?: string): void {
  deliver({ source: BRIDGE_SOURCE, kind: KIND_PAGE_INFO, v: 1, account, ...(ik !== undefined ? { ik } : {}) });
}

function deliver(data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin: ORIGIN, source: window as unknown as MessageEventSource }));
}
