/**
 * What runs in every Gmail page from load (the manifest's isolated-world
 * script): the one observer, the page-world bridge, the tab's account and
 * the background's navigation commands — and nothing that draws. The
 * controls (Preact, picker, compose and thread controllers, styles) are
 * loaded on first need: a usable compose or an open thread appears, a
 * keyboard command arrives, or a replaced script left sends on the page —
 * and fetched ahead of it on the user's first press or key, or at once when
 * the page's address opens a compose (gmail/compose-url.ts).
 * The background injects them into this frame's isolated world
 * (`controls.load`); they hand their start to this bootstrap (handoff.ts),
 * which lends them its observer, its bridge with what it heard before, and
 * its health report.
 *
 * When they take longer than a moment, a compose shows a placeholder button
 * meanwhile (placeholder.ts) that the real control replaces, taking over a
 * press or the focus on it.
 *
 * Nothing is lost while they load: the account and recent send responses
 * are replayed (bridge-buffer.ts), a compose's armed choice and a
 * replaced script's sends live on the page (armed-store.ts,
 * send-handover.ts) until the controls read them, and a keyboard command is
 * held until they run. A load that fails is reported in the tab's health
 * (the options page's diagnostics) and retried; it never throws into Gmail.
 */
import { armCommand, isContentCommand } from '../../core/protocol/content-commands';
import { isExtensionGone } from '../../core/protocol/gone';
import { createAccountSource } from '../controller/account';
import { createAccountReporter } from '../controller/account-reports';
import { watchAdded, type Watcher } from '../controller/added-elements';
import type { ContentDeps } from '../controller/deps';
import { createHealth, type Health } from '../controller/health';
import { answerNavigation } from '../controller/navigation-commands';
import { HANDOVER_ATTR, SENDS_LEFT_EVENT } from '../controller/send-handover';
import { COMPOSE_PARTS, THREAD_OPEN, WATCH_SELECTORS } from '../controller/watch-selectors';
import { composeParts, type ComposeParts } from '../gmail/compose';
import { opensCompose } from '../gmail/compose-url';
import { listenToPageEnvelopes } from '../gmail/page-envelope';
import { safely } from '../safely';
import { createBridgeBuffer } from './bridge-buffer';
import { createPlaceholders, type Handed } from './placeholder';
import { CONTROLS_HOST, CONTROLS_PROTOCOL, type StartControls } from './handoff';

/** How long a compose waits for the controls before it shows the placeholder (well within the 100 ms a control may take). */
const PLACEHOLDER_AFTER_MS = 50;
/** What a person does just before a thread or a compose opens. */
const PREFETCH_EVENTS = ['pointerdown', 'keydown'] as const;
/** After a failed load: the next tries, then only a new need (a compose or thread appearing) tries again. */
const RETRY_MS = [2_000, 10_000, 60_000];

export interface BootstrapOptions {
  /** This script's global object (the isolated world's `globalThis`): where the controls find us. */
  world: object;
  /** Registers the background-command handler (content-runtime's onBackgroundMessage). */
  onCommand?(fn: (message: unknown) => unknown): void;
  /** Test seam: the health report (default: one reporting through deps.request). */
  health?: Health;
  /** Test seam: whether an event is the user's own (default: `isTrusted`; a page's synthetic events do not count). */
  trusted?(event: Event): boolean;
}

export function startBootstrap(deps: ContentDeps, options: BootstrapOptions): () => void {
  const world = options.world as Record<symbol, unknown>;
  const accounts = createAccountSource(deps.doc);
  const health = options.health ?? createHealth(deps.request, () => accounts.current());
  const reportAccount = createAccountReporter(deps);
  const buffer = createBridgeBuffer(deps.now);
  const placeholders = createPlaceholders(deps, () => need());

  let stopped = false;
  let wanted = false;
  let loading = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let offered: StartControls | undefined;
  let stopControls: (() => void) | undefined;
  let controlWatchers: readonly Watcher[] | undefined;
  let controlCommand: ((message: unknown) => unknown) | undefined;
  let armPending = false;
  const extraWatches: (() => void)[] = [];
  const waitingComposes = new Set<ComposeParts>();
  let placeTimer: ReturnType<typeof setTimeout> | undefined;

  const stopBridge = listenToPageEnvelopes(deps.win, {
    onSyncSend: buffer.handlers.onSyncSend,
    onAccount(email, ik) {
      accounts.setFromPage(email);
      reportAccount(email, ik);
      buffer.handlers.onAccount(email, ik);
    },
  });

  const accept = (start: StartControls, protocol: number) => {
    if (stopped || stopControls || protocol !== CONTROLS_PROTOCOL) return;
    offered = start;
    // Injected without being asked (not done by this background, which injects on request only): kept until needed.
    if (wanted) startControls();
  };
  world[CONTROLS_HOST] = accept;

  function startControls(): void {
    const start = offered;
    if (!start || stopControls || stopped) return;
    offered = undefined;
    clearTimeout(retryTimer);
    // Removed in the same task as the real controls are put in (no frame between: nothing flickers).
    const handed = dropPlaceholders();
    try {
      stopControls = start({
        deps,
        health,
        onCommand: (fn) => (controlCommand = fn),
        watch,
        listenEnvelopes: (handlers) => buffer.attach(handlers),
      });
    } catch (error) {
      stopControls = () => {};
      health.set('composeButton', 'missing', 'controls failed to start');
      deps.warnOnce('controls failed to start', error);
      return;
    }
    handOver(handed);
    if (armPending && controlCommand) {
      armPending = false;
      forward(armCommand());
    }
  }

  /**
   * Controls still on their way a moment after a compose appeared (a stopped worker to wake, a busy machine): the
   * compose shows the placeholder button then. Usually they arrive first and the real control is the only one shown.
   */
  function placeLater(parts: ComposeParts): void {
    waitingComposes.add(parts);
    placeTimer ??= setTimeout(() => {
      placeTimer = undefined;
      if (!stopControls && !stopped) for (const p of waitingComposes) if (p.root.isConnected) placeholders.show(p);
      waitingComposes.clear();
    }, PLACEHOLDER_AFTER_MS);
  }

  function dropPlaceholders(): Handed {
    clearTimeout(placeTimer);
    placeTimer = undefined;
    waitingComposes.clear();
    return placeholders.removeAll();
  }

  /** What the user did to a placeholder, done to the real control: a press opens its picker, the focus moves to it. */
  function handOver({ pressed, focused }: Handed): void {
    const button = (root: Element) => composeParts(root)?.sendRow.querySelector('follow-through-control')?.shadowRoot?.querySelector<HTMLButtonElement>('button.btn');
    safely(() => pressed.forEach((root) => button(root)?.click()));
    if (focused && !pressed.includes(focused)) safely(() => button(focused)?.focus());
  }

  /** The controls' watchers: what is on the page now, then what the one observer finds. */
  function watch(watchers: readonly Watcher[]): () => void {
    controlWatchers = watchers;
    for (const watcher of watchers) {
      if (!WATCH_SELECTORS.includes(watcher.selector)) {
        // Not one the bootstrap watches for: an observer of its own (none today).
        extraWatches.push(watchAdded(deps.doc, [watcher]));
        continue;
      }
      const found = [...deps.doc.querySelectorAll(watcher.selector)];
      if (found.length > 0) safely(() => watcher.onFound(found));
    }
    return () => {
      if (controlWatchers === watchers) controlWatchers = undefined;
    };
  }

  /** The controls are needed now: started at once when they are here already, else as soon as they arrive. */
  function need(): void {
    wanted = true;
    if (offered) startControls();
    else load();
  }

  /** Asks the background to inject the controls (once at a time; not again once they are here). */
  function load(): void {
    if (stopped || stopControls || offered || loading) return;
    loading = true;
    deps.request('controls.load', {}).then(
      () => {
        loading = false;
        // Injected, but nothing offered itself: a script that failed before the hand-over.
        if (!stopControls && !offered && !stopped) failed(new Error('the controls script did not start'));
      },
      (error: unknown) => {
        loading = false;
        if (stopped) return;
        // An orphan (updated, disabled, removed) can never load them: its placeholders go, silently.
        if (isExtensionGone(error)) dropPlaceholders();
        else failed(error);
      },
    );
  }

  function failed(error: unknown): void {
    // No button that does nothing: the compose goes without until a retry brings the controls.
    dropPlaceholders();
    health.set('composeButton', 'missing', 'controls not loaded');
    deps.warnOnce('controls not loaded', error);
    const wait = RETRY_MS[failures++];
    if (wait !== undefined) retryTimer = setTimeout(load, wait);
  }

  // The user's first press or key in the page: a thread or a compose is likely to open next (a person's click is held
  // for ~100 ms, Gmail then builds the view). The controls are fetched now and started when needed; a tab nobody
  // touches (a pinned or background Gmail) never loads them.
  const prefetch = (event: Event) => {
    if (!(options.trusted ? options.trusted(event) : event.isTrusted)) return;
    for (const type of PREFETCH_EVENTS) deps.doc.removeEventListener(type, prefetch, true);
    load();
  };
  for (const type of PREFETCH_EVENTS) deps.doc.addEventListener(type, prefetch, { capture: true, passive: true });

  // The extension's message catalog reaches a page with its first translated string, through a synchronous request to
  // the browser (Chrome: once per page). Asked for while the page is idle, it is not paid by the first control drawn —
  // the placeholder or the real one — when the browser may be busy waking the worker (measured: 6 ms of the page's
  // thread in the controls' first render on a busy 2-core machine).
  const warmCatalog = () => stopped || safely(() => deps.t('remindButton'));
  const idle = (deps.win as { requestIdleCallback?: (fn: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle.call(deps.win, warmCatalog, { timeout: 2_000 });
  else setTimeout(warmCatalog, 0);

  // A page whose address opens a compose (a pop-out or compose-link window, a reload with composes open, Back to one):
  // fetched now, while Gmail still builds it, so that a stopped worker is awake and the controls are here by then.
  const composeAhead = () => {
    if (opensCompose(deps.win.location.href)) load();
  };
  composeAhead();
  deps.win.addEventListener('hashchange', composeAhead);

  const stopWatching = watchAdded(
    deps.doc,
    WATCH_SELECTORS.map((selector) => ({
      selector,
      onFound(elements: Element[]) {
        if (controlWatchers) {
          for (const w of controlWatchers) if (w.selector === selector) safely(() => w.onFound(elements));
          return;
        }
        for (const el of elements) {
          // A usable compose (the compose controller's own definition) or an open thread; list views need nothing.
          const parts = el.matches(COMPOSE_PARTS) ? composeParts(el) : undefined;
          if (parts || el.matches(THREAD_OPEN)) need();
          if (parts && !stopControls) placeLater(parts);
        }
      },
    })),
  );

  // A replaced script's sends, left now or later: only the controls can store them.
  const onSendsLeft = () => need();
  deps.doc.addEventListener(SENDS_LEFT_EVENT, onSendsLeft);
  if (deps.doc.documentElement?.hasAttribute(HANDOVER_ATTR)) need();

  options.onCommand?.((message) => {
    if (stopped) return undefined;
    if (controlCommand) return forward(message);
    if (isContentCommand(message)) {
      armPending = true;
      need();
      return undefined;
    }
    return answerNavigation(message, accounts, deps.win);
  });

  function forward(message: unknown): unknown {
    try {
      return controlCommand?.(message);
    } catch (error) {
      deps.warnOnce('command failed', error);
      return undefined;
    }
  }

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    if (world[CONTROLS_HOST] === accept) delete world[CONTROLS_HOST];
    stopBridge();
    stopWatching();
    extraWatches.forEach((stop) => stop());
    deps.doc.removeEventListener(SENDS_LEFT_EVENT, onSendsLeft);
    for (const type of PREFETCH_EVENTS) deps.doc.removeEventListener(type, prefetch, true);
    deps.win.removeEventListener('hashchange', composeAhead);
    dropPlaceholders();
    try {
      stopControls?.();
    } catch {
      // whatever is left must not reach Gmail
    }
  };
}
