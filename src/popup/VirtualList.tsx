import type { RefObject } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Reminder } from '../core/reminder';
import type { SectionId } from '../core/sections';
import { ListWindow, type WindowContext } from './list-window';
import { nearestRow, stepRow, type Item } from './model';
import { actionOf, type RowHandlers } from './row-dom';
import type { Env } from './types';
import { MAX_VIEWPORT, nextWindow, ROW_HEIGHT, scrollToShow, type Range } from './virtual';

export interface ListKeys extends RowHandlers {
  /** Space on a row. */
  toggleDoneKey(r: Reminder): void;
  /** Delete on a row. */
  removeKey(r: Reminder): void;
}

export interface VirtualListProps {
  items: readonly Item[];
  env: Env;
  activeId: string | undefined;
  setActive(id: string): void;
  selected: ReadonlySet<string>;
  showAccount: boolean;
  on: ListKeys;
  label: string;
  /** "Show more" at the end of a section the background sent only part of. */
  onShowMore(section: SectionId): void;
  /** Set by the list: moves focus to the active row (after a dialog, a removal, or from the search field). */
  focusRef: RefObject<(() => void) | null>;
}

const PAGE = Math.max(1, Math.floor(MAX_VIEWPORT / ROW_HEIGHT) - 1);

/**
 * The windowed list: a spacer as tall as every item and, positioned inside
 * it, only the items near the viewport — plus the active row, so focus never
 * falls out of the document while scrolling. Preact renders the frame; the
 * items are drawn by ListWindow, after each render and straight from the
 * scroll event (no render per scroll step).
 */
export function VirtualList({ items, env, activeId, setActive, selected, showAccount, on, label, focusRef, onShowMore }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const win = useRef<ListWindow | null>(null);
  // Which way the list last moved: the window reaches further that way.
  const direction = useRef<1 | -1>(1);
  const lastTop = useRef(0);
  const noteTop = (top: number) => {
    if (top !== lastTop.current) direction.current = top > lastTop.current ? 1 : -1;
    lastTop.current = top;
  };
  const lastWindow = useRef<Range | undefined>(undefined);
  const wantFocus = useRef(false);
  // Focus is in the list (until the user takes it elsewhere): a row re-filled with another reminder loses it, and gets it back below.
  const focusInside = useRef(false);
  // Moving or asking for focus must re-render even when nothing else changed, so the layout effect below runs.
  const [, setTick] = useState(0);
  const viewport = Math.min(MAX_VIEWPORT, items.length * ROW_HEIGHT);

  const { indexById, positions, rowCount } = useMemo(() => {
    const indexById = new Map<string, number>();
    const positions = new Int32Array(items.length);
    let n = 0;
    items.forEach((it, i) => {
      if (it.kind === 'row') {
        indexById.set(it.reminder.id, i);
        positions[i] = ++n;
      }
    });
    return { indexById, positions, rowCount: n };
  }, [items]);

  const activeIndex = (activeId !== undefined ? indexById.get(activeId) : undefined) ?? nearestRow(items, 0);
  // A shorter list (after a filter) must not leave the window past its end.
  const maxTop = Math.max(0, items.length * ROW_HEIGHT - viewport);

  // What a draw needs, as of the last render: the scroll handler draws between renders.
  const latest = useRef<WindowContext & { items: readonly Item[]; viewport: number; maxTop: number }>(null!);
  latest.current = { items, env, activeIndex, selected, showAccount, positions, rowCount, viewport, maxTop };

  const windowAt = () => {
    const s = latest.current;
    return nextWindow(lastWindow.current, Math.min(lastTop.current, s.maxTop), s.viewport, ROW_HEIGHT, s.items.length, direction.current);
  };
  const draw = (range: Range) => {
    lastWindow.current = range;
    const s = latest.current;
    const { start, end } = range;
    const a = s.activeIndex;
    const activeOut = focusInside.current && a >= 0 && (a < start || a >= end);
    // In list order, the focused row included, so the DOM reads in the order the list shows.
    const shown: number[] = [];
    if (activeOut && a < start) shown.push(a);
    for (let i = start; i < end; i++) shown.push(i);
    if (activeOut && a >= end) shown.push(a);
    win.current ??= new ListWindow(spacer.current!);
    win.current.draw(shown, s.items, s);
  };
  // Focus follows the active reminder, not the element: an element is re-filled with another item once its
  // own leaves the window, so the focused element may come to show another reminder.
  const keepFocus = () => {
    const doc = scroller.current?.ownerDocument;
    const lost = focusInside.current && doc && (!doc.activeElement || doc.activeElement === doc.body);
    const item = latest.current.items[latest.current.activeIndex];
    const focusedId = focusInside.current ? doc?.activeElement?.closest<HTMLElement>('[data-id]')?.dataset.id : undefined;
    const shifted = focusedId !== undefined && item?.kind === 'row' && focusedId !== item.reminder.id;
    if (!wantFocus.current && !lost && !shifted) return;
    if (item?.kind !== 'row') return;
    wantFocus.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-id="${item.reminder.id}"]`)?.focus();
  };

  const scrollTo = (top: number) => {
    const el = scroller.current;
    if (el) el.scrollTop = top;
    noteTop(top);
    setTick((n) => n + 1);
  };
  const move = (to: number) => {
    const item = items[to];
    if (item?.kind !== 'row') return;
    wantFocus.current = true;
    setActive(item.reminder.id);
    scrollTo(scrollToShow(to, scroller.current?.scrollTop ?? lastTop.current, viewport, ROW_HEIGHT));
  };
  focusRef.current = () => {
    if (activeIndex < 0) return;
    wantFocus.current = true;
    scrollTo(scrollToShow(activeIndex, scroller.current?.scrollTop ?? lastTop.current, viewport, ROW_HEIGHT));
  };

  useLayoutEffect(() => {
    draw(windowAt());
    keepFocus();
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!row || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(row.dataset.index);
    const item = items[index];
    if (item?.kind !== 'row') return;
    const onRow = target === row;
    const r = item.reminder;
    const key = e.key;
    let handled = true;
    if (key === 'ArrowDown') move(stepRow(items, index, 1));
    else if (key === 'ArrowUp') move(stepRow(items, index, -1));
    else if (key === 'Home' && onRow) move(nearestRow(items, 0));
    else if (key === 'End' && onRow) move(stepRow(items, items.length, -1));
    else if (key === 'PageDown') move(nearestRow(items, Math.min(items.length - 1, index + PAGE)));
    else if (key === 'PageUp') move(nearestRow(items, Math.max(0, index - PAGE)));
    else if (!onRow) handled = false;
    else if (key === ' ' || key === 'Spacebar') on.toggleDoneKey(r);
    else if (key === 'Enter') on.open(r);
    else if (key === 'Delete') on.removeKey(r);
    else if (key === 'x') on.toggleSelect(r);
    else if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey) || key === '.') on.showActions(r);
    else handled = false;
    if (handled) e.preventDefault();
  };

  // The rows' controls, for the whole list: the elements are re-filled while scrolling, so a handler bound to
  // one would have to be re-bound with every reminder it shows.
  const onControl = (e: Event, type: 'click' | 'change') => {
    const control = (e.target as Element).closest?.('button, input');
    if (!control || !win.current) return;
    const more = type === 'click' ? win.current.moreOf(control) : undefined;
    if (more?.section) return onShowMore(more.section);
    const row = win.current.rowOf(control);
    const action = actionOf(control, type);
    const r = row?.reminder;
    if (!row || !r || !action) return;
    on[action](r);
    // Controlled: a checkbox shows what the list says, which the handler's state change brings back.
    if (type === 'change') row.restoreChecks();
  };

  return (
    <div
      ref={scroller}
      class="viewport"
      style={{ height: `${viewport}px` }}
      onScroll={(e) => {
        noteTop(e.currentTarget.scrollTop);
        const range = windowAt();
        if (range === lastWindow.current) return;
        draw(range);
        keepFocus();
      }}
      onKeyDown={onKeyDown}
      onClick={(e) => onControl(e, 'click')}
      onChange={(e) => onControl(e, 'change')}
      onFocusOut={(e) => {
        const to = e.relatedTarget as Node | null;
        if (to && !scroller.current?.contains(to)) focusInside.current = false;
      }}
      onFocusIn={(e) => {
        focusInside.current = true;
        const id = (e.target as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id;
        if (id && id !== activeId) setActive(id);
      }}
    >
      {/* A group, not a feed: a feed may own articles only, and the section headings sit between the rows. Each row carries its own aria-posinset/aria-setsize. */}
      <div ref={spacer} class="spacer" role="group" aria-label={label} style={{ height: `${items.length * ROW_HEIGHT}px` }} />
    </div>
  );
}
