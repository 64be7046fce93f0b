/**
 * Entry bundled (vite lib mode, IIFE) by scripts/bench-content.mjs and loaded
 * into headless Chromium: our observer strategy with the real watcher list
 * of startGmailIntegration (src/content/controller/page.ts), and the naive
 * baseline it is measured against. Not part of the extension.
 */
import { watchAdded, type Watcher } from '../../src/content/controller/added-elements';
import { WATCH_SELECTORS } from '../../src/content/controller/watch-selectors';

/** The selectors page.ts passes to watchAdded, from the same module it uses. */
export { WATCH_SELECTORS };
export { watchAdded };

/**
 * Baseline: on every mutation callback, querySelectorAll each selector over
 * the whole document and report what a Set has not seen yet (the approach
 * of scripts that rescan the page).
 */
export function watchNaive(
  root: Document,
  watchers: readonly Watcher[],
  MutationObserverImpl: typeof MutationObserver = MutationObserver,
): () => void {
  const seen = watchers.map(() => new Set<Element>());
  const scan = () => {
    watchers.forEach((watcher, i) => {
      const known = seen[i]!;
      const found: Element[] = [];
      root.querySelectorAll(watcher.selector).forEach((el) => {
        if (!known.has(el)) {
          known.add(el);
          found.push(el);
        }
      });
      if (found.length > 0) watcher.onFound(found);
    });
  };
  const observer = new MutationObserverImpl(scan);
  observer.observe(root, { childList: true, subtree: true });
  scan();
  return () => observer.disconnect();
}
