/**
 * Windowing for the checklist: every item (row or section heading) has the
 * same height, so the visible slice is arithmetic and thousands of rows cost
 * no more than a screenful.
 */

/** Fixed height of every item in the list, in CSS pixels (popup.css uses the same number). */
export const ROW_HEIGHT = 56;
/**
 * Extra items rendered beyond the viewport: more ahead in the direction of scrolling (the compositor may
 * scroll a frame or two before the page re-renders), one behind. Every extra item is laid out and painted
 * on each scroll step, so no more than that.
 */
export const OVERSCAN_AHEAD = 6;
export const OVERSCAN_BEHIND = 1;
/**
 * Items rendered ahead once the list scrolls in steps (a wheel, a trackpad, arrow keys): a window that reaches
 * this far is drawn once and then scrolled by the compositor for several steps without any DOM work, so the
 * fixed cost of a draw (style, layout, paint and commit of a frame) is paid once per this many rows instead
 * of every step or two. Not more: the rows are built in the frame that needs them, so a wider reach makes that frame
 * longer (24 rows measured the same CPU time over a wheel scroll as 16, with a slowest step a quarter longer).
 */
export const SCROLL_AHEAD = 16;
/** The list's tallest viewport; shorter lists shrink to fit. */
export const MAX_VIEWPORT = 448;

export interface Range {
  /** First item index to render (inclusive). */
  start: number;
  /** One past the last item index to render. */
  end: number;
}

/**
 * Items `[start, end)` that intersect the viewport, widened by `overscan` above and `below` (default the same)
 * under it, clamped to `[0, count)`.
 */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number, below = overscan): Range {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const height = Math.max(0, Number.isFinite(viewport) ? viewport : 0);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count, Math.ceil((top + height) / rowHeight));
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + below) };
}

/**
 * The window for a scroll position, the direction the list last moved in (`1` down, `-1` up) and the window
 * rendered before. After a jump — the viewport now shares no item with the last window (the scrollbar dragged,
 * End, a far PageDown) — nothing is rendered ahead or behind: the list moved further in one frame than any overscan
 * reaches, so rows ahead would be laid out and painted for nothing; the next step in the same direction adds them,
 * SCROLL_AHEAD of them. The first window (nothing rendered before) reaches OVERSCAN_AHEAD: it is drawn before
 * the popup shows anything, and most popups are opened to be read, not scrolled.
 */
export function windowRange(scrollTop: number, viewport: number, rowHeight: number, count: number, direction: 1 | -1, last?: Range): Range {
  const seen = visibleRange(scrollTop, viewport, rowHeight, count, 0);
  const jumped = last !== undefined && last.end > last.start && (seen.start >= last.end || seen.end <= last.start);
  const first = last === undefined || last.end <= last.start;
  const ahead = first ? OVERSCAN_AHEAD : jumped ? 0 : SCROLL_AHEAD;
  // Nor behind: a jump leaves nothing behind it that was on screen.
  const behind = jumped ? 0 : OVERSCAN_BEHIND;
  const [above, below] = direction < 0 ? [ahead, behind] : [behind, ahead];
  return visibleRange(scrollTop, viewport, rowHeight, count, above, below);
}

/** Rows the window must still reach beyond the viewport, in the direction of scrolling, to be kept as it is. */
export const KEEP_AHEAD = 2;

/**
 * The window to render: the current one while it still covers the viewport and KEEP_AHEAD rows beyond it in
 * the direction of scrolling (then a scroll step renders nothing: the browser only scrolls rows already
 * there), else a new one from windowRange. A wheel step of two rows re-renders every other step, four rows at
 * a time, instead of two rows every step: the same rows, half the renders, each with its fixed cost.
 */
export function nextWindow(current: Range | undefined, scrollTop: number, viewport: number, rowHeight: number, count: number, direction: 1 | -1): Range {
  if (current && current.end <= count && current.start < current.end) {
    const seen = visibleRange(scrollTop, viewport, rowHeight, count, 0);
    const need = visibleRange(scrollTop, viewport, rowHeight, count, direction < 0 ? KEEP_AHEAD : 0, direction > 0 ? KEEP_AHEAD : 0);
    if (seen.end > seen.start && current.start <= need.start && current.end >= need.end) return current;
  }
  return windowRange(scrollTop, viewport, rowHeight, count, direction, current);
}

/**
 * Keys for the items of a new window, given the keys the last render used (item id → key, in DOM order).
 * An item still shown keeps its key, so its element stays and a memoised row is not rendered again. An item
 * coming into view re-uses the element of one that left (re-filled, not built) only where that keeps the DOM
 * order, so no element has to move: a moved element is taken out of the document and put back, and the engine
 * then styles and lays it out anew, which costs more than building a row (Preact moves about half of a window's
 * elements to rotate it). So on a jump, where every item is new, every element is re-filled in place; on a
 * step of a few rows, the rows coming in are new elements and those leaving are removed. Keys are per kind
 * (the text before ':'): a row is never re-filled into a heading.
 */
export function assignKeys(
  previous: ReadonlyMap<string, string>,
  next: readonly { id: string; kind: string }[],
  newKey: (kind: string) => string,
): Map<string, string> {
  const old = [...previous];
  const oldPos = new Map(old.map(([id], i) => [id, i]));
  const staying = new Set(next.filter((n) => oldPos.has(n.id)).map((n) => n.id));
  // For each item, the DOM position of the next item that keeps its element: re-used keys must lie before it.
  const bound = new Array<number>(next.length + 1);
  bound[next.length] = old.length;
  for (let i = next.length - 1; i >= 0; i--) bound[i] = oldPos.get(next[i]!.id) ?? bound[i + 1]!;
  const keys = new Map<string, string>();
  let cursor = 0;
  next.forEach(({ id, kind }, i) => {
    const kept = oldPos.get(id);
    if (kept !== undefined) {
      keys.set(id, old[kept]![1]);
      cursor = kept + 1;
      return;
    }
    let key: string | undefined;
    for (; cursor < bound[i + 1]! && key === undefined; cursor++) {
      const [oldId, oldKey] = old[cursor]!;
      if (!staying.has(oldId) && oldKey.slice(0, oldKey.indexOf(':')) === kind) key = oldKey;
    }
    keys.set(id, key ?? newKey(kind));
  });
  return keys;
}

/** The scrollTop that brings item `index` fully into view, changing it as little as possible. */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}
