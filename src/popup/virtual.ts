/**
 * Windowing for the checklist: every item (row or section heading) has the
 * same height, so the visible slice is arithmetic and thousands of rows cost
 * no more than a screenful.
 */

/** Fixed height of every item in the list, in CSS pixels (popup.css uses the same number). */
export const ROW_HEIGHT = 56;
/** Extra items rendered above and below the viewport, so fast scrolling never shows a gap. */
export const OVERSCAN = 6;
/** The list's tallest viewport; shorter lists shrink to fit. */
export const MAX_VIEWPORT = 448;

export interface Range {
  /** First item index to render (inclusive). */
  start: number;
  /** One past the last item index to render. */
  end: number;
}

/** Items `[start, end)` that intersect the viewport, widened by `overscan` on each side and clamped to `[0, count)`. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number): Range {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  const height = Math.max(0, Number.isFinite(viewport) ? viewport : 0);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count, Math.ceil((top + height) / rowHeight));
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + overscan) };
}

/** The scrollTop that brings item `index` fully into view, changing it as little as possible. */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}
