import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHealth } from '../../../src/content/controller/health';
import type { Client } from '../../../src/core/protocol/client';

type Report = { account: string | null; checks: Record<string, string>; notes: string[] };

function recorder(fail = false) {
  const reports: Report[] = [];
  const request = vi.fn(async (type: string, payload: Report) => {
    expect(type).toBe('integration.report');
    reports.push(payload);
    if (fail) throw new Error('background gone');
    return { stored: true };
  });
  return { reports, request: request as unknown as Client, spy: request };
}

describe('integration health', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches every change within the delay into one report, with the account read at send time', () => {
    const { reports, request } = recorder();
    let account: string | undefined;
    const health = createHealth(request, () => account, 2_000);
    health.set('composeButton', 'ok');
    health.set('threadToolbar', 'missing', 'thread toolbar not found');
    vi.advanceTimersByTime(1_999);
    expect(reports).toHaveLength(0);
    account = 'me@example.com';
    health.set('sendHook', 'ok');
    vi.advanceTimersByTime(1);
    expect(reports).toEqual([
      {
        account: 'me@example.com',
        checks: { composeButton: 'ok', sendHook: 'ok', threadId: 'unknown', threadToolbar: 'missing', account: 'unknown' },
        notes: ['thread toolbar not found'],
      },
    ]);
    // A later change opens a new window.
    health.set('threadId', 'ok');
    vi.advanceTimersByTime(2_000);
    expect(reports).toHaveLength(2);
    expect(reports[1]!.checks.threadId).toBe('ok');
  });

  it('sends nothing when nothing changed', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    health.set('composeButton', 'ok');
    vi.advanceTimersByTime(2_000);
    health.set('composeButton', 'ok');
    health.set('composeButton', 'ok');
    vi.advanceTimersByTime(10_000);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.account).toBeNull();
  });

  it('never downgrades ok to missing, but keeps the note', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    health.set('threadId', 'ok');
    health.set('threadId', 'missing', 'sent thread not identified');
    expect(health.get('threadId')).toBe('ok');
    vi.advanceTimersByTime(2_000);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.checks.threadId).toBe('ok');
    expect(reports[0]!.notes).toEqual(['sent thread not identified']);
  });

  it('a new note on a check that stays ok is reported too (not held back until some other change)', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    health.set('sendHook', 'ok');
    vi.advanceTimersByTime(2_000);
    health.set('sendHook', 'missing', 'no send response seen');
    vi.advanceTimersByTime(2_000);
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatchObject({ checks: { sendHook: 'ok' }, notes: ['no send response seen'] });
  });

  it('missing can still become ok', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    health.set('account', 'missing', 'account address not found');
    health.set('account', 'ok');
    expect(health.get('account')).toBe('ok');
    vi.advanceTimersByTime(2_000);
    expect(reports[0]!.checks.account).toBe('ok');
  });

  it('dedupes notes and a repeated note alone triggers no new report', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    health.set('threadId', 'missing', 'thread heading has no id');
    health.set('threadId', 'missing', 'thread heading has no id');
    vi.advanceTimersByTime(2_000);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.notes).toEqual(['thread heading has no id']);
    // Every refresh of the same broken thread view says the same again: nothing new to tell.
    for (let i = 0; i < 5; i++) {
      health.set('threadId', 'missing', 'thread heading has no id');
      vi.advanceTimersByTime(2_000);
    }
    expect(reports).toHaveLength(1);
  });

  it('keeps at most 20 notes, the first ones', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    for (let i = 0; i < 30; i++) health.set('threadToolbar', 'missing', `note ${i}`);
    vi.advanceTimersByTime(2_000);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.notes).toHaveLength(20);
    expect(reports[0]!.notes[0]).toBe('note 0');
    expect(reports[0]!.notes[19]).toBe('note 19');
    // A 21st note is dropped, and with it there is nothing new to report.
    health.set('threadToolbar', 'missing', 'note 99');
    vi.advanceTimersByTime(2_000);
    expect(reports).toHaveLength(1);
  });

  it('a report is a snapshot: later changes do not alter what was sent', () => {
    const { reports, request } = recorder();
    const health = createHealth(request, () => undefined);
    health.set('composeButton', 'missing', 'a');
    vi.advanceTimersByTime(2_000);
    health.set('composeButton', 'ok', 'b');
    expect(reports[0]).toEqual(expect.objectContaining({ notes: ['a'] }));
    expect(reports[0]!.checks.composeButton).toBe('missing');
  });

  it('swallows a failing request (a handler is on the rejection) and keeps reporting later changes', () => {
    const rejections: Promise<never>[] = [];
    const handled: boolean[] = [];
    // A plain function, not vi.fn: a spy attaches its own handlers to returned promises.
    const request = (() => {
      const p = Promise.reject(new Error('background gone'));
      const then = p.then.bind(p);
      const i = handled.push(false) - 1;
      // `.catch(f)` is `.then(undefined, f)`: a second argument means the rejection is handled.
      p.then = ((ok?: unknown, fail?: unknown) => {
        if (typeof fail === 'function') handled[i] = true;
        return then(ok as never, fail as never);
      }) as typeof p.then;
      rejections.push(p);
      return p;
    }) as unknown as Client;
    const health = createHealth(request, () => undefined);
    health.set('composeButton', 'ok');
    expect(() => vi.advanceTimersByTime(2_000)).not.toThrow();
    health.set('sendHook', 'ok');
    vi.advanceTimersByTime(2_000);
    expect(handled).toEqual([true, true]);
    // Keep the test runner from seeing our own rejections if the code under test did not handle them.
    rejections.forEach((p) => p.catch(() => {}));
  });
});
