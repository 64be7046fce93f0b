import { describe, expect, it } from 'vitest';
import { createBridgeBuffer } from '../../../src/content/boot/bridge-buffer';

function recorder() {
  const heard: string[] = [];
  return {
    heard,
    handlers: {
      onSyncSend: (body: string, request: string | undefined) => void heard.push(`send ${body} ${request ?? '-'}`),
      onAccount: (email: string, ik?: string) => void heard.push(`account ${email} ${ik ?? '-'}`),
    },
  };
}

describe('bridge buffer (what the page-world hook posted before the controls)', () => {
  it('replays the latest account, then the kept sends in order, then forwards live', () => {
    const clock = { now: 0 };
    const buffer = createBridgeBuffer(() => clock.now);
    buffer.handlers.onAccount('old@example.com', undefined);
    buffer.handlers.onAccount('me@example.com', 'abc123');
    buffer.handlers.onSyncSend('b1', 'r1');
    buffer.handlers.onSyncSend('b2', undefined);
    const r = recorder();
    buffer.attach(r.handlers);
    buffer.handlers.onSyncSend('b3', 'r3');
    expect(r.heard).toEqual(['account me@example.com abc123', 'send b1 r1', 'send b2 -', 'send b3 r3']);
    expect(buffer.held).toBe(0);
  });

  it('keeps sends no older than the send tracker waits, and only the last few', () => {
    const clock = { now: 0 };
    const buffer = createBridgeBuffer(() => clock.now);
    buffer.handlers.onSyncSend('stale', undefined);
    clock.now = 30_000;
    for (let i = 0; i < 12; i++) buffer.handlers.onSyncSend(`b${i}`, undefined);
    expect(buffer.held).toBe(8);
    clock.now = 61_000;
    const r = recorder();
    buffer.attach(r.handlers);
    expect(r.heard).toEqual(['b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11'].map((b) => `send ${b} -`));
  });

  it('caps what it holds in characters, newest kept', () => {
    const buffer = createBridgeBuffer(() => 0);
    const big = 'x'.repeat(1_500_000);
    buffer.handlers.onSyncSend(`1${big}`, undefined);
    buffer.handlers.onSyncSend(`2${big}`, undefined);
    buffer.handlers.onSyncSend(`3${big}`, big);
    expect(buffer.held).toBe(1);
  });

  it('a failing handler during the replay does not stop the rest, and a detached target hears nothing more', () => {
    const buffer = createBridgeBuffer(() => 0);
    buffer.handlers.onSyncSend('b1', undefined);
    buffer.handlers.onSyncSend('b2', undefined);
    const heard: string[] = [];
    const detach = buffer.attach({
      onSyncSend: (body) => {
        heard.push(body);
        if (body === 'b1') throw new Error('boom');
      },
      onAccount: () => {},
    });
    expect(heard).toEqual(['b1', 'b2']);
    detach();
    buffer.handlers.onSyncSend('b3', undefined);
    expect(heard).toEqual(['b1', 'b2']);
    expect(buffer.held).toBe(1);
  });
});
