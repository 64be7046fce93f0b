import { describe, expect, it } from 'vitest';
import {
  createReminder,
  isWaiting,
  permIdToHex,
  threadKeyOf,
  WAITING_STATUSES,
  type NewReminderInput,
  type ReminderStatus,
} from '../../../src/core/reminder';
import { ALL_STATUSES, DAY, T0, thread } from './fixtures';

const PAIR = { perm: 'thread-f:1581064946762017791', hex: '15f1123136926bff' } as const;

function input(over: Partial<NewReminderInput> = {}): NewReminderInput {
  return {
    id: 'abc-123',
    account: 'me@example.com',
    thread: thread(),
    sentAt: T0 - 5 * 60_000,
    dueAt: T0 + 3 * DAY,
    ...over,
  };
}

describe('permIdToHex', () => {
  it('converts the documented pair', () => {
    expect(permIdToHex(PAIR.perm)).toBe(PAIR.hex);
  });

  it('agrees with an independent BigInt conversion on other values', () => {
    for (const dec of ['1', '15', '16', '255', '4294967296', '18446744073709551615']) {
      const expected = BigInt(dec).toString(16);
      expect(permIdToHex(`thread-f:${dec}`)).toBe(expected);
    }
    // The largest 64-bit value is all f's.
    expect(permIdToHex('thread-f:18446744073709551615')).toBe('f'.repeat(16));
  });

  it('converts a leading zero in the decimal form (20 digits) to the same hex', () => {
    expect(permIdToHex('thread-f:01581064946762017791')).toBe(PAIR.hex);
  });

  it.each([
    ['undefined (the value)', undefined],
    ['the string "undefined"', 'undefined'],
    ['thread-f:undefined', 'thread-f:undefined'],
    ['empty', ''],
    ['zero', 'thread-f:0'],
    ['2^64 exactly', 'thread-f:18446744073709551616'],
    ['above 2^64', 'thread-f:99999999999999999999'],
    ['more than 20 digits', 'thread-f:000000000000000000001'],
    ['negative', 'thread-f:-1'],
    ['hex digits', 'thread-f:15f1123136926bff'],
    ['a decimal point', 'thread-f:1.5'],
    ['exponent form', 'thread-f:1e5'],
    ['no prefix', '1581064946762017791'],
    ['message-f prefix', 'msg-f:1581064946762017791'],
    ['upper-case prefix', 'THREAD-F:1581064946762017791'],
    ['leading space', ' thread-f:1581064946762017791'],
    ['trailing newline', 'thread-f:1581064946762017791\n'],
    ['nothing after the colon', 'thread-f:'],
    ['unicode digits', 'thread-f:١٢٣'],
  ])('rejects %s', (_label, value) => {
    expect(permIdToHex(value)).toBeUndefined();
  });
});

describe('threadKeyOf', () => {
  it('prefers the hex id, lower-cased, even when the others are present', () => {
    expect(
      threadKeyOf(thread({ threadId: '15F1123136926BFF', permThreadId: 'thread-f:1', messageId: '<a@b>' })),
    ).toBe('gmail:15f1123136926bff');
  });

  it('derives the hex id from the perm id when no hex id is known', () => {
    expect(threadKeyOf(thread({ threadId: undefined, permThreadId: PAIR.perm, messageId: '<a@b>' }))).toBe(`gmail:${PAIR.hex}`);
  });

  it('gives the same key for the hex id and its perm id, so both find one reminder', () => {
    expect(threadKeyOf(thread({ threadId: PAIR.hex }))).toBe(
      threadKeyOf(thread({ threadId: undefined, permThreadId: PAIR.perm })),
    );
  });

  it('falls back to the Message-ID when the perm id does not convert', () => {
    expect(threadKeyOf(thread({ threadId: undefined, permThreadId: 'thread-f:0', messageId: '<x@mail.gmail.com>' }))).toBe(
      'gmail:msg:<x@mail.gmail.com>',
    );
  });

  it('treats an empty hex id as absent', () => {
    expect(threadKeyOf(thread({ threadId: '', permThreadId: PAIR.perm }))).toBe(`gmail:${PAIR.hex}`);
  });

  it('throws when there is no usable id at all', () => {
    expect(() => threadKeyOf(thread({ threadId: undefined }))).toThrow(/thread id, a perm id or a Message-ID/);
    expect(() => threadKeyOf(thread({ threadId: undefined, permThreadId: 'undefined' }))).toThrow(/Message-ID/);
    expect(() => threadKeyOf(thread({ threadId: '', messageId: '' }))).toThrow(/Message-ID/);
  });
});

describe('createReminder', () => {
  it('builds a fresh pending reminder with one history entry', () => {
    const r = createReminder(input(), T0);
    expect(r).toEqual({
      id: 'abc-123',
      account: 'me@example.com',
      thread: thread(),
      threadKey: 'gmail:15f1123136926bff',
      kind: 'no-reply',
      status: 'pending',
      sentAt: T0 - 5 * 60_000,
      dueAt: T0 + 3 * DAY,
      createdAt: T0,
      updatedAt: T0,
      rev: 1,
      history: [{ from: null, to: 'pending', at: T0, cause: 'created' }],
    });
    expect(r).not.toHaveProperty('announcedAt');
    expect(r).not.toHaveProperty('resolution');
  });

  it('trims and lower-cases the account', () => {
    expect(createReminder(input({ account: '  Me.Myself@Example.COM \n' }), T0).account).toBe('me.myself@example.com');
  });

  it('keeps an explicit kind', () => {
    expect(createReminder(input({ kind: 'no-reply' }), T0).kind).toBe('no-reply');
  });

  it('uses the hex id for the thread key when present', () => {
    const r = createReminder(input({ thread: thread({ threadId: 'ABCDEF', permThreadId: PAIR.perm, messageId: '<m@x>' }) }), T0);
    expect(r.threadKey).toBe('gmail:abcdef');
  });

  it('converts the perm id to hex when there is no hex id', () => {
    const r = createReminder(input({ thread: thread({ threadId: undefined, permThreadId: PAIR.perm, messageId: '<m@x>' }) }), T0);
    expect(r.threadKey).toBe(`gmail:${PAIR.hex}`);
  });

  it('uses the Message-ID as a last resort', () => {
    const r = createReminder(input({ thread: thread({ threadId: undefined, messageId: '<CA+abc@mail.gmail.com>' }) }), T0);
    expect(r.threadKey).toBe('gmail:msg:<CA+abc@mail.gmail.com>');
  });

  it('throws when the thread has no id of any kind', () => {
    expect(() => createReminder(input({ thread: thread({ threadId: undefined }) }), T0)).toThrow(
      'A thread needs a thread id, a perm id or a Message-ID',
    );
    expect(() =>
      createReminder(input({ thread: thread({ threadId: undefined, permThreadId: 'thread-f:undefined' }) }), T0),
    ).toThrow(/Message-ID/);
  });

  it.each([NaN, Infinity, -Infinity])('rejects a non-finite due time (%s)', (dueAt) => {
    expect(() => createReminder(input({ dueAt }), T0)).toThrow(/dueAt must be a finite time/);
  });

  it('does not mutate its input', () => {
    const raw = input({ account: ' X@Y.Z ' });
    const copy = structuredClone(raw);
    createReminder(raw, T0);
    expect(raw).toEqual(copy);
  });

  it('is JSON-serialisable without loss', () => {
    const r = createReminder(input(), T0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('isWaiting', () => {
  const expected: Record<ReminderStatus, boolean> = {
    pending: true,
    snoozed: true,
    notified: false,
    replied: false,
    done: false,
    cancelled: false,
  };

  it.each(ALL_STATUSES.map((s) => [s, expected[s]] as const))('%s → %s', (status, waiting) => {
    expect(isWaiting(status)).toBe(waiting);
  });

  it('agrees with WAITING_STATUSES', () => {
    expect([...WAITING_STATUSES].sort()).toEqual(ALL_STATUSES.filter((s) => expected[s]).sort());
  });
});
