import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../src/core/single-flight';

/** A task whose runs finish when the test says; records what ran and how many ran at once. */
function controlled() {
  const runs: { arg: string; finish(value?: string): void; fail(e: Error): void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const task = (arg: string) =>
    new Promise<string>((resolve, reject) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      runs.push({
        arg,
        finish: (value = arg) => {
          running -= 1;
          resolve(value);
        },
        fail: (e) => {
          running -= 1;
          reject(e);
        },
      });
    });
  return { task, runs, max: () => maxRunning };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('singleFlight', () => {
  it('runs one call at once, immediately', async () => {
    const c = controlled();
    const run = singleFlight(c.task, (a, b) => `${a}+${b}`);
    const p = run('a');
    await tick();
    expect(c.runs.map((r) => r.arg)).toEqual(['a']);
    c.runs[0]!.finish();
    await expect(p).resolves.toBe('a');
  });

  it('calls during a run never overlap it: they share one more run afterwards, with merged arguments', async () => {
    const c = controlled();
    const run = singleFlight(c.task, (a, b) => `${a}+${b}`);
    const first = run('wake');
    const second = run('alarm');
    const third = run('user');
    await tick();
    expect(c.runs.map((r) => r.arg)).toEqual(['wake']);
    c.runs[0]!.finish();
    await expect(first).resolves.toBe('wake');
    await tick();
    expect(c.runs.map((r) => r.arg)).toEqual(['wake', 'alarm+user']);
    c.runs[1]!.finish();
    await expect(second).resolves.toBe('alarm+user');
    await expect(third).resolves.toBe('alarm+user');
    expect(c.max()).toBe(1);
  });

  it('a failed run does not stop the one queued behind it, and the next call starts afresh', async () => {
    const c = controlled();
    const run = singleFlight(c.task, (a) => a);
    const first = run('a');
    const second = run('b');
    await tick();
    c.runs[0]!.fail(new Error('worker hiccup'));
    await expect(first).rejects.toThrow('worker hiccup');
    await tick();
    c.runs[1]!.finish();
    await expect(second).resolves.toBe('b');
    const third = run('c');
    await tick();
    expect(c.runs.map((r) => r.arg)).toEqual(['a', 'b', 'c']);
    c.runs[2]!.finish();
    await expect(third).resolves.toBe('c');
    expect(c.max()).toBe(1);
  });

  it('a call arriving while the queued run is about to start joins it rather than starting a third', async () => {
    const c = controlled();
    const run = singleFlight(c.task, (a, b) => `${a}+${b}`);
    void run('a');
    const queued = run('b');
    await tick();
    c.runs[0]!.finish();
    // Between the first run's end and the queued run's start.
    const late = run('c');
    await tick();
    expect(c.runs.map((r) => r.arg)).toEqual(['a', 'b+c']);
    c.runs[1]!.finish();
    expect(await late).toBe(await queued);
    expect(c.max()).toBe(1);
  });
});
