import { safely } from '../safely';

export interface Watcher {
  selector: string;
  onFound(elements: Element[]): void;
}

/**
 * Watches a Gmail page for elements matching each watcher's selector as
 * they appear.
 *
 * Cost is proportional to what was added: each mutation batch looks only at
 * the added subtrees (one `matches` + one `querySelectorAll` per added
 * top-level element and watcher), never rescans the document, and never
 * reads layout. Each element is reported once per watcher (WeakSets, so
 * nodes Gmail removes are collected with its DOM).
 */
export function watchAdded(
  root: Node & ParentNode,
  watchers: readonly Watcher[],
  MutationObserverImpl: typeof MutationObserver = MutationObserver,
): () => void {
  const seen = watchers.map(() => new WeakSet<Element>());

  const scan = (tops: Iterable<Element>) => {
    watchers.forEach((watcher, i) => {
      const known = seen[i]!;
      const found: Element[] = [];
      const take = (el: Element) => {
        if (!known.has(el)) {
          known.add(el);
          found.push(el);
        }
      };
      for (const top of tops) {
        if (top.matches(watcher.selector)) take(top);
        top.querySelectorAll(watcher.selector).forEach(take);
      }
      // One watcher failing must not starve the others of this batch.
      if (found.length > 0) safely(() => watcher.onFound(found));
    });
  };

  const observer = new MutationObserverImpl((records) => {
    const added = new Set<Element>();
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) added.add(node as Element);
    }
    // Nested additions are covered by their added ancestor's querySelectorAll;
    // nodes already removed again (Gmail's scratch nodes) are skipped.
    const tops = [...added].filter((el) => el.isConnected && !hasAncestorIn(el, added));
    if (tops.length > 0) scan(tops);
  });
  observer.observe(root, { childList: true, subtree: true });

  const start = root instanceof Element ? root : (root as Document).documentElement;
  if (start) scan([start]);
  return () => observer.disconnect();
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}
