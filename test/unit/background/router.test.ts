import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/background/router';
import type { SenderInfo } from '../../../src/core/protocol/sender';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeBackground, FakeLog, GMAIL_TAB, POPUP, T0, thread } from './fakes';

const createMessage = (id = 'rem-1') => ({
  v: 1,
  type: 'reminder.create',
  payload: {
    id,
    account: '  Me@Example.com ',
    thread: thread(1),
    sentAt: T0 - 60_000,
    due: { preset: 'tomorrow' },
  },
});

/** A background holding one reminder, `rem-1`, created through the popup. */
async function withOneReminder() {
  const f = fakeBackground({ now: T0 });
  const reply = await f.bg.route(createMessage(), POPUP);
  expect(reply.ok).toBe(true);
  const snapshot = async () => ({ records: await f.bg.store.all(), alarmCalls: f.alarms.calls.length, badge: f.badge.counts.length });
  return { ...f, before: await snapshot(), snapshot };
}

describe('router', () => {
  it('runs a valid request from the popup, with the payload normalised by the schema', async () => {
    const f = fakeBackground({ now: T0 });
    const reply = await f.bg.route(createMessage(), POPUP);

    expect(reply).toMatchObject({ ok: true, data: { outcome: 'created', reminder: { id: 'rem-1', account: 'me@example.com' } } });
    expect((await f.bg.store.all()).map((r) => r.id)).toEqual(['rem-1']);

    const list = await f.bg.route({ v: 1, type: 'reminder.list', payload: {} }, POPUP);
    expect(list).toMatchObject({ ok: true, data: { counts: { upcoming: 1 } } });
  });

  describe('rejects malformed and unknown messages without touching anything', () => {
    const cases: [string, unknown, string][] = [
      ['null', null, 'invalid-request'],
      ['a string', 'reminder.delete', 'invalid-request'],
      ['an array', [1, 'reminder.delete', { id: 'rem-1' }], 'invalid-request'],
      ['no version', { type: 'reminder.delete', payload: { id: 'rem-1' } }, 'invalid-request'],
      ['a future version', { v: 2, type: 'reminder.delete', payload: { id: 'rem-1' } }, 'invalid-request'],
      ['an unknown type', { v: 1, type: 'reminder.deleteAll', payload: {} }, 'unknown-type'],
      ['a prototype key as type', { v: 1, type: 'toString', payload: {} }, 'unknown-type'],
      ['a missing payload', { v: 1, type: 'reminder.delete' }, 'invalid-request'],
      ['an extra payload key', { v: 1, type: 'reminder.delete', payload: { id: 'rem-1', force: true } }, 'invalid-request'],
      ['an id with odd characters', { v: 1, type: 'reminder.delete', payload: { id: 'rem-1/../x' } }, 'invalid-request'],
      ['a create without a due time', { ...createMessage('rem-2'), payload: { ...createMessage('rem-2').payload, due: undefined } }, 'invalid-request'],
      ['a create with a bad thread id', { ...createMessage('rem-2'), payload: { ...createMessage('rem-2').payload, thread: thread(1, { threadId: 'zz' }) } }, 'invalid-request'],
      ['a create with a non-integer time', { ...createMessage('rem-2'), payload: { ...createMessage('rem-2').payload, due: { at: T0 + 0.5 } } }, 'invalid-request'],
    ];

    it.each(cases)('%s', async (_name, message, code) => {
      const f = await withOneReminder();
      const reply = await f.bg.route(message, POPUP);

      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe(code);
      expect(reply.error.message.length).toBeGreaterThan(5);
      expect(await f.snapshot()).toEqual(f.before);
    });

    it('a create with a due time in the past is invalid-request', async () => {
      const f = await withOneReminder();
      const message = { ...createMessage('rem-2'), payload: { ...createMessage('rem-2').payload, thread: thread(2), due: { at: T0 - 1 } } };
      const reply = await f.bg.route(message, POPUP);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/not in the future/) as unknown } });
      expect(await f.snapshot()).toEqual(f.before);
    });
  });

  describe('senders', () => {
    it('a content script on https://mail.google.com may create and look up, but not delete or list', async () => {
      const f = await withOneReminder();
      const created = await f.bg.route({ ...createMessage('rem-2'), payload: { ...createMessage('rem-2').payload, thread: thread(2) } }, GMAIL_TAB);
      expect(created).toMatchObject({ ok: true, data: { outcome: 'created' } });
      const lookup = await f.bg.route({ v: 1, type: 'reminder.getByThread', payload: { account: 'me@example.com', threadId: thread(2).threadId } }, GMAIL_TAB);
      expect(lookup).toMatchObject({ ok: true, data: { reminder: { id: 'rem-2' } } });
      const after = await f.snapshot();

      for (const message of [
        { v: 1, type: 'reminder.delete', payload: { id: 'rem-1' } },
        { v: 1, type: 'reminder.list', payload: {} },
      ]) {
        const reply = await f.bg.route(message, GMAIL_TAB);
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(await f.snapshot()).toEqual(after);
      expect(f.log.warnings.map((w) => w.message)).toEqual([
        'Refused reminder.delete from https://mail.google.com/mail/u/0/#inbox',
        'Refused reminder.list from https://mail.google.com/mail/u/0/#inbox',
      ]);
    });

    const strangers: [string, SenderInfo][] = [
      ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' }],
      ['another extension claiming our page', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: POPUP.url! }],
      ['a web page without an id', { url: 'https://mail.google.com/mail/u/0/', tab: { url: 'https://mail.google.com/mail/u/0/' } }],
      ['our content script on another site', { id: EXTENSION_ID, url: 'https://evil.example/mail', tab: { url: 'https://evil.example/mail' } }],
      ['a look-alike host', { id: EXTENSION_ID, url: 'https://mail.google.com.evil.example/', tab: { url: 'https://mail.google.com.evil.example/' } }],
      ['plain http Gmail', { id: EXTENSION_ID, url: 'http://mail.google.com/mail/', tab: { url: 'http://mail.google.com/mail/' } }],
      ['a foreign frame inside a Gmail tab', { id: EXTENSION_ID, url: 'https://ads.example/frame', tab: { url: 'https://mail.google.com/mail/u/0/' } }],
      ['a Gmail URL without a tab', { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/' }],
      ['an extension origin prefix trick', { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN.slice(0, -1)}x/page.html` }],
    ];

    it.each(strangers)('%s is forbidden, even for harmless requests', async (_name, sender) => {
      const f = await withOneReminder();
      for (const message of [
        { v: 1, type: 'reminder.delete', payload: { id: 'rem-1' } },
        { ...createMessage('rem-3'), payload: { ...createMessage('rem-3').payload, thread: thread(3) } },
        { v: 1, type: 'settings.get', payload: {} },
      ]) {
        const reply = await f.bg.route(message, sender);
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(await f.snapshot()).toEqual(f.before);
    });
  });

  it('turns an unexpected handler error into internal, with its message, and logs it', async () => {
    const f = fakeBackground({ now: T0 });
    const boom = new Error('database exploded');
    const log = new FakeLog();
    const route = createRouter({
      handlers: {
        ...f.bg.handlers,
        'reminder.list': async () => {
          throw boom;
        },
      },
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
      log,
    });

    const reply = await route({ v: 1, type: 'reminder.list', payload: {} }, POPUP);

    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'reminder.list failed: database exploded' } });
    expect(log.errors).toEqual([{ message: 'reminder.list failed', detail: boom }]);
  });

  it('does not log expected errors (not-found) as internal failures', async () => {
    const f = fakeBackground({ now: T0 });
    const reply = await f.bg.route({ v: 1, type: 'reminder.delete', payload: { id: 'ghost' } }, POPUP);
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'No reminder with id ghost' } });
    expect(f.log.errors).toEqual([]);
  });
});
