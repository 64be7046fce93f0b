/**
 * The contract between the bootstrap (content/index.ts, in every Gmail page
 * from load) and the controls script (content/controls.ts, injected into the
 * same isolated world by the background on first need). Both are built from
 * the same source into the same package, so they always meet at the same
 * version; the number below still lets a mismatched pair refuse each other
 * instead of failing halfway.
 *
 * They meet on the isolated world's global object under a registry symbol:
 * Gmail's page scripts run in another world and cannot see or forge it.
 */
import type { Watcher } from '../controller/added-elements';
import type { ContentDeps } from '../controller/deps';
import type { Health } from '../controller/health';
import type { EnvelopeHandlers } from '../gmail/page-envelope';

export const CONTROLS_HOST = Symbol.for('follow-through.controls-host');
export const CONTROLS_PROTOCOL = 1;

/** What the bootstrap lends the controls: everything that started with the page. */
export interface ControlsHost {
  deps: ContentDeps;
  /** The background's commands: the controls answer them from now on. */
  onCommand(fn: (message: unknown) => unknown): void;
  /** The bootstrap's one observer: `watchers` hear what is on the page now, then what is added. */
  watch(watchers: readonly Watcher[]): () => void;
  /** The page-world hook's envelopes: what arrived before the controls first (the account, recent sends), then live. */
  listenEnvelopes(handlers: EnvelopeHandlers): () => void;
  health: Health;
}

/** Starts the controls; returns their stop (which also removes what they rendered). */
export type StartControls = (host: ControlsHost) => () => void;

export type AcceptControls = (start: StartControls, protocol: number) => void;

/** Called by the controls script: hands its start to the live bootstrap of this world. False when there is none. */
export function offerControls(world: object, start: StartControls): boolean {
  const accept = (world as Record<symbol, unknown>)[CONTROLS_HOST];
  if (typeof accept !== 'function') return false;
  (accept as AcceptControls)(start, CONTROLS_PROTOCOL);
  return true;
}
