import { describe, expect, it } from 'vitest';
import { threadKeysOf, type Reminder } from '../../../src/core/reminder';
import { IllegalTransitionError } from '../../../src/core/transitions';
import { ReminderNotFoundError, StaleRevisionError, type ReminderStore } from '../../../src/storage/reminder-store';
import { DAY, freshStore, HOUR, reminder, T0, thread } from './fixtures';

const MIN = 60_000;

/** Creates `r` and returns the stored copy. */
async function put(store: ReminderStore, r: Reminder): Promise<Reminder> {
  const { outcome, reminder: stored } = await store.create(r, r.createdAt);
  expect(outcome).toBe('created');
  return stored;
}

const notifies = (r: Reminder | undefined) => r?.history.filter((h) => h.to === 'notified').length ?? 0;

describe('reminderStore.create', () => {
  it('stores a new reminder', async () => {
    const { store } = await freshStore();
    const r = reminder({ id: 'a' });
    expect(await store.create(r, T0)).toEqual({ reminder: r, outcome: 'created' });
    expect(await store.get('a')).toEqual(r);
    expect(r.account).toBe('me@example.com');
  });

  it('is idempotent for the same id: a retry returns the stored reminder unchanged', async () => {
    const { store } = await freshStore();
    const first = reminder({ id: 'a', n: 1, dueAt: T0 + DAY });
    await store.create(first, T0);
    // The retry carries a different due time (e.g. recomputed a second later): the first one wins.
    const retry = { ...first, dueAt: T0 + 2 * DAY };
    expect(await store.create(retry, T0 + 1000)).toEqual({ reminder: first, outcome: 'existing' });
    expect(await store.all()).toEqual([first]);
  });

  it.each(['pending', 'notified', 'snoozed'] as const)(
    'replaces the due time of a %s reminder on the same account and thread, keeping one record',
    async (status) => {
      const { store } = await freshStore();
      const old = await put(store, reminder({ id: 'old', n: 5, dueAt: T0 + HOUR }));
      if (status === 'notified') {
        await store.fireDue(T0 + HOUR, 'alarm');
        await store.markAnnounced(['old'], T0 + HOUR);
      }
      if (status === 'snoozed') await store.change('old', { type: 'snooze', until: T0 + 2 * HOUR }, T0 + MIN);
      const before = (await store.get('old'))!;
      expect(before.status).toBe(status);

      const now = T0 + 2 * DAY;
      const fresh = reminder({ id: 'new', n: 5, dueAt: now + 3 * DAY, createdAt: now, thread: thread(5, { subject: 'Re: Quote for project 5' }) });
      const { reminder: result, outcome } = await store.create(fresh, now);

      expect(outcome).toBe('replaced');
      expect(result).toMatchObject({ id: 'old', status: 'pending', dueAt: now + 3 * DAY, updatedAt: now, rev: before.rev + 1 });
      expect(result.announcedAt).toBeUndefined();
      expect(result.thread.subject).toBe('Re: Quote for project 5');
      // An armed send in the thread of a live no-reply reminder is a follow-up on it (core/chain.ts).
      expect(result.history.at(-1)).toEqual({ from: status, to: 'pending', at: now, cause: 'follow-up' });
      expect(result.chain?.sent).toEqual([{ at: fresh.sentAt, clientId: 'new' }]);
      expect(await store.all()).toEqual([result]);
      expect(await store.get('new')).toBeUndefined();
      expect(old.createdAt).toBe(result.createdAt);
    },
  );

  it('concurrent creates (a retry racing the original, or two ids on one thread) leave one record', async () => {
    const { store } = await freshStore();
    const r = reminder({ id: 'a', n: 2 });
    const sameId = await Promise.all([store.create(r, T0), store.create(r, T0)]);
    expect(sameId.map((x) => x.outcome)).toEqual(['created', 'existing']);

    const other = reminder({ id: 'b', n: 2, dueAt: T0 + 2 * DAY });
    const third = reminder({ id: 'c', n: 2, dueAt: T0 + 3 * DAY });
    const sameThread = await Promise.all([store.create(other, T0 + 1), store.create(third, T0 + 2)]);
    expect(sameThread.map((x) => x.outcome)).toEqual(['replaced', 'replaced']);
    expect(await store.all()).toEqual([sameThread[1]!.reminder]);
    expect(sameThread[1]!.reminder).toMatchObject({ id: 'a', dueAt: T0 + 3 * DAY, rev: 3 });
  });

  it('creates a second reminder when the thread only has a finished one, or the other account has it', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'done-one', n: 9 }));
    await store.change('done-one', { type: 'done' }, T0 + MIN);
    await put(store, reminder({ id: 'other-account', n: 9, account: 'someone@example.org' }));

    const { outcome } = await store.create(reminder({ id: 'again', n: 9 }), T0 + 2 * MIN);
    expect(outcome).toBe('created');
    expect((await store.all()).map((r) => r.id).sort()).toEqual(['again', 'done-one', 'other-account']);
  });
});

describe('reminderStore.apply', () => {
  it('applies an event without a revision check', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'a' }));
    const before = await store.get('a');
    const { reminder: next, previous } = await store.change('a', { type: 'done' }, T0 + MIN);
    expect(next).toMatchObject({ status: 'done', rev: 2, updatedAt: T0 + MIN });
    expect(await store.get('a')).toEqual(next);
    // What an Undo puts back.
    expect(previous).toEqual(before);
  });

  it('applies an event when expectedRev matches, and passes the cause into history', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'a' }));
    const { reminder: next } = await store.change('a', { type: 'cancel' }, T0 + MIN, { expectedRev: 1, cause: 'popup' });
    expect(next.status).toBe('cancelled');
    expect(next.history.at(-1)).toEqual({ from: 'pending', to: 'cancelled', at: T0 + MIN, cause: 'popup' });
  });

  it('refuses with StaleRevisionError when the revision moved on, changing nothing', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'a' }));
    await store.change('a', { type: 'snooze', until: T0 + DAY }, T0 + MIN);
    const before = await store.get('a');

    const error = await store.change('a', { type: 'done' }, T0 + 2 * MIN, { expectedRev: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleRevisionError);
    expect(error).toMatchObject({ code: 'conflict', id: 'a', expected: 1, actual: 2 });
    expect(await store.get('a')).toEqual(before);
  });

  it('throws ReminderNotFoundError for an unknown id', async () => {
    const { store } = await freshStore();
    const error = await store.change('ghost', { type: 'done' }, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReminderNotFoundError);
    expect(error).toMatchObject({ code: 'not-found', id: 'ghost' });
    expect(await store.all()).toEqual([]);
  });

  it('an illegal transition throws and leaves the record unchanged', async () => {
    const { store } = await freshStore();
    const r = await put(store, reminder({ id: 'a' }));
    await expect(store.change('a', { type: 'reopen' }, T0 + MIN)).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(await store.get('a')).toEqual(r);

    // The store is still usable afterwards (the failed transaction did not wedge anything).
    expect((await store.change('a', { type: 'done' }, T0 + 2 * MIN)).reminder.status).toBe('done');
  });
});

describe('reminderStore.delete', () => {
  it('removes the record and returns it', async () => {
    const { store } = await freshStore();
    const r = await put(store, reminder({ id: 'a' }));
    await put(store, reminder({ id: 'b' }));
    expect(await store.delete('a')).toEqual(r);
    expect(await store.get('a')).toBeUndefined();
    expect((await store.all()).map((x) => x.id)).toEqual(['b']);
    expect(await store.byThread(r.account, [r.threadKey])).toEqual([]);
  });

  it('throws ReminderNotFoundError for an unknown id', async () => {
    const { store } = await freshStore();
    await expect(store.delete('ghost')).rejects.toBeInstanceOf(ReminderNotFoundError);
  });
});

describe('reminderStore.nextDueAt', () => {
  it('is undefined when nothing waits', async () => {
    const { store } = await freshStore();
    expect(await store.nextDueAt()).toBeUndefined();
    await put(store, reminder({ id: 'done', dueAt: T0 + HOUR }));
    await store.change('done', { type: 'done' }, T0);
    expect(await store.nextDueAt()).toBeUndefined();
  });

  it('is the earliest due time across pending and snoozed, ignoring notified and done', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'pending-late', dueAt: T0 + 9 * HOUR }));
    await put(store, reminder({ id: 'pending', dueAt: T0 + 5 * HOUR }));
    await put(store, reminder({ id: 'snoozed', dueAt: T0 + 8 * HOUR }));
    await store.change('snoozed', { type: 'snooze', until: T0 + 3 * HOUR }, T0);
    await put(store, reminder({ id: 'notified', dueAt: T0 - HOUR }));
    await store.change('notified', { type: 'fire' }, T0);
    await put(store, reminder({ id: 'done', dueAt: T0 + HOUR }));
    await store.change('done', { type: 'done' }, T0);
    expect(await store.nextDueAt()).toBe(T0 + 3 * HOUR);

    await store.change('snoozed', { type: 'done' }, T0);
    expect(await store.nextDueAt()).toBe(T0 + 5 * HOUR);
  });
});

describe('reminderStore.fireDue', () => {
  it('moves exactly the due waiting reminders to notified and returns them', async () => {
    const { store } = await freshStore();
    const now = T0 + DAY;
    await put(store, reminder({ id: 'overdue', dueAt: now - HOUR }));
    await put(store, reminder({ id: 'due-now', dueAt: now }));
    await put(store, reminder({ id: 'future', dueAt: now + 1 }));
    await put(store, reminder({ id: 'snoozed', dueAt: now + DAY }));
    await store.change('snoozed', { type: 'snooze', until: now - MIN }, T0);
    await put(store, reminder({ id: 'done', dueAt: now - HOUR }));
    await store.change('done', { type: 'done' }, T0);

    const fired = await store.fireDue(now, 'alarm');

    expect(fired.map((r) => r.id).sort()).toEqual(['due-now', 'overdue', 'snoozed']);
    for (const r of fired) {
      expect(r.status).toBe('notified');
      expect(r.updatedAt).toBe(now);
      expect(r.history.at(-1)).toMatchObject({ to: 'notified', at: now, cause: 'alarm' });
      expect(await store.get(r.id)).toEqual(r);
    }
    expect((await store.get('snoozed'))!.history.at(-1)!.from).toBe('snoozed');
    expect((await store.get('future'))!.status).toBe('pending');
    expect((await store.get('done'))!.status).toBe('done');

    // Nothing left to move.
    expect(await store.fireDue(now, 'alarm')).toEqual([]);
  });

  it('two concurrent calls fire each due reminder exactly once in total', async () => {
    const { store } = await freshStore();
    const ids = ['a', 'b', 'c', 'd', 'e'];
    for (const [i, id] of ids.entries()) await put(store, reminder({ id, dueAt: T0 + i * MIN }));

    const [first, second] = await Promise.all([store.fireDue(T0 + HOUR, 'alarm'), store.fireDue(T0 + HOUR, 'startup')]);

    const firedIds = [...first, ...second].map((r) => r.id);
    expect(firedIds.sort()).toEqual(ids);
    for (const id of ids) expect(notifies(await store.get(id))).toBe(1);
  });

  for (const order of ['fire first', 'user first'] as const) {
    describe(`racing a user "done" (${order})`, () => {
      type UserResult = { ok: true } | { ok: false; error: unknown };

      /** Starts fireDue and the user's done in the same tick, in the given order. */
      async function race(expectedRev?: number) {
        const { store } = await freshStore();
        await put(store, reminder({ id: 'a', dueAt: T0 }));
        const fire = () => store.fireDue(T0 + MIN, 'alarm');
        const done = (): Promise<UserResult> =>
          store.change('a', { type: 'done' }, T0 + MIN, expectedRev === undefined ? {} : { expectedRev }).then(
            () => ({ ok: true }),
            (error: unknown) => ({ ok: false, error }),
          );
        let fired: Reminder[];
        let userResult: UserResult;
        if (order === 'fire first') [fired, userResult] = await Promise.all([fire(), done()]);
        else [userResult, fired] = await Promise.all([done(), fire()]);
        return { fired, userResult, final: (await store.get('a'))! };
      }

      it('the user\'s done always sticks and the reminder is notified at most once', async () => {
        const { fired, userResult, final } = await race();
        // IndexedDB runs the two readwrite transactions in the order they were opened.
        expect(fired.length).toBe(order === 'fire first' ? 1 : 0);
        expect(userResult.ok).toBe(true);
        expect(final.status).toBe('done');
        expect(notifies(final)).toBe(fired.length);
        expect(fired.length).toBeLessThanOrEqual(1);
        // History is a consistent chain: each step starts where the previous ended.
        for (let i = 1; i < final.history.length; i++) expect(final.history[i]!.from).toBe(final.history[i - 1]!.to);
        expect(final.rev).toBe(final.history.length);
      });

      it('with a revision check, exactly one of the two wins', async () => {
        const { fired, userResult, final } = await race(1);
        const fireWon = fired.length === 1;
        expect(fireWon).toBe(!userResult.ok);
        if (fireWon) {
          expect(final.status).toBe('notified');
          expect(!userResult.ok && userResult.error).toBeInstanceOf(StaleRevisionError);
        } else {
          expect(final.status).toBe('done');
        }
        expect(notifies(final)).toBe(fireWon ? 1 : 0);
      });
    });
  }
});

describe('reminderStore.unannounced / markAnnounced', () => {
  it('lists fired reminders until they are marked announced', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'a', dueAt: T0 }));
    await put(store, reminder({ id: 'b', dueAt: T0 }));
    await put(store, reminder({ id: 'later', dueAt: T0 + DAY }));
    expect(await store.unannounced()).toEqual([]);

    await store.fireDue(T0, 'alarm');
    expect((await store.unannounced()).map((r) => r.id).sort()).toEqual(['a', 'b']);

    await store.markAnnounced(['a', 'b', 'ghost'], T0 + 5);
    expect(await store.unannounced()).toEqual([]);
    const a = (await store.get('a'))!;
    expect(a).toMatchObject({ status: 'notified', announcedAt: T0 + 5, rev: 3 });

    // Marking again does not touch it.
    await store.markAnnounced(['a'], T0 + 10);
    expect(await store.get('a')).toEqual(a);
  });

  it('skips reminders that left notified meanwhile', async () => {
    const { store } = await freshStore();
    await put(store, reminder({ id: 'a', dueAt: T0 }));
    await put(store, reminder({ id: 'b', dueAt: T0 }));
    await store.fireDue(T0, 'alarm');
    const unannounced = await store.unannounced();
    // The user checks off b between "read unannounced" and "mark announced".
    const { reminder: b } = await store.change('b', { type: 'done' }, T0 + 1);

    await store.markAnnounced(unannounced.map((r) => r.id), T0 + 2);

    expect(await store.get('b')).toEqual(b);
    expect((await store.get('a'))!.announcedAt).toBe(T0 + 2);
  });
});

describe('reminderStore queries', () => {
  it('byThread finds every reminder of an account and thread', async () => {
    const { store } = await freshStore();
    const first = await put(store, reminder({ id: 'first', n: 3 }));
    await store.change('first', { type: 'done' }, T0 + MIN);
    await put(store, reminder({ id: 'second', n: 3, createdAt: T0 + 2 * MIN }));
    await put(store, reminder({ id: 'other-thread', n: 4 }));
    await put(store, reminder({ id: 'other-account', n: 3, account: 'colleague@example.com' }));

    const found = await store.byThread(first.account, [first.threadKey]);
    expect(found.map((r) => r.id).sort()).toEqual(['first', 'second']);
    expect(await store.byThread('nobody@example.com', [first.threadKey])).toEqual([]);
  });

  it('byThread under several keys: a thread stored under its Message-ID and under its id, each reminder once', async () => {
    const { store } = await freshStore();
    // Saved before the thread id was known (a send seen only by its Message-ID).
    const { threadId: _known, ...withoutId } = thread(5);
    const byMessage = await put(store, reminder({ id: 'by-message', n: 5, thread: { ...withoutId, messageId: '<a@mail.gmail.com>' } }));
    expect(byMessage.threadKey).toBe('gmail:msg:<a@mail.gmail.com>');
    const byId = await put(store, reminder({ id: 'by-id', n: 5, createdAt: T0 + MIN }));
    const keys = threadKeysOf({ provider: 'gmail', threadId: thread(5).threadId, messageId: '<a@mail.gmail.com>' });
    expect(keys).toEqual([byId.threadKey, byMessage.threadKey]);

    // Best key first; a key named twice finds nothing twice.
    expect((await store.byThread(byId.account, keys)).map((r) => r.id)).toEqual(['by-id', 'by-message']);
    expect((await store.byThread(byId.account, [...keys, ...keys])).map((r) => r.id)).toEqual(['by-id', 'by-message']);
    expect((await store.byThread(byId.account, [keys[1]!])).map((r) => r.id)).toEqual(['by-message']);
    expect(await store.byThread(byId.account, [])).toEqual([]);
  });

  it('countByStatus and byStatus count by status', async () => {
    const { store } = await freshStore();
    for (const id of ['a', 'b', 'c', 'd']) await put(store, reminder({ id, dueAt: T0 }));
    await store.fireDue(T0, 'alarm');
    await store.change('c', { type: 'done' }, T0 + 1);
    await store.change('d', { type: 'snooze', until: T0 + DAY }, T0 + 1);

    expect(await store.countByStatus('notified')).toBe(2);
    expect(await store.countByStatus('done')).toBe(1);
    expect(await store.countByStatus('snoozed')).toBe(1);
    expect(await store.countByStatus('pending')).toBe(0);
    expect((await store.byStatus('notified')).map((r) => r.id).sort()).toEqual(['a', 'b']);
  });
});
