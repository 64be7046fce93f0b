import { describe, expect, it } from 'vitest';
import { createControlsLoader, frameOf, type FrameTarget } from '../../../src/background/controls-injection';
import { createRouter } from '../../../src/background/router';
import type { Handlers } from '../../../src/background/handlers';
import { envelope } from '../../../src/core/protocol/envelope';
import { CONTROLS_SCRIPT } from '../../../src/core/protocol/controls';
import { EXTENSION_ID, EXTENSION_ORIGIN, FakeLog, GMAIL_TAB } from './fakes';

const FRAME = { ...GMAIL_TAB, tab: { ...GMAIL_TAB.tab, id: 7 }, frameId: 0 };

function fakeScripting(fail?: string) {
  const calls: { target: FrameTarget; files: readonly string[] }[] = [];
  const pending: (() => void)[] = [];
  return {
    calls,
    finish: () => pending.splice(0).forEach((fn) => fn()),
    port: {
      injectIntoFrame(target: FrameTarget, files: readonly string[]) {
        calls.push({ target, files });
        return new Promise<void>((resolve, reject) => pending.push(() => (fail ? reject(new Error(fail)) : resolve())));
      },
    },
  };
}

describe('controls.load: the controls go into the asking frame', () => {
  it('injects the controls script into the sender\'s tab and frame (and document, where the browser names it)', async () => {
    const s = fakeScripting();
    const load = createControlsLoader({ scripting: s.port, files: [CONTROLS_SCRIPT], log: new FakeLog() });
    const done = load({}, { ...FRAME, frameId: 3, documentId: 'DOC-1' });
    s.finish();
    await expect(done).resolves.toEqual({ injected: true });
    expect(s.calls).toEqual([{ target: { tabId: 7, frameId: 3, documentId: 'DOC-1' }, files: ['src/content/controls.js'] }]);
  });

  it('a burst from one frame shares one injection; the next request after it injects again (a worker restart keeps nothing)', async () => {
    const s = fakeScripting();
    const load = createControlsLoader({ scripting: s.port, files: [CONTROLS_SCRIPT], log: new FakeLog() });
    const a = load({}, FRAME);
    const b = load({}, FRAME);
    const other = load({}, { ...FRAME, tab: { ...FRAME.tab, id: 8 } });
    expect(s.calls).toHaveLength(2);
    s.finish();
    await Promise.all([a, b, other]);
    const again = load({}, FRAME);
    s.finish();
    await again;
    expect(s.calls.map((c) => c.target.tabId)).toEqual([7, 8, 7]);
  });

  it('refuses a sender without a tab or a frame, injecting nothing', async () => {
    const s = fakeScripting();
    const load = createControlsLoader({ scripting: s.port, files: [CONTROLS_SCRIPT], log: new FakeLog() });
    for (const sender of [undefined, { ...GMAIL_TAB }, { ...FRAME, frameId: undefined }, { ...FRAME, frameId: -1 }, { ...FRAME, tab: { url: GMAIL_TAB.tab!.url } }, { ...FRAME, frameId: 1.5 }]) {
      await expect(load({}, sender)).rejects.toThrow('needs a sending tab and frame');
    }
    expect(s.calls).toEqual([]);
    expect(frameOf({ ...FRAME, documentId: '' })).toEqual({ tabId: 7, frameId: 0 });
  });

  it('a failed injection is logged with its reason and answered as an error the tab can report', async () => {
    const s = fakeScripting('Frame with ID 0 was removed.');
    const log = new FakeLog();
    const load = createControlsLoader({ scripting: s.port, files: [CONTROLS_SCRIPT], log });
    const done = load({}, FRAME);
    s.finish();
    await expect(done).rejects.toThrow('the Gmail controls could not be injected: Frame with ID 0 was removed.');
    expect(JSON.stringify(log)).toContain('Frame with ID 0 was removed.');
  });

  it('through the router: a Gmail frame gets { ok: true }, a failure { ok: false } with the reason, nothing throws', async () => {
    const s = fakeScripting('No tab with id: 7');
    const log = new FakeLog();
    const handlers = { 'controls.load': createControlsLoader({ scripting: s.port, files: [CONTROLS_SCRIPT], log }) } as unknown as Handlers;
    const route = createRouter({ handlers, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, log });
    const reply = route(envelope('controls.load', {}), FRAME);
    s.finish();
    expect(await reply).toEqual({ ok: false, error: { code: 'invalid-request', message: 'the Gmail controls could not be injected: No tab with id: 7' } });
    expect(await route(envelope('controls.load', {}), { id: EXTENSION_ID, url: 'https://example.com/', tab: { id: 1, url: 'https://example.com/' }, frameId: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(s.calls).toHaveLength(1);
  });

  it('without a scripting API the request fails clearly', async () => {
    const load = createControlsLoader({ files: [CONTROLS_SCRIPT], log: new FakeLog() });
    await expect(load({}, FRAME)).rejects.toThrow('cannot inject');
  });
});
