/**
 * Follow-ups recorded in IndexedDB: one transaction each, so a send reported
 * twice at once (two tabs, a retry racing the original after a killed
 * worker) is recorded once.
 */
import { describe, expect, it } from 'vitest';
import { defaultChain } from '../../../src/core/chain';
import { defaultSettings } from '../../../src/core/settings';
import { threadKeysOf } from '../../../src/core/reminder';
import { DAY, freshStore, HOUR, reminder, T0, thread } from './fixtures';

const settings = defaultSettings('UTC');

async function withChain() {
  const { store } = await freshStore();
  const r = { ...reminder({ id: 'a', n: 1 }), chain: defaultChain(settings) };
  await store.create(r, T0);
  return { store, r };
}

describe('follow-ups in the store', () => {
  it('the same send reported twice at once is recorded once', async () => {
    const { store, r } = await withChain();
    const keys = threadKeysOf(r.thread);
    const send = { at: T0 + HOUR, messageId: '<fu@mail.gmail.com>' };
    const results = await Promise.all([store.sentInThread(r.account, keys, send, T0 + HOUR, settings), store.sentInThread(r.account, keys, send, T0 + HOUR, settings)]);
    expect(results.map((x) => x.followedUp.length).sort()).toEqual([0, 1]);
    expect((await store.get('a'))!.chain!.sent).toEqual([send]);
  });

  it('an armed create retried while the first is still being written records one follow-up', async () => {
    const { store } = await withChain();
    const followUp = { ...reminder({ id: 'fu-1', n: 1, dueAt: T0 + 7 * DAY, createdAt: T0 + HOUR }), thread: thread(1, { messageId: '<fu1@mail.gmail.com>' }) };
    const [a, b] = await Promise.all([store.create(followUp, T0 + HOUR, settings), store.create(followUp, T0 + HOUR, settings)]);
    expect([a.outcome, b.outcome].sort()).toEqual(['existing', 'replaced']);
    const stored = await store.all();
    expect(stored.map((r) => r.id)).toEqual(['a']);
    expect(stored[0]!.chain!.sent).toHaveLength(1);
    expect(stored[0]!.dueAt).toBe(T0 + 7 * DAY);
  });

  it('setRepeat answers the reminder before it (for Undo) and refuses an unknown id', async () => {
    const { store, r } = await withChain();
    const { previous, reminder: off } = await store.setRepeat('a', false, T0 + 1, settings);
    expect(previous.chain!.repeat).toBe(true);
    expect(off.chain!.repeat).toBe(false);
    expect(off.rev).toBe(r.rev + 1);
    expect(await store.get('a')).toEqual(off);
    await expect(store.setRepeat('nope', false, T0)).rejects.toMatchObject({ code: 'not-found' });
  });
});
