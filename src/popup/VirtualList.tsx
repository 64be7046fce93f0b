import type { RefObject } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Reminder } from '../core/reminder';
import { nearestRow, stepRow, type Item } from './model';
import { MoreRow, Row, SectionHeader, type RowHandlers } from './Row';
import type { SectionId } from '../core/sections';
import type { Env } from './types';
import { assignKeys, MAX_VIEWPORT, nextWindow, ROW_HEIGHT, scrollToShow, type Range } from './virtual';

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

/** Identity of an item across renders (a reminder, a section's heading or its "Show more"). */
const itemId = (it: Item) => (it.kind === 'row' ? `r:${it.reminder.id}` : `${it.kind}:${it.section}`);

/**
 * The windowed list: a spacer as tall as every item and, positioned inside
 * it, only the items near the viewport — plus the active row, so focus never
 * falls out of the document while scrolling.
 */
export function VirtualList({ items, env, activeId, setActive, selected, showAccount, on, label, focusRef, onShowMore }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Renders when the window changes, not on every scroll event (nextWindow keeps it while it covers the view).
  const [, setWindowTick] = useState(0);
  // Which way the list last moved: the window reaches further that way.
  const direction = useRef<1 | -1>(1);
  const lastTop = useRef(0);
  const noteTop = (top: number) => {
    if (top !== lastTop.current) direction.current = top > lastTop.current ? 1 : -1;
    lastTop.current = top;
  };
  // Element keys of the last render, by item (see assignKeys), and the counter for new ones.
  const keys = useRef<Map<string, string>>(new Map());
  const keyCount = useRef(0);
  const lastWindow = useRef<Range | undefined>(undefined);
  const wantFocus = useRef(false);
  // Focus is in the list (until the user takes it elsewhere): a row re-ordered by Preact loses it, and gets it back below.
  const focusInside = useRef(false);
  // Asking for focus must re-render even when nothing else changed, so the layout effect below runs.
  const [, setFocusTick] = useState(0);
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

  const scrollTo = (top: number) => {
    const el = scroller.current;
    if (el) el.scrollTop = top;
    noteTop(top);
    setWindowTick((n) => n + 1);
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
    setFocusTick((n) => n + 1);
    scrollTo(scrollToShow(activeIndex, scroller.current?.scrollTop ?? lastTop.current, viewport, ROW_HEIGHT));
  };

  useLayoutEffect(() => {
    const doc = scroller.current?.ownerDocument;
    const lost = focusInside.current && doc && (!doc.activeElement || doc.activeElement === doc.body);
    const item = items[activeIndex];
    // An element is re-filled with another item once its own leaves the window (assignKeys), so the focused
    // element may come to show another reminder. Focus follows the active reminder, not the element.
    const focusedId = focusInside.current ? doc?.activeElement?.closest<HTMLElement>('[data-id]')?.dataset.id : undefined;
    const shifted = focusedId !== undefined && item?.kind === 'row' && focusedId !== item.reminder.id;
    if (!wantFocus.current && !lost && !shifted) return;
    if (item?.kind !== 'row') return;
    wantFocus.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-id="${item.reminder.id}"]`)?.focus();
  });

  // A shorter list (after a filter) must not leave the window past its end.
  const maxTop = Math.max(0, items.length * ROW_HEIGHT - viewport);
  const top = Math.min(lastTop.current, maxTop);
  const { start, end } = (lastWindow.current = nextWindow(lastWindow.current, top, viewport, ROW_HEIGHT, items.length, direction.current));
  const activeOut = focusInside.current && activeIndex >= 0 && (activeIndex < start || activeIndex >= end);
  // In list order, the focused row included, so the DOM reads in the order the list shows.
  const shown: number[] = [];
  if (activeOut && activeIndex < start) shown.push(activeIndex);
  for (let i = start; i < end; i++) shown.push(i);
  if (activeOut && activeIndex >= end) shown.push(activeIndex);
  const shownKeys = assignKeys(
    keys.current,
    shown.map((i) => ({ id: itemId(items[i]!), kind: items[i]!.kind })),
    (kind) => `${kind}:${keyCount.current++}`,
  );
  keys.current = shownKeys;

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

  return (
    <div
      ref={scroller}
      class="viewport"
      style={{ height: `${viewport}px` }}
      onScroll={(e) => {
        noteTop(e.currentTarget.scrollTop);
        const top = Math.min(lastTop.current, maxTop);
        if (nextWindow(lastWindow.current, top, viewport, ROW_HEIGHT, items.length, direction.current) !== lastWindow.current) setWindowTick((n) => n + 1);
      }}
      onKeyDown={onKeyDown}
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
      <div class="spacer" role="group" aria-label={label} style={{ height: `${items.length * ROW_HEIGHT}px` }}>
        {shown.map((i) => {
          const it = items[i]!;
          // Keyed so that an item keeps its element while it stays in the window, and no element has to move
          // (assignKeys): a scroll step renders only the rows it brings into view.
          const key = shownKeys.get(itemId(it))!;
          if (it.kind === 'header') return <SectionHeader key={key} section={it.section} count={it.count} atLeast={it.atLeast} top={i * ROW_HEIGHT} env={env} />;
          if (it.kind === 'more') return <MoreRow key={key} section={it.section} remaining={it.remaining} top={i * ROW_HEIGHT} env={env} onShowMore={onShowMore} />;
          return (
            <Row
              key={key}
              reminder={it.reminder}
              section={it.section}
              index={i}
              pos={positions[i]!}
              setSize={rowCount}
              top={i * ROW_HEIGHT}
              active={i === activeIndex}
              selected={selected.has(it.reminder.id)}
              showAccount={showAccount}
              env={env}
              on={on}
            />
          );
        })}
      </div>
    </div>
  );
}
