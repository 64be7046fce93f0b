/**
 * Entry bundled (vite lib mode, IIFE) by scripts/bench/controls-cost.mjs and
 * loaded into headless Chromium: the real bootstrap (boot/bootstrap.ts) and
 * the real controls (controls.ts), started as in a Gmail tab, with a
 * background that answers in the page (no extension APIs). Not part of the
 * extension.
 *
 * `bootstrap`: the bootstrap alone — the controls are asked for and never
 * arrive (what every Gmail tab runs until a compose or thread needs them).
 * `controls`: the same, and the controls arrive at once (as the background
 * injects them into the asking frame) and start: thread control, compose
 * button, their observers and timers.
 */
import { startBootstrap } from '../../src/content/boot/bootstrap';
import { offerControls } from '../../src/content/boot/handoff';
import { startControls } from '../../src/content/controls';
import { onceLogger, settingsCache, type ContentDeps } from '../../src/content/controller/deps';
import { createClient } from '../../src/core/protocol/client';
import { defaultSettings } from '../../src/core/settings';

/** The page builder of the observer bench reads these (observer-page.mjs's benchSetup). */
export { WATCH_SELECTORS } from '../../src/content/controller/watch-selectors';

export type Strategy = 'bootstrap' | 'controls';

interface Envelope {
  type: string;
  payload: unknown;
}

export function start(strategy: Strategy, stats: { requests: Record<string, number> }): () => void {
  // A world of its own per start: the bootstrap and the controls meet on it, as in an isolated world.
  const world = {};
  const settings = defaultSettings('UTC');
  const answer = (type: string): Promise<unknown> => {
    switch (type) {
      case 'controls.load':
        // The background injects the controls script, which offers itself to this world's bootstrap.
        if (strategy === 'controls') queueMicrotask(() => offerControls(world, startControls));
        return strategy === 'controls' ? Promise.resolve({ injected: true }) : new Promise(() => {});
      case 'settings.get':
        return Promise.resolve({ settings });
      case 'reminder.getByThread':
        return Promise.resolve({ reminder: null });
      case 'integration.report':
      case 'account.seen':
        return Promise.resolve({ stored: true });
      default:
        return Promise.reject(new Error(`bench background: no answer for ${type}`));
    }
  };
  const send = async (raw: unknown) => {
    const { type } = raw as Envelope;
    stats.requests[type] = (stats.requests[type] ?? 0) + 1;
    try {
      return { ok: true, data: await answer(type) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  };
  const request = createClient(send);
  const deps: ContentDeps = {
    doc: document,
    win: window,
    request,
    t: (key) => key,
    lang: 'en',
    locale: 'en-GB',
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    settings: settingsCache(request, () => Date.now()),
    warnOnce: onceLogger((message, detail) => console.warn(message, detail)),
  };
  return startBootstrap(deps, { world, trusted: () => true });
}
