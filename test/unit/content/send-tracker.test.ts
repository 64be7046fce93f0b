import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSendTracker } from '../../../src/content/controller/send-tracker';
import type { SentMessage } from '../../../src/content/gmail/sync-response';

const sent = (over: Partial<SentMessage>): SentMessage => ({ subject: 'Quote', recipients: [{ email: 'bob@example.com' }], ...over });

describe('send tracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pairs by client message id first, whatever the subject says', async () => {
    const tracker = createSendTracker();
    const a = tracker.expect({ subject: 'Quote', recipients: [{ email: 'bob@example.com' }], clientMessageId: 'msg-a:r1' });
    const b = tracker.expect({ subject: 'Quote', recipients: [{ email: 'bob@example.com' }], clientMessageId: 'msg-a:r2' });
    tracker.report([sent({ clientMessageId: 'msg-a:r2', permThreadId: 'thread-f:2' })]);
    await expect(b).resolves.toMatchObject({ permThreadId: 'thread-f:2' });
    expect(tracker.outstanding).toBe(1);
    tracker.report([sent({ clientMessageId: 'msg-a:r1', permThreadId: 'thread-f:1' })]);
    await expect(a).resolves.toMatchObject({ permThreadId: 'thread-f:1' });
  });

  it('falls back to subject plus a shared recipient, case- and space-insensitive', async () => {
    const tracker = createSendTracker();
    const p = tracker.expect({ subject: '  Offer   for you ', recipients: [{ email: 'Ann@Example.com' }] });
    tracker.report([sent({ subject: 'offer for you', recipients: [{ email: 'zed@example.com' }, { email: 'ann@example.com' }] })]);
    await expect(p).resolves.toMatchObject({ subject: 'offer for you' });
  });

  it('does not pair a different message while two sends are outstanding', async () => {
    const tracker = createSendTracker();
    const a = tracker.expect({ subject: 'A', recipients: [{ email: 'a@example.com' }] });
    const b = tracker.expect({ subject: 'B', recipients: [{ email: 'b@example.com' }] });
    tracker.report([sent({ subject: 'C', recipients: [{ email: 'c@example.com' }] })]);
    expect(tracker.outstanding).toBe(2);
    vi.advanceTimersByTime(60_000);
    await expect(a).resolves.toBeUndefined();
    await expect(b).resolves.toBeUndefined();
  });

  it('takes the only report for the only outstanding send (subject rewritten by Gmail)', async () => {
    const tracker = createSendTracker();
    const p = tracker.expect({ subject: 'Hello', recipients: [] });
    tracker.report([sent({ subject: '' })]);
    await expect(p).resolves.toMatchObject({ subject: '' });
  });

  it('gives up after the timeout (undone or failed send) and ignores later reports', async () => {
    const tracker = createSendTracker({ timeoutMs: 40_000 });
    const p = tracker.expect({ subject: 'Quote', recipients: [{ email: 'bob@example.com' }] });
    vi.advanceTimersByTime(39_999);
    expect(tracker.outstanding).toBe(1);
    vi.advanceTimersByTime(1);
    await expect(p).resolves.toBeUndefined();
    tracker.report([sent({})]);
    expect(tracker.outstanding).toBe(0);
  });

  it('gives ties to the oldest send', async () => {
    let t = 1000;
    const tracker = createSendTracker({ now: () => t });
    const first = tracker.expect({ subject: 'Quote', recipients: [{ email: 'bob@example.com' }] });
    t = 2000;
    const second = tracker.expect({ subject: 'Quote', recipients: [{ email: 'bob@example.com' }] });
    tracker.report([sent({ permThreadId: 'thread-f:10' })]);
    await expect(first).resolves.toMatchObject({ permThreadId: 'thread-f:10' });
    expect(tracker.outstanding).toBe(1);
    void second;
  });
});

describe('send tracker, unrelated sends', () => {
  it('never takes a message whose client id differs, even as the only report', () => {
    const tracker = createSendTracker();
    void tracker.expect({ subject: 'Quote', recipients: [], clientMessageId: 'msg-a:r1' });
    tracker.report([sent({ clientMessageId: 'msg-a:r9' })]);
    expect(tracker.outstanding).toBe(1);
  });
});
