/**
 * Notices the user choosing Gmail's "Schedule send" for a compose.
 *
 * The item sits in the menu of the more-send arrow beside Send; in the
 * captured markup that menu lives inside the compose, but Gmail may render
 * menus at the end of the page, so the compose whose arrow was pressed last
 * stands in when the item has no compose around it. One listener per event
 * type on the document, capture phase, doing a `closest` check; it stops an
 * event only to hold back the choice for a compose whose reminder time has
 * passed, exactly as a held Send.
 */
import { composeParts } from '../gmail/compose';
import { MORE_SEND_ARROW, SCHEDULE_SEND_ITEM } from '../gmail/selectors';
import type { SentMessage } from '../gmail/sync-response';
import type { SendSnapshot, SendTracker } from './send-tracker';

/** Gmail's schedule dialog (a custom date and time) can take a while before the request leaves. */
const SCHEDULE_WAIT_MS = 15 * 60_000;
/** After a scheduled compose has closed, its request has this long to be recognised. */
const GONE_GRACE_MS = 60_000;
/** A message time this far past the press is a time in the future: when a scheduled send goes out. */
const FUTURE_MS = 60_000;

/** When a scheduled message goes out: the time it carries beyond the moment the user chose Schedule send, if any. */
export function scheduledTimeOf(sent: SentMessage | undefined, pressedAt: number): number | undefined {
  return sent?.latestTime !== undefined && sent.latestTime > pressedAt + FUTURE_MS ? sent.latestTime : undefined;
}

/**
 * Waits for the request of a scheduled send of `root`: up to the schedule wait, but no longer than a grace period
 * once the compose has closed. Undefined when none was recognised or `signal` aborted.
 */
export async function expectScheduled(tracker: SendTracker, doc: Document, root: Element, snapshot: SendSnapshot, signal: AbortSignal): Promise<SentMessage | undefined> {
  const gone = abortWhenGone(doc, root, GONE_GRACE_MS);
  const wait = new AbortController();
  for (const s of [signal, gone.signal]) s.addEventListener('abort', () => wait.abort(), { once: true });
  try {
    return await tracker.expect(snapshot, wait.signal, SCHEDULE_WAIT_MS);
  } finally {
    gone.stop();
  }
}

/** The same choice arrives as mouseup and click (and keys): one report per compose within this window. */
const SAME_CHOICE_MS = 2_000;

export interface ScheduleSendHooks {
  now(): number;
  /** "Schedule send" was chosen for the compose at `root` (once per choice). */
  onChosen(root: Element): void;
  /** Why this compose may not be scheduled now (its reminder time has passed), or null. */
  holdReason(root: Element): string | null;
  onHeld(root: Element, reason: string): void;
  warn(what: string, error: unknown): void;
}

export function watchScheduleSend(doc: Document, hooks: ScheduleSendHooks): () => void {
  let menuOf: Element | undefined;
  /** The pointer gesture on the item in progress was held back (decided on its mousedown). */
  let held = false;
  const last = new WeakMap<Element, number>();

  const report = (root: Element) => {
    const t = hooks.now();
    if (t - (last.get(root) ?? -Infinity) < SAME_CHOICE_MS) return;
    last.set(root, t);
    hooks.onChosen(root);
  };

  const block = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  /** Held back like Send itself: the choice never reaches Gmail's menu, and the compose says why. */
  const holds = (e: Event, root: Element): boolean => {
    let reason: string | null = null;
    try {
      reason = hooks.holdReason(root);
    } catch (error) {
      hooks.warn('schedule send check failed', error);
    }
    if (reason === null) return false;
    block(e);
    hooks.onHeld(root, reason);
    return true;
  };

  const onEvent = (e: Event) => {
    try {
      const target = e.target instanceof Element ? e.target : null;
      if (!target) return;
      if (e.type === 'mousedown') {
        const arrow = target.closest(MORE_SEND_ARROW);
        if (arrow) menuOf = composeParts(arrow)?.root;
      }
      if (e instanceof KeyboardEvent && e.key !== 'Enter' && e.key !== ' ') return;
      const item = target.closest(SCHEDULE_SEND_ITEM);
      if (!item) return;
      const root = composeParts(item)?.root ?? (menuOf?.isConnected ? menuOf : undefined);
      if (!root) return;
      switch (e.type) {
        case 'mousedown':
          held = holds(e, root);
          return;
        case 'mouseup':
          return held ? block(e) : report(root);
        case 'click':
          if (held) {
            held = false;
            return block(e);
          }
          return report(root);
        case 'keydown':
          if (!holds(e, root)) report(root);
          return;
        case 'keyup':
          if (hooks.holdReason(root) !== null) block(e);
          return;
      }
    } catch (error) {
      hooks.warn('schedule send check failed', error);
    }
  };

  const types = ['mousedown', 'mouseup', 'click', 'keydown', 'keyup'] as const;
  for (const type of types) doc.addEventListener(type, onEvent, true);
  return () => {
    for (const type of types) doc.removeEventListener(type, onEvent, true);
  };
}

/**
 * Aborts `grace` ms after `root` has left the page (Gmail closes a compose
 * once it is scheduled): a scheduled send whose request we did not recognise
 * is reported then, not after the whole schedule wait. The observer lives only
 * while a scheduled send is awaited and only asks `isConnected`.
 */
export function abortWhenGone(doc: Document, root: Element, graceMs: number): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (root.isConnected || timer !== undefined) return;
    observer.disconnect();
    timer = setTimeout(() => controller.abort(), graceMs);
  };
  observer.observe(doc.body, { childList: true, subtree: true });
  check();
  return {
    signal: controller.signal,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
