import { describe, expect, it } from 'vitest';
import { envelope } from '../../../src/core/protocol/envelope';
import { parseEnvelope } from '../../../src/core/protocol/messages';
import { REQUEST_TYPES, isRequestType, type RequestInput, type RequestType } from '../../../src/core/protocol/schemas';
import { T0 } from './fixtures';
import { createReminder } from '../../../src/core/reminder';
import { defaultSettings } from '../../../src/core/settings';

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

const CHECKS = { composeButton: 'ok', sendHook: 'ok', threadId: 'ok', threadToolbar: 'ok', account: 'ok' } as const;

/** At least one valid payload per request type; several where the schema has alternatives. */
const VALID: { [K in RequestType]: RequestInput<K>[] } = {
  'reminder.create': [
    create(),
    create({ due: { at: T0 + 1000 }, kind: 'no-reply' }),
    create({ thread: thread({ threadId: undefined, permThreadId: PERM }) }),
    create({ thread: thread({ threadId: undefined, messageId: MSGID, recipients: [] }) }),
    create({ thread: thread({ threadId: 'ABCDEF0123456789', subject: '' }) }),
    create({ sentAt: 0, due: { at: 0 }, id: 'A_b-9' }),
    create({ sentAt: 8.64e15, due: { preset: 'in-2-weeks' } }),
    create({ due: { local: '2025-03-12T09:00' } }),
    // Relative intents typed as text, and the moment Send was pressed.
    create({ due: { after: 2 * 3_600_000 }, pressedAt: T0 }),
    create({ due: { days: 3 } }),
  ] as RequestInput<'reminder.create'>[],
  'reminder.updateDue': [
    { id: 'r-1', due: { at: T0 } },
    { id: 'r-1', due: { preset: 'next-week' } },
    { id: 'r-1', due: { local: '2024-02-29T23:59' } },
  ],
  'reminder.snooze': [{ id: 'r-1' }, { id: 'r-1', due: { preset: 'in-1-week' } }, { id: 'r-1', due: { at: T0 } }],
  'reminder.done': [{ id: 'r-1' }],
  'reminder.reopen': [{ id: 'r-1' }],
  'reminder.cancel': [{ id: 'r-1' }],
  'reminder.delete': [{ id: 'r-1' }],
  'reminder.list': [{}, { sections: [] }, { sections: ['overdue', 'today', 'upcoming', 'replied', 'done'] }],
  'reminder.getByThread': [
    { account: 'me@example.com', threadId: HEX },
    { account: 'me@example.com', permThreadId: PERM },
    { account: 'me@example.com', messageId: MSGID },
  ],
  'due.preview': [{ preset: 'in-2-days' }, { local: '2025-12-31T00:00' }, { text: 'next monday 9am' }, { text: 'morgen', lang: 'de' }, { text: '', lang: 'en' }],
  'settings.get': [{}],
  'integration.report': [
    { account: 'me@example.com', checks: CHECKS, notes: [] },
    { account: null, checks: { ...CHECKS, account: 'missing', sendHook: 'unknown' }, notes: ['send row not found'] },
  ],
  'integration.get': [{}],
  'account.seen': [{ account: 'me@example.com' }, { account: 'me@example.com', ik: 'a1b2c3d4e5' }],
  'thread.observed': [
    { account: 'me@example.com', threadId: HEX, messages: [] },
    {
      account: 'me@example.com',
      permThreadId: PERM,
      messages: [{ from: { email: 'bob@example.com', name: 'Bob' }, to: [{ email: 'me@example.com' }], at: T0, id: 'msg-f:1', subject: 'Re: x' }],
    },
    {
      account: 'me@example.com',
      threadId: HEX,
      messages: [
        { from: { email: 'bob@example.com' }, to: [], text: 'I am out of the office until Monday.' },
        { from: { email: 'bob@example.com' }, to: [], bodyHidden: true },
      ],
    },
  ],
  'reminder.notReply': [{ id: 'r-1' }],
  'reminder.autoAnswer': [{ id: 'r-1' }],
  'reminder.restore': [{ reminder: createReminder({ id: 'r-1', account: 'me@example.com', thread: thread() as never, sentAt: T0, dueAt: T0 + 1 }, T0) }],
  'reminder.open': [{ id: 'r-1' }],
  'reminder.checkNow': [{ id: 'r-1' }],
  'settings.set': [
    { settings: defaultSettings('Europe/Berlin') },
    // Settings stored by an older build: the fields added since are filled with their defaults.
    { settings: (({ armNewComposes: _a, replies: _r, notifications: _n, ...older }) => older)(defaultSettings('UTC')) },
  ],
  'data.export': [{}],
  'data.import': [{ json: '{}' }, { json: '' }],
  'data.exportIcs': [{}],
  'data.deleteAll': [{ confirm: 'delete-all' }],
  'diagnostics.get': [{}],
  'thread.sent': [{ account: 'me@example.com', threadId: 'abc123', sentAt: T0 }, { account: 'me@example.com', permThreadId: 'thread-f:1581064946762017791', messageId: '<a@b>', sentAt: 0 }],
  'reminder.replyNow': [{ id: 'r-1' }],
  'reminder.setRepeat': [{ id: 'r-1', repeat: false }, { id: 'r-1', repeat: true }],
  'reminder.writeFollowUp': [{ id: 'r-1' }],
  'reminder.followUpDraft': [{ id: 'r-1' }, { id: 'r-1', myName: 'Zoë "Z" <b>O\'Hara</b>' }],
  'history.summary': [{ months: 12 }, { months: 0 }],
  'controls.load': [{}],
};

const validCases = (Object.keys(VALID) as RequestType[]).flatMap((type) =>
  (VALID[type] as unknown[]).map((payload, i) => ({ type, payload, i })),
);

describe('thread observations and page keys', () => {
  it.each([
    ['no thread id', 'thread.observed', { account: 'me@example.com', messages: [] }],
    ['too many messages', 'thread.observed', { account: 'me@example.com', threadId: HEX, messages: Array(501).fill({ from: { email: 'a@b.c' }, to: [] }) }],
    ['a message without a sender', 'thread.observed', { account: 'me@example.com', threadId: HEX, messages: [{ to: [] }] }],
    ['a body text over 4,000 characters', 'thread.observed', { account: 'me@example.com', threadId: HEX, messages: [{ from: { email: 'a@b.c' }, to: [], text: 'x'.repeat(4001) }] }],
    ['bodyHidden other than true', 'thread.observed', { account: 'me@example.com', threadId: HEX, messages: [{ from: { email: 'a@b.c' }, to: [], bodyHidden: false }] }],
    ['an unknown message field', 'thread.observed', { account: 'me@example.com', threadId: HEX, messages: [{ from: { email: 'a@b.c' }, to: [], body: 'x' }] }],
    ['a page key that is not hex', 'account.seen', { account: 'me@example.com', ik: '<script>' }],
    ['a follow-up name over 320 characters', 'reminder.followUpDraft', { id: 'r-1', myName: 'x'.repeat(321) }],
    ['a follow-up draft with text from the page', 'reminder.followUpDraft', { id: 'r-1', text: 'Hi' }],
    ['a follow-up without an id', 'reminder.writeFollowUp', {}],
    ['a follow-up name that is not text', 'reminder.followUpDraft', { id: 'r-1', myName: 42 }],
  ] as const)('refuses %s', (_, type, payload) => {
    expect(parseEnvelope({ v: 1, type, payload })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('integration reports', () => {
  it.each([
    ['an unknown check', { account: null, checks: { ...CHECKS, extra: 'ok' }, notes: [] }],
    ['a missing check', { account: null, checks: { ...CHECKS, account: undefined }, notes: [] }],
    ['a bad state', { account: null, checks: { ...CHECKS, account: 'yes' }, notes: [] }],
    ['too many notes', { account: null, checks: CHECKS, notes: Array(21).fill('x') }],
    ['a huge note', { account: null, checks: CHECKS, notes: ['x'.repeat(201)] }],
    ['a non-address account', { account: 'Inbox', checks: CHECKS, notes: [] }],
  ])('refuses %s', (_, payload) => {
    expect(parseEnvelope({ v: 1, type: 'integration.report', payload })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('valid requests', () => {
  it('exist for every request type', () => {
    expect(Object.keys(VALID).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(REQUEST_TYPES).toHaveLength(33);
  });

  it.each(validCases)('$type #$i passes, also after a JSON round trip', ({ type, payload }) => {
    for (const raw of [{ v: 1, type, payload }, JSON.parse(JSON.stringify({ v: 1, type, payload })) as unknown]) {
      const parsed = parseEnvelope(raw);
      expect(parsed).toMatchObject({ ok: true, request: { type } });
    }
  });

  it('passes the payload through unchanged when nothing needs normalising', () => {
    const parsed = parseEnvelope({ v: 1, type: 'reminder.create', payload: create() });
    expect(parsed).toEqual({ ok: true, request: { type: 'reminder.create', payload: create() } });
  });

  it('trims and lower-cases every address, but not names', () => {
    const parsed = parseEnvelope({
      v: 1,
      type: 'reminder.create',
      payload: create({
        account: '  Me.Myself@Example.COM\t',
        thread: thread({
          recipients: [
            { email: ' Bob@Example.com ', name: '  Bob Smith ' },
            { email: 'ANN+tag@EXAMPLE.org' },
          ],
        }),
      }),
    });
    if (!parsed.ok || parsed.request.type !== 'reminder.create') throw new Error(JSON.stringify(parsed));
    expect(parsed.request.payload.account).toBe('me.myself@example.com');
    expect(parsed.request.payload.thread.recipients).toEqual([
      { email: 'bob@example.com', name: '  Bob Smith ' },
      { email: 'ann+tag@example.org' },
    ]);
  });

  it('lower-cases the account of a thread lookup', () => {
    const parsed = parseEnvelope({ v: 1, type: 'reminder.getByThread', payload: { account: ' X@Y.COM ', threadId: HEX } });
    expect(parsed).toEqual({ ok: true, request: { type: 'reminder.getByThread', payload: { account: 'x@y.com', threadId: HEX } } });
  });

  it('does not modify the raw message', () => {
    const raw = { v: 1, type: 'reminder.create', payload: create({ account: ' A@B.C ' }) };
    const copy = structuredClone(raw);
    parseEnvelope(raw);
    expect(raw).toEqual(copy);
  });

  it('ignores an unrelated key on the envelope itself (only payloads are strict)', () => {
    expect(parseEnvelope({ v: 1, type: 'reminder.done', payload: { id: 'a' }, extra: true }).ok).toBe(true);
  });
});

describe('envelope', () => {
  it('wraps type and payload in the v1 wire form', () => {
    expect(envelope('reminder.done', { id: 'x' })).toEqual({ v: 1, type: 'reminder.done', payload: { id: 'x' } });
  });

  it.each(validCases)('round-trips $type #$i through parseEnvelope', ({ type, payload }) => {
    expect(parseEnvelope(envelope(type, payload as never)).ok).toBe(true);
  });
});

describe('isRequestType', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'reminder', 'REMINDER.DONE', 'reminder.done '])(
    'rejects %j',
    (x) => expect(isRequestType(x)).toBe(false),
  );
  it.each([...REQUEST_TYPES])('accepts %s', (x) => expect(isRequestType(x)).toBe(true));
});

interface Bad {
  label: string;
  raw: unknown;
  code: 'invalid-request' | 'unknown-type';
  /** Substrings the message must contain (besides the type name for payload errors). */
  says?: (string | RegExp)[];
}

const env = (type: string, payload: unknown) => ({ v: 1, type, payload });
const huge = (n: number, ch = 'x') => ch.repeat(n);

const ENVELOPE_ERRORS: Bad[] = [
  ...(
    [
      ['a string', 'reminder.done'],
      ['a number', 1],
      ['a boolean', true],
      ['null', null],
      ['undefined', undefined],
      ['a function', () => ({ v: 1 })],
      ['an empty array', []],
      ['an array envelope', [1, 'reminder.done', { id: 'a' }]],
    ] as const
  ).map(([label, raw]): Bad => ({ label: `non-object: ${label}`, raw, code: 'invalid-request', says: ['must be an object'] })),
  ...(
    [
      ['missing v', { type: 'reminder.done', payload: { id: 'a' } }],
      ['v = 2', { v: 2, type: 'reminder.done', payload: { id: 'a' } }],
      ['v = 0', { v: 0, type: 'reminder.done', payload: { id: 'a' } }],
      ['v = "1"', { v: '1', type: 'reminder.done', payload: { id: 'a' } }],
      ['v = true', { v: true, type: 'reminder.done', payload: { id: 'a' } }],
      ['v = null', { v: null, type: 'reminder.done', payload: { id: 'a' } }],
      ['empty object', {}],
    ] as const
  ).map(([label, raw]): Bad => ({ label, raw, code: 'invalid-request', says: ['protocol version'] })),
  ...(
    [
      ['reminder.explode', '"reminder.explode"'],
      ['', '""'],
      ['__proto__', '"__proto__"'],
      ['constructor', '"constructor"'],
      ['toString', '"toString"'],
      ['hasOwnProperty', '"hasOwnProperty"'],
      ['valueOf', '"valueOf"'],
      ['Reminder.Done', '"Reminder.Done"'],
    ] as const
  ).map(([type, shown]): Bad => ({ label: `unknown type ${shown}`, raw: env(type, { id: 'a' }), code: 'unknown-type', says: [`Unknown message type ${shown}`] })),
  ...(
    [
      ['missing', undefined],
      ['null', null],
      ['a number', 42],
      ['an object', { type: 'reminder.done' }],
      ['an array', ['reminder.done']],
      ['a null-prototype object', Object.create(null) as unknown],
    ] as const
  ).map(([label, type]): Bad => ({ label: `type ${label}`, raw: { v: 1, type, payload: { id: 'a' } }, code: 'unknown-type', says: ['Unknown message type'] })),
  { label: 'a 10,000-char type', raw: env(huge(10_000), {}), code: 'unknown-type', says: ['Unknown message type'] },
];

/** Payload errors, as [type, label, payload, ...what the message must mention]. */
const PAYLOAD_ERRORS: [RequestType, string, unknown, ...(string | RegExp)[]][] = [
  // The payload itself.
  ['reminder.done', 'no payload', undefined, 'Object'],
  ['reminder.done', 'null payload', null, 'Object'],
  ['reminder.done', 'array payload', [{ id: 'a' }], 'id'],
  ['reminder.done', 'string payload', 'a', 'Object'],
  ['settings.get', 'no payload', undefined],
  ['reminder.list', 'no payload', undefined],
  // Extra keys anywhere (strict objects).
  ['reminder.done', 'extra key', { id: 'a', force: true }, 'force'],
  ['reminder.done', 'own __proto__ key', JSON.parse('{"id":"a","__proto__":{"polluted":1}}'), '__proto__'],
  ['reminder.done', 'own constructor key', { id: 'a', constructor: 'x' }, 'constructor'],
  ['settings.get', 'extra key', { all: true }, 'all'],
  ['reminder.create', 'extra key in thread', create({ thread: thread({ labels: ['x'] }) }), 'labels'],
  ['reminder.create', 'extra key in a recipient', create({ thread: thread({ recipients: [{ email: 'a@b', cc: true }] }) }), 'cc'],
  ['reminder.create', 'extra key in due', create({ due: { preset: 'tomorrow', tz: 'UTC' } }), 'due'],
  ['reminder.create', 'status smuggled in', create({ status: 'done' }), 'status'],
  ['reminder.create', 'zero days', create({ due: { days: 0 } }), 'due'],
  ['reminder.create', 'fractional days', create({ due: { days: 1.5 } }), 'due'],
  ['reminder.create', 'after under a second', create({ due: { after: 999 } }), 'due'],
  ['reminder.create', 'after beyond ten years', create({ due: { after: 11 * 366 * 86_400_000 } }), 'due'],
  ['reminder.create', 'two intents at once', create({ due: { after: 60_000, at: T0 } }), 'due'],
  ['reminder.getByThread', 'extra key', { account: 'a@b', threadId: HEX, all: true }, 'all'],
  // Ids.
  ['reminder.done', 'missing id', {}, 'id'],
  ['reminder.done', 'empty id', { id: '' }, 'id'],
  ['reminder.done', 'numeric id', { id: 42 }, 'id'],
  ['reminder.done', 'id with a space', { id: 'a b' }, 'Invalid id'],
  ['reminder.done', 'id with a slash', { id: '../a' }, 'Invalid id'],
  ['reminder.done', 'id of 65 chars', { id: huge(65, 'a') }, 'id'],
  ['reminder.delete', 'id of 1,000,000 chars', { id: huge(1_000_000, 'a') }, 'id'],
  // Addresses.
  ['reminder.create', 'account not an address', create({ account: 'me' }), 'Not an e-mail address'],
  ['reminder.create', 'account with two @', create({ account: 'a@b@c' }), 'Not an e-mail address'],
  ['reminder.create', 'account in angle brackets', create({ account: '<a@b>' }), 'Not an e-mail address'],
  ['reminder.create', 'account with inner space', create({ account: 'a b@c' }), 'Not an e-mail address'],
  ['reminder.create', 'account too long', create({ account: `${huge(400, 'a')}@x.com` }), 'account'],
  ['reminder.create', 'account a number', create({ account: 7 }), 'account'],
  ['reminder.create', 'recipient without email', create({ thread: thread({ recipients: [{ name: 'Bob' }] }) }), 'email'],
  ['reminder.create', 'recipient a bare string', create({ thread: thread({ recipients: ['bob@example.com'] }) }), 'recipients'],
  ['reminder.create', 'recipient name too long', create({ thread: thread({ recipients: [{ email: 'a@b', name: huge(321) }] }) }), 'name'],
  ['reminder.create', 'recipients not an array', create({ thread: thread({ recipients: 'bob@example.com' }) }), 'recipients'],
  [
    'reminder.create',
    '501 recipients',
    create({ thread: thread({ recipients: Array.from({ length: 501 }, (_, i) => ({ email: `u${i}@x.com` })) }) }),
    'recipients',
  ],
  // Thread identity.
  ['reminder.create', 'thread missing', create({ thread: undefined }), 'thread'],
  ['reminder.create', 'thread without any id', create({ thread: thread({ threadId: undefined }) }), 'A thread needs a thread id, a perm id or a Message-ID'],
  ['reminder.create', 'thread with only empty ids', create({ thread: thread({ threadId: '', messageId: '' }) }), 'thread'],
  ['reminder.create', 'other provider', create({ thread: thread({ provider: 'outlook' }) }), 'provider'],
  ['reminder.create', 'no provider', create({ thread: thread({ provider: undefined }) }), 'provider'],
  ['reminder.create', 'non-hex thread id', create({ thread: thread({ threadId: 'xyz' }) }), 'Invalid Gmail thread id'],
  ['reminder.create', '17-digit thread id', create({ thread: thread({ threadId: '15f1123136926bff0' }) }), 'Invalid Gmail thread id'],
  ['reminder.create', 'thread id with a #', create({ thread: thread({ threadId: '15f1#' }) }), 'Invalid Gmail thread id'],
  ['reminder.create', 'perm id "undefined"', create({ thread: thread({ threadId: undefined, permThreadId: 'undefined' }) }), 'Invalid Gmail perm thread id'],
  ['reminder.create', 'perm id "thread-f:undefined"', create({ thread: thread({ threadId: undefined, permThreadId: 'thread-f:undefined' }) }), 'Invalid Gmail perm thread id'],
  ['reminder.create', 'perm id 0', create({ thread: thread({ threadId: undefined, permThreadId: 'thread-f:0' }) }), 'Invalid Gmail perm thread id'],
  ['reminder.create', 'perm id 2^64', create({ thread: thread({ threadId: undefined, permThreadId: 'thread-f:18446744073709551616' }) }), 'Invalid Gmail perm thread id'],
  ['reminder.create', 'Message-ID without brackets', create({ thread: thread({ threadId: undefined, messageId: 'abc@mail.gmail.com' }) }), 'Invalid Message-ID'],
  ['reminder.create', 'Message-ID with a space', create({ thread: thread({ threadId: undefined, messageId: '<a b@c>' }) }), 'Invalid Message-ID'],
  ['reminder.create', 'Message-ID of 2,000 chars', create({ thread: thread({ messageId: `<${huge(1998)}>` }) }), 'messageId'],
  ['reminder.create', 'subject of 2,001 chars', create({ thread: thread({ subject: huge(2001) }) }), 'subject'],
  ['reminder.create', 'subject of 1,000,000 chars', create({ thread: thread({ subject: huge(1_000_000) }) }), 'subject'],
  ['reminder.create', 'subject not a string', create({ thread: thread({ subject: 5 }) }), 'subject'],
  ['reminder.create', 'subject missing', create({ thread: thread({ subject: undefined }) }), 'subject'],
  // Times.
  ...([NaN, Infinity, -Infinity, -1, 1.5, 8.64e15 + 1, '1700000000000', null] as const).map(
    (t): [RequestType, string, unknown, string] => ['reminder.create', `sentAt ${String(t)}`, create({ sentAt: t }), 'sentAt'],
  ),
  ...([NaN, Infinity, -1, 0.5, '2025-03-12'] as const).map(
    (t): [RequestType, string, unknown, string] => ['reminder.create', `due.at ${String(t)}`, create({ due: { at: t } }), 'due'],
  ),
  ...([NaN, -Infinity, -5, 3.25] as const).map(
    (t): [RequestType, string, unknown, string] => ['reminder.updateDue', `due.at ${String(t)}`, { id: 'a', due: { at: t } }, 'due'],
  ),
  // Due.
  ['reminder.create', 'due with both preset and at', create({ due: { preset: 'tomorrow', at: T0 } }), 'due'],
  ['reminder.create', 'empty due', create({ due: {} }), 'due'],
  ['reminder.create', 'due missing', create({ due: undefined }), 'due'],
  ['reminder.create', 'due as a bare preset string', create({ due: 'tomorrow' }), 'due'],
  ['reminder.create', 'unknown preset', create({ due: { preset: 'next-month' } }), 'due'],
  ['reminder.create', 'preset in the wrong case', create({ due: { preset: 'Tomorrow' } }), 'due'],
  ['reminder.create', 'huge preset', create({ due: { preset: huge(100_000) } }), 'due'],
  ['reminder.updateDue', 'no due', { id: 'a' }, 'due'],
  ...(['2025-03-12 09:00', '2025-03-12T9:00', '2025-13-01T09:00', '2025-03-32T09:00', '2025-03-12T24:00', '2025-03-12T09:00:00', '2025-03-12T09:00Z', '', 1741770000000] as const).map(
    (local): [RequestType, string, unknown, string] => ['reminder.updateDue', `due.local ${JSON.stringify(local)}`, { id: 'a', due: { local } }, 'due'],
  ),
  ['reminder.create', 'due with both local and at', create({ due: { local: '2025-03-12T09:00', at: T0 } }), 'due'],
  ['due.preview', 'bad local', { local: '12.03.2025 09:00' }],
  ['due.preview', 'both local and text', { local: '2025-03-12T09:00', text: 'tomorrow' }],
  ['reminder.snooze', 'unknown preset', { id: 'a', due: { preset: 'later' } }, 'due'],
  ['reminder.snooze', 'due null', { id: 'a', due: null }, 'due'],
  ['reminder.create', 'unknown kind', create({ kind: 'sometimes' }), 'kind'],
  ['reminder.create', 'huge kind', create({ kind: huge(100_000) }), 'kind'],
  // List.
  ['reminder.list', 'unknown section', { sections: ['overdue', 'cancelled'] }, 'sections'],
  ['reminder.list', 'sections not an array', { sections: 'overdue' }, 'sections'],
  ['reminder.list', 'huge section name', { sections: [huge(100_000)] }, 'sections'],
  // Thread lookup.
  ['reminder.getByThread', 'no id at all', { account: 'a@b' }, 'Give a thread id, perm id or Message-ID'],
  ['reminder.getByThread', 'no account', { threadId: HEX }, 'account'],
  ['reminder.getByThread', 'bad hex id', { account: 'a@b', threadId: 'zz' }, 'Invalid Gmail thread id'],
  ['reminder.getByThread', 'huge hex id', { account: 'a@b', threadId: huge(100_000, 'z') }, 'Invalid Gmail thread id'],
  ['reminder.getByThread', 'perm id "undefined"', { account: 'a@b', permThreadId: 'thread-f:undefined' }, 'Invalid Gmail perm thread id'],
  ['reminder.getByThread', 'perm id 0', { account: 'a@b', permThreadId: 'thread-f:0' }, 'Invalid Gmail perm thread id'],
  ['reminder.getByThread', 'Message-ID without brackets', { account: 'a@b', messageId: 'abc@mail.gmail.com' }, 'Invalid Message-ID'],
  // Preview.
  ['due.preview', 'both preset and text', { preset: 'tomorrow', text: 'x' }],
  ['due.preview', 'empty', {}],
  ['due.preview', 'text of 201 chars', { text: huge(201) }],
  ['due.preview', 'text of 1,000,000 chars', { text: huge(1_000_000) }],
  ['due.preview', 'unknown lang', { text: 'tomorrow', lang: 'fr' }],
  ['due.preview', 'text not a string', { text: 5 }],
  // Settings, backup, erase.
  ['settings.set', 'no settings', {}, 'settings'],
  ['settings.set', 'settings and more', { settings: defaultSettings('UTC'), force: true }, 'force'],
  ['settings.set', 'an unknown time zone', { settings: { ...defaultSettings('UTC'), schedule: { ...defaultSettings('UTC').schedule, timeZone: 'Mars/Base' } } }, 'Unknown time zone'],
  ['settings.set', 'a future settings version', { settings: { ...defaultSettings('UTC'), version: 2 } }, 'version'],
  ['settings.set', 'notifications not booleans', { settings: { ...defaultSettings('UTC'), notifications: { requireInteraction: 'yes', startupDigest: true } } }, 'requireInteraction'],
  ['settings.set', 'eight working days', { settings: { ...defaultSettings('UTC'), schedule: { ...defaultSettings('UTC').schedule, workingHours: { enabled: true, days: [0, 1, 2, 3, 4, 5, 6, 1], start: 0, end: 60 } } } }, 'days'],
  ['data.import', 'no json', {}, 'json'],
  ['data.import', 'json not a string', { json: { format: 'follow-through-backup' } }, 'json'],
  ['data.import', 'json over 20 MB', { json: huge(20 * 1024 * 1024 + 1) }, 'larger than 20 MB'],
  ['data.import', 'an extra key', { json: '{}', merge: true }, 'merge'],
  ['data.export', 'an extra key', { everything: true }, 'everything'],
  ['data.exportIcs', 'an extra key', { all: true }, 'all'],
  ['diagnostics.get', 'an extra key', { verbose: true }, 'verbose'],
  ['history.summary', 'a retention not offered', { months: 7 }, 'months'],
  ['history.summary', 'no retention', {}, 'months'],
  ['controls.load', 'an unknown field', { files: ['x.js'] }, 'files'],
  ['data.deleteAll', 'no confirmation', {}, 'confirm'],
  ['data.deleteAll', 'a wrong confirmation', { confirm: 'yes' }, 'confirm'],
  ['data.deleteAll', 'confirmation in another case', { confirm: 'DELETE-ALL' }, 'confirm'],
  ['data.deleteAll', 'confirmation true', { confirm: true }, 'confirm'],
];

const BAD: Bad[] = [
  ...ENVELOPE_ERRORS,
  ...PAYLOAD_ERRORS.map(([type, label, payload, ...says]): Bad => ({
    label: `${type}: ${label}`,
    raw: env(type, payload),
    code: 'invalid-request',
    says: [new RegExp(`^${type.replace('.', '\\.')}: `), ...says],
  })),
];

describe('malformed requests', () => {
  it('are numerous enough to mean something', () => {
    expect(BAD.length).toBeGreaterThan(100);
  });

  it.each(BAD)('$label → $code', ({ raw, code, says }) => {
    let result: ReturnType<typeof parseEnvelope> | undefined;
    expect(() => (result = parseEnvelope(raw))).not.toThrow();
    expect(result).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    if (result?.ok !== false) return;
    const { message } = result.error;
    expect(message.trim().length).toBeGreaterThan(10);
    // Bounded no matter how large the input was.
    expect(message.length).toBeLessThanOrEqual(1100);
    for (const s of says ?? []) expect(message).toMatch(s);
  });

  it('echoes only a clipped form of a huge unknown type', () => {
    const r = parseEnvelope(env(`evil${huge(10_000)}`, {}));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.length).toBeLessThan(120);
    expect(r.error.message).toContain('"evilxxx');
  });

  it('reports every problem of a payload, not only the first', () => {
    const r = parseEnvelope(env('reminder.create', create({ id: '', sentAt: -1, kind: 'x' })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/→ at id/);
    expect(r.error.message).toMatch(/→ at sentAt/);
    expect(r.error.message).toMatch(/→ at kind/);
  });

  it('does not let an own __proto__ key pollute anything', () => {
    parseEnvelope(JSON.parse('{"v":1,"type":"settings.get","payload":{"__proto__":{"polluted":true}}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reminder kinds', () => {
  it('accepts always (remind regardless of replies) and hands it on as given', () => {
    const parsed = parseEnvelope({ v: 1, type: 'reminder.create', payload: { ...create(), kind: 'always' } });
    expect(parsed).toMatchObject({ ok: true, request: { payload: { kind: 'always' } } });
  });

  it('refuses a kind that does not exist, naming the kinds that do', () => {
    const parsed = parseEnvelope({ v: 1, type: 'reminder.create', payload: { ...create(), kind: 'Always' } });
    expect(parsed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!parsed.ok && parsed.error.message).toMatch(/kind.*"no-reply", "owed-reply" or "always"/s);
  });

  it('accepts owed-reply (implemented)', () => {
    expect(parseEnvelope({ v: 1, type: 'reminder.create', payload: { ...create(), kind: 'owed-reply' } })).toMatchObject({ ok: true });
  });
});
