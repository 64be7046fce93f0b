/**
 * The sender matrix, through the real router: every request type, valid
 * payload, from every kind of sender. A handler runs exactly when
 * `ALLOWED_FROM` lets that kind of sender send that type; everyone else
 * gets `forbidden` and no handler is even called.
 */
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import { REQUEST_TYPES, type RequestInput, type RequestType } from '../../../src/core/protocol/schemas';
import { ALLOWED_FROM, type SenderInfo, type SenderKind } from '../../../src/core/protocol/sender';
import { createReminder } from '../../../src/core/reminder';
import { defaultSettings } from '../../../src/core/settings';
import { EXTENSION_ID, EXTENSION_ORIGIN, FakeLog, GMAIL_TAB, POPUP, T0, thread } from './fakes';

const ME = 'me@example.com';
const HEX = thread(1).threadId!;
const CHECKS = { composeButton: 'ok', sendHook: 'ok', threadId: 'ok', threadToolbar: 'ok', account: 'ok' } as const;

/** One payload per type that passes the schema, so only the sender decides. */
const PAYLOAD: { [K in RequestType]: RequestInput<K> } = {
  'reminder.create': { id: 'r-1', account: ME, thread: thread(1), sentAt: T0, due: { preset: 'tomorrow' } },
  'reminder.updateDue': { id: 'r-1', due: { at: T0 } },
  'reminder.snooze': { id: 'r-1' },
  'reminder.done': { id: 'r-1' },
  'reminder.reopen': { id: 'r-1' },
  'reminder.cancel': { id: 'r-1' },
  'reminder.delete': { id: 'r-1' },
  'reminder.list': {},
  'reminder.getByThread': { account: ME, threadId: HEX },
  'due.preview': { preset: 'in-2-days' },
  'settings.get': {},
  'integration.report': { account: ME, checks: CHECKS, notes: [] },
  'integration.get': {},
  'account.seen': { account: ME },
  'thread.observed': { account: ME, threadId: HEX, messages: [] },
  'reminder.notReply': { id: 'r-1' },
  'reminder.autoAnswer': { id: 'r-1' },
  'reminder.checkNow': { id: 'r-1' },
  'reminder.restore': { reminder: createReminder({ id: 'r-1', account: ME, thread: thread(1), sentAt: T0, dueAt: T0 + 1 }, T0) },
  'reminder.open': { id: 'r-1' },
  'settings.set': { settings: defaultSettings('UTC') },
  'data.export': {},
  'data.import': { json: '{}' },
  'data.exportIcs': {},
  'data.deleteAll': { confirm: 'delete-all' },
  'diagnostics.get': {},
  'thread.sent': { account: 'me@example.com', threadId: 'abc123', sentAt: 1 },
  'reminder.replyNow': { id: 'r-1' },
  'reminder.setRepeat': { id: 'r-1', repeat: true },
  'reminder.writeFollowUp': { id: 'r-1' },
  'reminder.followUpDraft': { id: 'r-1', myName: 'Me' },
  'history.summary': { months: 12 },
  'controls.load': {},
} as never;

const OTHER_ID = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';
const tab = (url: string): SenderInfo => ({ id: EXTENSION_ID, url, tab: { url } });

/** Who sends, and what the policy must take them for (undefined: nobody we talk to). */
const SENDERS: [string, SenderInfo, SenderKind | undefined][] = [
  ['our popup', POPUP, 'ui'],
  ['our options page in a tab', tab(`${EXTENSION_ORIGIN}src/options/index.html`), 'ui'],
  ['our content script in a Gmail tab', GMAIL_TAB, 'content'],
  // Our own content script, somewhere it was never meant to run (it only matches mail.google.com, but a sender is not trusted on that).
  ['our content script in a non-mail tab', tab('https://example.com/'), undefined],
  ['our content script on another Google host', tab('https://calendar.google.com/calendar/r'), undefined],
  ['our content script on a mail.google.com look-alike', tab('https://mail.google.com.evil.example/mail/u/0/'), undefined],
  ['our content script on plain-http Gmail', tab('http://mail.google.com/mail/u/0/'), undefined],
  ['a foreign frame inside a Gmail tab', { id: EXTENSION_ID, url: 'https://ads.example/frame', tab: { url: GMAIL_TAB.url! } }, undefined],
  ['a Gmail frame inside a non-mail tab', { id: EXTENSION_ID, url: GMAIL_TAB.url!, tab: { url: 'https://example.com/' } }, undefined],
  ['a file: page', tab('file:///home/me/mail.html'), undefined],
  ['another extension\'s page', { id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/popup.html` }, undefined],
  ['another extension\'s content script in Gmail', { ...GMAIL_TAB, id: OTHER_ID }, undefined],
  ['a web page (no id)', { url: GMAIL_TAB.url!, tab: { url: GMAIL_TAB.url! } }, undefined],
  ['an empty sender', {}, undefined],
];

function spyRouter() {
  const called: RequestType[] = [];
  const handlers = Object.fromEntries(
    REQUEST_TYPES.map((type) => [
      type,
      async () => {
        called.push(type);
        return { handled: type };
      },
    ]),
  ) as unknown as Handlers;
  const log = new FakeLog();
  const route = createRouter({ handlers, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, log });
  return { route, called, log };
}

describe('router: every request type from every sender', () => {
  it('covers every request type', () => {
    expect(Object.keys(PAYLOAD).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  describe.each(SENDERS)('%s', (_name, sender, kind) => {
    it.each([...REQUEST_TYPES])(`%s runs only if allowed from ${kind ?? 'nobody'}`, async (type) => {
      const { route, called, log } = spyRouter();
      const reply = await route({ v: 1, type, payload: PAYLOAD[type] }, sender);
      const allowed = kind !== undefined && ALLOWED_FROM[type].includes(kind);
      if (allowed) {
        expect(reply).toEqual({ ok: true, data: { handled: type } });
        expect(called).toEqual([type]);
      } else {
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(called).toEqual([]);
        expect(log.warnings).toHaveLength(1);
      }
    });
  });

  it('a content script outside Gmail is refused every single type', async () => {
    const { route, called } = spyRouter();
    for (const type of REQUEST_TYPES) {
      const reply = await route({ v: 1, type, payload: PAYLOAD[type] }, tab('https://example.com/'));
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(called).toEqual([]);
  });
});
