/**
 * One live Gmail integration per tab, across updates.
 *
 * When the extension is updated (or installed) with Gmail open, the
 * background injects the new scripts into the tab while the old version's
 * isolated script keeps running, orphaned: its runtime is gone and every
 * call to the background fails. So:
 *  - the new instance first announces itself with a DOM event on the
 *    document (events cross isolated worlds); an orphan hearing it removes
 *    its controls, observers and listeners. A live instance ignores it, so
 *    a page that forges the event changes nothing.
 *  - leftovers no script owns any more (a browser that discarded the old
 *    script without letting it clean up) are swept before the new one starts.
 *  - an orphan that nobody replaces (the extension was disabled or removed)
 *    notices when the tab is shown again, on the user's next press or
 *    focus in the page (before the press reaches a control), or on a failed
 *    call, and steps aside the same way, silently. Events, not a second
 *    MutationObserver: Gmail's DOM churn should not pay for a rare case.
 *  - a second copy in the same world (the manifest injection and ours racing
 *    on a tab that was loading during the install) does not start at all.
 */

import { removeAll, removeOwned } from './ui/owned';

export const TAKEOVER_EVENT = 'follow-through:takeover';
const INSTANCE = Symbol.for('follow-through.gmail-instance');
/** Moments a user could meet a stale control: the liveness check runs there (capture phase, before the control sees them). */
const CHECK_EVENTS = ['visibilitychange', 'pointerdown', 'keydown', 'focusin'] as const;

interface Instance {
  alive(): boolean;
  stop(): void;
}

export interface LifecycleDeps {
  doc: Document;
  /** This script's global object (the isolated world's `globalThis`). */
  world: object;
  /** Whether this script's extension context still exists. */
  alive(): boolean;
  /** Registers a callback for "a call found the context gone". */
  onGone?(fn: () => void): void;
}

/**
 * Starts `start()` unless a live copy already runs in this world. Returns
 * the teardown (also run by the lifecycle itself once orphaned), or
 * undefined when this copy did not start.
 */
export function startOnce(deps: LifecycleDeps, start: () => () => void): (() => void) | undefined {
  const world = deps.world as Record<symbol, Instance | undefined>;
  const previous = world[INSTANCE];
  if (previous?.alive()) return undefined;

  // Synchronous: every orphan has cleaned up before we put anything on the page.
  deps.doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
  previous?.stop();
  removeAll(deps.doc);

  let stopped = false;
  let stopIntegration: () => void = () => {};
  const check = () => {
    if (!deps.alive()) stop();
  };

  function stop(): void {
    if (stopped) return;
    stopped = true;
    deps.doc.removeEventListener(TAKEOVER_EVENT, check);
    for (const type of CHECK_EVENTS) deps.doc.removeEventListener(type, check, true);
    if (world[INSTANCE] === self) delete world[INSTANCE];
    try {
      stopIntegration();
    } catch {
      // whatever is left must not reach Gmail
    }
    removeOwned(deps.doc);
  }
  const self: Instance = { alive: deps.alive, stop };
  world[INSTANCE] = self;

  stopIntegration = start();
  deps.doc.addEventListener(TAKEOVER_EVENT, check);
  for (const type of CHECK_EVENTS) deps.doc.addEventListener(type, check, { capture: true, passive: true });
  deps.onGone?.(stop);
  return stop;
}
