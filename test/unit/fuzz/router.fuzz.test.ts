/**
 * Router fuzz: arbitrary values and damaged envelopes from arbitrary senders.
 * Every answer is a well-formed Reply; a refused message changes nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reminder } from '../../../src/core/reminder';
import { createReminder } from '../../../src/core/reminder';
import { REQUEST_TYPES } from '../../../src/core/protocol/schemas';
import { defaultSettings } from '../../../src/core/settings';
import { CHECKLIST_URL, EXTENSION_ID, EXTENSION_ORIGIN, fakeBackground, GMAIL_TAB, POPUP } from '../background/fakes';
import type { SenderInfo } from '../../../src/core/protocol/sender';
import { anyString, mutations, mutate, nastyKey, nastyString, nastyValue, runs, withOwn } from './arbitraries';

const T0 = Date.parse('2025-03-10T12:00:00Z');
const HEX = '15f1123136926bff';
const PERM = 'thread-f:1581064946762017791';
const MSGID = '<CAF+x_1@mail.gmail.com>';
const thread = (over: Record<string, unknown> = {}) => ({
  provider: 'gmail',
  threadId: HEX,
  subject: 'Quarterly numbers',
  recipients: [{ email: 'bob@example.com', name: 'Bob' }],
  ...over,
});
const create = (over: Record<string, unknown> = {}) => ({
  id: 'r-1',
  account: 'me@example.com',
  thread: thread(),
  sentAt: T0,
  due: { preset: 'tomorrow' },
  ...over,
});
const CHECKS = { composeButton: 'ok', sendHook: 'ok', threadId: 'ok', threadToolbar: 'ok', account: 'ok' };

/** Valid payloads per type (after test/unit/core/protocol-messages.test.ts), the seeds of the mutations. */
const VALID: Record<string, unknown[]> = {
  'reminder.create': [
    create(),
    create({ id: 'r-9', due: { at: T0 + 1000 }, thread: thread({ threadId: undefined, permThreadId: PERM }) }),
    create({ id: 'r-8', thread: thread({ threadId: undefined, messageId: MSGID, recipients: [] }) }),
    create({ id: 'r-7', due: { local: '2025-03-12T09:00' } }),
  ],
  'reminder.updateDue': [{ id: 'r-1', due: { at: T0 } }, { id: 'r-2', due: { preset: 'next-week' } }, { id: 'r-1', due: { local: '2024-02-29T23:59' } }],
  'reminder.snooze': [{ id: 'r-1' }, { id: 'r-2', due: { preset: 'in-1-week' } }],
  'reminder.done': [{ id: 'r-1' }],
  'reminder.reopen': [{ id: 'r-2' }],
  'reminder.cancel': [{ id: 'r-3' }],
  'reminder.delete': [{ id: 'r-3' }],
  'reminder.list': [{}, { sections: ['overdue', 'today'] }],
  'reminder.getByThread': [{ account: 'me@example.com', threadId: HEX }, { account: 'me@example.com', messageId: MSGID }],
  'due.preview': [{ preset: 'in-2-days' }, { local: '2025-12-31T00:00' }, { text: 'next monday 9am' }, { text: 'morgen', lang: 'de' }],
  'settings.get': [{}],
  'integration.report': [{ account: 'me@example.com', checks: CHECKS, notes: [] }],
  'integration.get': [{}],
  'account.seen': [{ account: 'me@example.com', ik: 'a1b2c3d4e5' }],
  'thread.observed': [
    {
      account: 'me@example.com',
      permThreadId: PERM,
      messages: [{ from: { email: 'bob@example.com', name: 'Bob' }, to: [{ email: 'me@example.com' }], at: T0, id: 'msg-f:1', subject: 'Re: x' }],
    },
  ],
  'reminder.notReply': [{ id: 'r-1' }],
  'reminder.checkNow': [{ id: 'r-2' }],
  'reminder.restore': [{ reminder: createReminder({ id: 'r-5', account: 'me@example.com', thread: thread() as never, sentAt: T0, dueAt: T0 + 1 }, T0) }],
  'reminder.open': [{ id: 'r-5' }],
  'settings.set': [{ settings: defaultSettings('Europe/Berlin') }],
  'data.export': [{}],
  'data.import': [{ json: '{}' }],
  'data.exportIcs': [{}],
  'data.deleteAll': [{ confirm: 'delete-all' }],
  'diagnostics.get': [{}],
  'thread.sent': [{ account: 'me@example.com', threadId: 'abc123', sentAt: T0 }, { account: 'me@example.com', permThreadId: 'thread-f:1581064946762017791', messageId: '<a@b>', sentAt: 0 }],
  'reminder.replyNow': [{ id: 'r-5' }],
  'reminder.setRepeat': [{ id: 'r-5', repeat: false }],
  'history.summary': [{ months: 3 }, { months: 0 }],
};

const KNOWN_CODES = ['invalid-request', 'unknown-type', 'forbidden', 'not-found', 'conflict', 'illegal-transition', 'unparseable', 'internal'];
const MAX_MESSAGE = 1200;

const SENDERS: SenderInfo[] = [
  POPUP,
  GMAIL_TAB,
  { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/options/index.html` },
  { id: EXTENSION_ID },
  { url: CHECKLIST_URL },
  {},
  { id: 'someotherextensionidaaaaaaaaaaaa', url: CHECKLIST_URL },
  { id: EXTENSION_ID, url: 'https://evil.example/', tab: { url: 'https://mail.google.com/mail/u/0/' } },
  { id: EXTENSION_ID, url: 'https://mail.google.com.evil.example/x', tab: { url: 'https://mail.google.com.evil.example/x' } },
  { id: EXTENSION_ID, url: 'http://mail.google.com/mail/u/0/', tab: { url: 'http://mail.google.com/mail/u/0/' } },
  { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/' },
  { id: EXTENSION_ID, url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnoq/popup.html' },
  { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}`, tab: { url: 'about:blank' } },
  { id: EXTENSION_ID, url: 'not a url', tab: {} },
];

const sender: fc.Arbitrary<SenderInfo> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(POPUP, GMAIL_TAB) },
  { weight: 4, arbitrary: fc.constantFrom(...SENDERS) },
  {
    weight: 1,
    arbitrary: fc.record(
      { id: fc.oneof(fc.constant(EXTENSION_ID), anyString), url: anyString, tab: fc.record({ url: anyString }, { requiredKeys: [] }), origin: anyString },
      { requiredKeys: [] },
    ),
  },
);

const type = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...REQUEST_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'reminder.create ', 'REMINDER.CREATE') },
  { weight: 1, arbitrary: nastyValue },
);

const validPayload = fc.constantFrom(...Object.entries(VALID).flatMap(([t, ps]) => ps.map((p) => ({ t, p }))));

/** An envelope with a valid payload of some type, damaged in one to three places (or not at all). */
const mutatedEnvelope = fc
  .tuple(validPayload, fc.option(mutations(3), { freq: 4 }), fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: nastyValue }), fc.boolean())
  .map(([{ t, p }, ms, v, retype]) => {
    const env = { v, type: t, payload: p };
    if (!ms) return env;
    // Mutate the payload only, or (sometimes) the whole envelope.
    return retype ? mutate(env, ms) : { v, type: t, payload: mutate(p, ms) };
  });

const envelopeLike = fc
  .tuple(fc.oneof(fc.constant(1), nastyValue), type, fc.oneof(nastyValue, validPayload.map(({ p }) => p)), fc.array(fc.tuple(nastyKey, nastyValue), { maxLength: 2 }))
  .map(([v, t, payload, extra]) => {
    const env: Record<string, unknown> = { v, type: t, payload };
    for (const [k, val] of extra) withOwn(env, k, val);
    return env;
  });

/** Values that pass a field's schema but may fail deeper: unknown ids, impossible dates, past instants, free text. */
const plausible = fc.oneof(
  fc.constantFrom('r-1', 'r-2', 'r-3', 'r-5', 'r-404', 'tomorrow', 'next-week', 'in-2-weeks', 'de', 'en', 'delete-all', null),
  fc.stringMatching(/^[\w-]{1,64}$/),
  fc.integer({ min: 0, max: 8.64e15 }),
  fc.constantFrom(T0 - 1, T0, T0 + 1, 8.64e15),
  fc.stringMatching(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/),
  fc.constantFrom('2025-02-29T10:00', '2025-04-31T10:00', '0000-01-01T00:00', '9999-12-31T23:59', '2025-03-09T02:30'),
  nastyString(60),
);
const plausibleMutation = fc.record({ at: fc.nat(), op: fc.constant('replace' as const), value: plausible, key: fc.constant('') });

/** A valid envelope from one of our senders with a field or two replaced by something the schema may accept: reaches the handlers. */
const handlerProbe = fc
  .tuple(validPayload, fc.array(plausibleMutation, { maxLength: 2 }))
  .map(([{ t, p }, ms]) => ({ v: 1, type: t, payload: ms.length ? mutate(p, ms) : p }));

const message = fc.oneof(
  { weight: 2, arbitrary: nastyValue },
  { weight: 3, arbitrary: envelopeLike },
  { weight: 6, arbitrary: mutatedEnvelope },
  { weight: 4, arbitrary: handlerProbe },
);

type F = ReturnType<typeof fakeBackground>;

const byId = (rs: Reminder[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

async function snapshot(f: F) {
  await f.bg.errors.all(); // waits for an error-log write under way
  return {
    reminders: byId(await f.bg.store.all()),
    storage: structuredClone(f.storage.data),
    notifications: f.notifications.created.length,
    cleared: f.notifications.cleared.length,
    shown: [...f.notifications.shown.keys()],
    alarms: f.alarms.calls.length,
    badge: f.badge.counts.length,
    errors: f.log.errors.length,
  };
}

async function seed(f: F): Promise<void> {
  for (const [id, threadId] of [['r-1', HEX], ['r-2', '18e0000000000002'], ['r-3', '18e0000000000003']] as const) {
    await f.bg.handlers['reminder.create']({
      id,
      account: 'me@example.com',
      thread: { provider: 'gmail', threadId, subject: `s ${id}`, recipients: [{ email: 'bob@example.com' }] },
      sentAt: T0 - 1000,
      due: { at: T0 + 3_600_000 },
    });
  }
  await f.bg.handlers['reminder.snooze']({ id: 'r-2', due: { at: T0 + 7_200_000 } });
}

function expectReply(reply: unknown): asserts reply is { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } } {
  expect(reply).toBeTypeOf('object');
  const r = reply as Record<string, unknown>;
  if (r.ok === true) {
    expect(Object.keys(r).sort()).toEqual(['data', 'ok']);
    expect(r.data).toBeTypeOf('object');
    // What the messaging layer hands back must survive its serialisation.
    expect(() => structuredClone(r.data)).not.toThrow();
  } else {
    expect(r.ok).toBe(false);
    expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
    const error = r.error as Record<string, unknown>;
    expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    expect(KNOWN_CODES).toContain(error.code);
    expect(error.message).toBeTypeOf('string');
    expect((error.message as string).length).toBeGreaterThan(0);
    expect((error.message as string).length).toBeLessThanOrEqual(MAX_MESSAGE);
  }
}

describe('router fuzz', () => {
  let f: F;
  beforeAll(async () => {
    f = fakeBackground({ now: T0 });
    await seed(f);
  });

  it('answers every message with a Reply, and a refused message changes nothing', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(message, sender, async (msg, from) => {
        if ((await f.bg.store.all()).length === 0) await seed(f); // a valid data.deleteAll emptied it
        const before = await snapshot(f);
        let reply: unknown;
        try {
          reply = await f.bg.route(msg, from);
        } catch (error) {
          throw new Error(`route threw: ${String(error)}`);
        }
        expectReply(reply);
        outcomes.set(reply.ok ? 'ok' : reply.error.code, (outcomes.get(reply.ok ? 'ok' : reply.error.code) ?? 0) + 1);
        const after = await snapshot(f);
        if (!reply.ok) {
          // Bad input is the caller's fault, never the background's.
          expect(reply.error.code, reply.error.message).not.toBe('internal');
          expect(after).toEqual(before);
        }
      }),
      runs(1000),
    );
    if (process.env.FUZZ_STATS) console.log(Object.fromEntries(outcomes));
    // The mix reaches the handlers, not only the envelope check.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it('refuses every type from a sender that is not ours, whatever the payload, changing nothing', async () => {
    const strangers = SENDERS.filter((s) => s !== POPUP && s !== GMAIL_TAB && !s.url?.startsWith(EXTENSION_ORIGIN) && s.id !== undefined);
    await fc.assert(
      fc.asyncProperty(validPayload, fc.constantFrom(...strangers, { url: CHECKLIST_URL }, {}), async ({ t, p }, from) => {
        const before = await snapshot(f);
        const reply = await f.bg.route({ v: 1, type: t, payload: p }, from);
        expectReply(reply);
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(await snapshot(f)).toEqual(before);
      }),
      runs(200),
    );
  }, 30_000);

  it('never pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
