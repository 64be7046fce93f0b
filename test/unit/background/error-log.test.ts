import { describe, expect, it } from 'vitest';
import { errorLog, loggingErrors, MAX_ERROR_CHARS, MAX_ERRORS } from '../../../src/background/error-log';
import { FakeClock, FakeLog, FakeStorageArea, T0 } from './fakes';

function setup(stored?: unknown) {
  const area = new FakeStorageArea(stored === undefined ? {} : { errorLog: stored });
  const clock = new FakeClock(T0);
  return { area, clock, log: errorLog(area, clock) };
}

describe('errorLog', () => {
  it('keeps errors with their time, oldest first, with the detail message', async () => {
    const { log, clock } = setup();
    await log.record('Reply check failed', new Error('network down'));
    clock.advance(1000);
    await log.record('Could not show notifications', 'denied');
    clock.advance(1000);
    await log.record('Plain', { not: 'an error' });
    expect(await log.all()).toEqual([
      { at: T0, message: 'Reply check failed: network down' },
      { at: T0 + 1000, message: 'Could not show notifications: denied' },
      { at: T0 + 2000, message: 'Plain' },
    ]);
  });

  it(`keeps only the newest ${MAX_ERRORS}`, async () => {
    const { log, area } = setup();
    for (let i = 0; i < MAX_ERRORS + 20; i++) await log.record(`error ${i}`);
    const all = await log.all();
    expect(all).toHaveLength(MAX_ERRORS);
    expect(all[0]!.message).toBe('error 20');
    expect(all.at(-1)!.message).toBe(`error ${MAX_ERRORS + 19}`);
    expect(area.data.errorLog).toHaveLength(MAX_ERRORS);
  });

  it(`clips each message to ${MAX_ERROR_CHARS} characters`, async () => {
    const { log } = setup();
    await log.record('x'.repeat(10_000), new Error('y'.repeat(10_000)));
    const [entry] = await log.all();
    expect(entry!.message).toHaveLength(MAX_ERROR_CHARS);
    expect(entry!.message.endsWith('…')).toBe(true);
  });

  it('loses nothing when errors arrive at once', async () => {
    const { log } = setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => log.record(`e${i}`)));
    expect((await log.all()).map((e) => e.message)).toEqual(Array.from({ length: 10 }, (_, i) => `e${i}`));
  });

  it.each([['garbage'], [[{ at: 'x' }]], [{ 0: 1 }]])('starts afresh from an unreadable stored value %j', async (stored) => {
    const { log } = setup(stored);
    expect(await log.all()).toEqual([]);
    await log.record('new');
    expect(await log.all()).toEqual([{ at: T0, message: 'new' }]);
  });

  it('clear removes it from storage', async () => {
    const { log, area } = setup();
    await log.record('x');
    await log.clear();
    expect('errorLog' in area.data).toBe(false);
    expect(await log.all()).toEqual([]);
  });
});

describe('loggingErrors', () => {
  it('passes everything on to the console logger and keeps errors (not warnings)', async () => {
    const { log } = setup();
    const console = new FakeLog();
    const logger = loggingErrors(console, log);
    logger.warn('just a warning', 1);
    logger.error('a failure', new Error('why'));
    expect(console.warnings).toEqual([{ message: 'just a warning', detail: 1 }]);
    expect(console.errors).toEqual([{ message: 'a failure', detail: new Error('why') }]);
    expect(await log.all()).toEqual([{ at: T0, message: 'a failure: why' }]);
  });

  it('a failing write is only a warning, never a throw', async () => {
    const area = new FakeStorageArea();
    area.set = async () => {
      throw new Error('quota');
    };
    const log = errorLog(area, new FakeClock(T0));
    const console = new FakeLog();
    expect(() => loggingErrors(console, log).error('boom')).not.toThrow();
    await log.all();
    expect(console.warnings.map((w) => w.message)).toEqual(['Could not keep the error for diagnostics']);
  });
});
