import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/services';
import type { FrameTarget } from '../../../src/background/controls-injection';
import { envelope } from '../../../src/core/protocol/envelope';
import { fakeBackground, GMAIL_TAB, POPUP } from './fakes';

/** The fake background's ports with an IndexedDB factory that counts its opens, and a frame injection that records. */
function countingBackground() {
  const f = fakeBackground();
  const factory = f.ports.indexedDB;
  const opened: string[] = [];
  const indexedDB = Object.assign(Object.create(factory) as IDBFactory, {
    open: (name: string, version?: number) => (opened.push(name), console.log(new Error().stack), factory.open(name, version)),
  });
  const injected: FrameTarget[] = [];
  const frameScripting = { injectIntoFrame: async (target: FrameTarget) => void injected.push(target) };
  const bg = createBackground({ ...f.ports, indexedDB, frameScripting });
  return { bg, opened, injected };
}

describe('worker start: what the event that woke it does not need waits', () => {
  it('building the services opens no database; a Gmail frame asking for its controls gets them without one', async () => {
    const { bg, opened, injected } = countingBackground();
    expect(opened).toEqual([]);
    const frame = { ...GMAIL_TAB, tab: { ...GMAIL_TAB.tab, id: 7 }, frameId: 0 };
    expect(await bg.route(envelope('controls.load', {}), frame)).toEqual({ ok: true, data: { injected: true } });
    expect(injected).toEqual([{ tabId: 7, frameId: 0 }]);
    expect(opened).toEqual([]);
  });

  it('the first request that reads reminders opens it, once for every service sharing it', async () => {
    const { bg, opened } = countingBackground();
    expect(await bg.route(envelope('reminder.list', {}), POPUP)).toMatchObject({ ok: true });
    await bg.reconcile('wake');
    expect(await bg.route(envelope('reminder.list', {}), POPUP)).toMatchObject({ ok: true });
    expect(opened).toHaveLength(1);
  });
});
