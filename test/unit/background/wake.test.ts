import { describe, expect, it } from 'vitest';
import { scheduleWakeUp, WAKE_DELAY_MS } from '../../../src/background/wake';
import { FakeLog } from './fakes';

function fakeTimer() {
  const timers: { fn: () => void; ms: number }[] = [];
  return { timers, setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }), fire: () => timers.splice(0).forEach((t) => t.fn()) };
}

describe('wake-up catch-up: after the event that woke the worker, not during its start', () => {
  it('runs nothing at once, then the catch-up once after the delay', () => {
    const timer = fakeTimer();
    let runs = 0;
    scheduleWakeUp(() => runs++, { setTimer: timer.setTimer, log: new FakeLog() });
    expect(runs).toBe(0);
    expect(timer.timers.map((t) => t.ms)).toEqual([WAKE_DELAY_MS]);
    timer.fire();
    expect(runs).toBe(1);
    expect(timer.timers).toEqual([]);
  });

  it('a catch-up that throws is logged, not thrown into the timer', () => {
    const timer = fakeTimer();
    const log = new FakeLog();
    scheduleWakeUp(() => {
      throw new Error('storage gone');
    }, { setTimer: timer.setTimer, log });
    expect(() => timer.fire()).not.toThrow();
    expect(log.errors).toEqual([{ message: 'wake-up catch-up failed', detail: new Error('storage gone') }]);
  });
});
