import { createReminder, type Reminder, type ReminderStatus, type ThreadIdentity } from '../../../src/core/reminder';

export const T0 = Date.parse('2025-03-10T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function thread(n: number, over: Partial<ThreadIdentity> = {}): ThreadIdentity {
  return {
    provider: 'gmail',
    threadId: (0x18e0000000000000n + BigInt(n)).toString(16),
    subject: `Quote for project ${n}`,
    recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }],
    ...over,
  };
}

/** A plain pending reminder `n`, created at T0 + n minutes and due a day later. */
export function plain(n: number, over: Partial<Reminder> = {}): Reminder {
  const createdAt = T0 + n * MIN;
  return {
    ...createReminder({ id: `rem-${n}`, account: 'me@example.com', thread: thread(n), sentAt: createdAt - HOUR, dueAt: createdAt + DAY }, createdAt),
    ...over,
  };
}

const history = (...steps: [ReminderStatus | null, ReminderStatus, number, string][]) =>
  steps.map(([from, to, at, cause]) => ({ from, to, at, cause }));

/**
 * One reminder of every status, with every optional field somewhere: a
 * check with notes, a resolution, ignored replies, a perm-id-only thread,
 * a Message-ID-only thread, a second account, an awkward subject.
 */
export function richReminders(): Reminder[] {
  const replied = plain(1, {
    status: 'replied',
    rev: 4,
    updatedAt: T0 + 2 * HOUR,
    resolution: {
      kind: 'reply',
      by: { email: 'Client1@Example.com', name: 'Client 1' },
      at: T0 + 2 * HOUR,
      explanation: 'client1@example.com replied',
      messageId: 'client1@example.com|29033520',
      source: 'print-view',
      times: 'calibrated',
      notes: [
        { id: 'msg-f:1', from: { email: 'me@example.com' }, at: T0 - HOUR, reason: 'own' },
        { from: { email: 'client1@example.com', name: 'Client 1' }, at: T0 + 2 * HOUR, reason: 'reply', auto: { certain: false } },
        { from: { email: 'ooo@example.com' }, reason: 'auto-reply', detail: 'subject:Out of Office' },
      ],
    },
    check: { at: T0 + 2 * HOUR, source: 'print-view', outcome: 'replied', by: { email: 'client1@example.com' }, failures: 0, times: 'calibrated' },
    history: history([null, 'pending', T0, 'created'], ['pending', 'replied', T0 + 2 * HOUR, 'reply']),
  });
  const notified = plain(2, {
    status: 'notified',
    dueAt: T0 + HOUR,
    announcedAt: T0 + HOUR,
    check: { at: T0 + HOUR - 5 * MIN, source: 'print-view', outcome: 'failed', failure: 'signed-out', failures: 2, retryAt: T0 + 3 * HOUR },
    ignoredReplyIds: ['client2@example.com|29033400', 'msg-f:99'],
    history: history([null, 'pending', T0, 'created'], ['pending', 'notified', T0 + HOUR, 'alarm']),
  });
  const snoozed = plain(3, {
    status: 'snoozed',
    account: 'other@example.org',
    thread: thread(3, { threadId: undefined, permThreadId: 'thread-f:1581064946762017791' }),
    threadKey: 'gmail:15f1123136926bff',
    dueAt: T0 + 3 * DAY,
    check: {
      at: T0 + HOUR,
      source: 'print-view',
      outcome: 'no-reply',
      failures: 0,
      notes: [{ from: { email: 'client3@example.com' }, at: T0 + 5 * MIN, reason: 'auto-reply', detail: 'text:de:vacation', auto: { certain: true, family: 'vacation', until: '2025-03-20', backOn: '2025-03-21' } }],
      autoAnswer: { by: { email: 'client3@example.com' }, family: 'vacation', until: '2025-03-20', backOn: '2025-03-21', movedFrom: T0 + DAY },
      times: 'settings-zone',
    },
    autoReplyIds: ['client3@example.com|29033401'],
    anchor: 'added',
    history: history([null, 'pending', T0, 'created'], ['pending', 'notified', T0 + HOUR, 'alarm'], ['notified', 'snoozed', T0 + 2 * HOUR, 'user']),
  });
  const done = plain(4, { status: 'done', history: history([null, 'pending', T0, 'created'], ['pending', 'done', T0 + 1, 'user']) });
  const cancelled = plain(5, {
    status: 'cancelled',
    thread: thread(5, { threadId: undefined, messageId: '<CAF+x_5@mail.gmail.com>', recipients: [] }),
    threadKey: 'gmail:msg:<CAF+x_5@mail.gmail.com>',
    history: history([null, 'pending', T0, 'created'], ['pending', 'cancelled', T0 + 1, 'user']),
  });
  const awkward = plain(6, {
    thread: thread(6, {
      subject: 'Re: a, b; c \\ d\r\nEND:VEVENT\r\nBEGIN:VEVENT "</script>" \u202eevil\u202c 🎉 Grüße 你好',
      recipients: [
        { email: 'ann@example.com', name: 'Doe, Ann; "CEO"' },
        { email: 'bob@example.com' },
      ],
    }),
  });
  return [replied, notified, snoozed, done, cancelled, awkward];
}
