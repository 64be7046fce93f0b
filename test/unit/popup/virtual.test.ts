import { describe, expect, it } from 'vitest';
import { assignKeys, KEEP_AHEAD, nextWindow, OVERSCAN_AHEAD, OVERSCAN_BEHIND, SCROLL_AHEAD, scrollToShow, visibleRange, windowRange } from '../../../src/popup/virtual';

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 448, 64, 5000, 6)).toEqual({ start: 0, end: 13 });
    expect(visibleRange(64 * 1000, 448, 64, 5000, 6)).toEqual({ start: 994, end: 1013 });
    expect(visibleRange(64 * 4993, 448, 64, 5000, 6)).toEqual({ start: 4987, end: 5000 });
  });

  it('includes a partly visible row at either edge', () => {
    expect(visibleRange(32, 100, 64, 100, 0)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(63, 1, 64, 100, 0)).toEqual({ start: 0, end: 1 });
  });

  it('handles short, empty and odd inputs', () => {
    expect(visibleRange(0, 448, 64, 3, 6)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 448, 64, 0, 6)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 448, 64, 10, 0)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(1e9, 448, 64, 10, 2)).toEqual({ start: 7, end: 10 });
    expect(visibleRange(Number.NaN, 0, 64, 10, 0)).toEqual({ start: 0, end: 1 });
    expect(visibleRange(0, 448, 0, 10, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('scrollToShow', () => {
  it('scrolls as little as needed', () => {
    expect(scrollToShow(5, 0, 448, 64)).toBe(0);
    expect(scrollToShow(7, 0, 448, 64)).toBe(64);
    expect(scrollToShow(2, 640, 448, 64)).toBe(128);
  });
});

describe('visibleRange with different overscan above and below', () => {
  it('widens each side by its own amount, clamped', () => {
    expect(visibleRange(56 * 100, 448, 56, 5000, 1, 6)).toEqual({ start: 99, end: 114 });
    expect(visibleRange(56 * 100, 448, 56, 5000, 6, 1)).toEqual({ start: 94, end: 109 });
    expect(visibleRange(0, 448, 56, 5000, 6, 1)).toEqual({ start: 0, end: 9 });
    expect(visibleRange(56 * 4992, 448, 56, 5000, 1, 6)).toEqual({ start: 4991, end: 5000 });
  });
});

describe('windowRange', () => {
  it('reaches further in the direction of scrolling', () => {
    const down = windowRange(56 * 100, 448, 56, 5000, 1);
    const up = windowRange(56 * 100, 448, 56, 5000, -1);
    expect(down).toEqual({ start: 100 - OVERSCAN_BEHIND, end: 108 + OVERSCAN_AHEAD });
    expect(up).toEqual({ start: 100 - OVERSCAN_AHEAD, end: 108 + OVERSCAN_BEHIND });
    // Fewer items than a symmetric overscan of the larger amount.
    expect(down.end - down.start).toBe(8 + OVERSCAN_AHEAD + OVERSCAN_BEHIND);
    expect(OVERSCAN_AHEAD).toBeGreaterThan(OVERSCAN_BEHIND);
  });

  it('renders nothing ahead or behind after a jump, and reaches SCROLL_AHEAD ahead on the next overlapping step', () => {
    const last = { start: 99, end: 114 };
    // Scrolled a little: the viewport overlaps the last window; a list that scrolls in steps reaches far ahead.
    expect(windowRange(56 * 103, 448, 56, 5000, 1, last)).toEqual({ start: 103 - OVERSCAN_BEHIND, end: 111 + SCROLL_AHEAD });
    expect(SCROLL_AHEAD).toBeGreaterThan(OVERSCAN_AHEAD);
    // Jumped 100 items down: the viewport (items 200–207) shares nothing with the last window.
    const jumped = windowRange(56 * 200, 448, 56, 5000, 1, last);
    expect(jumped).toEqual({ start: 200, end: 208 });
    expect(windowRange(56 * 202, 448, 56, 5000, 1, jumped)).toEqual({ start: 202 - OVERSCAN_BEHIND, end: 210 + SCROLL_AHEAD });
    // Jumped up: nothing above, nothing below.
    expect(windowRange(56 * 10, 448, 56, 5000, -1, last)).toEqual({ start: 10, end: 18 });
    // A viewport that ends exactly where the last window starts shares nothing with it.
    expect(windowRange(56 * 91, 448, 56, 5000, -1, last)).toEqual({ start: 91, end: 99 });
    expect(windowRange(56 * 92, 448, 56, 5000, -1, last)).toEqual({ start: 92 - SCROLL_AHEAD, end: 100 + OVERSCAN_BEHIND });
    // Clamped at the ends of the list.
    expect(windowRange(56 * 4992, 448, 56, 5000, 1, { start: 4980, end: 4995 })).toEqual({ start: 4992 - OVERSCAN_BEHIND, end: 5000 });
    expect(windowRange(56 * 3, 448, 56, 5000, -1, { start: 0, end: 20 })).toEqual({ start: 0, end: 11 + OVERSCAN_BEHIND });
  });

  it('is no jump on the first render or after an empty window', () => {
    expect(windowRange(56 * 200, 448, 56, 5000, 1)).toEqual({ start: 199, end: 208 + OVERSCAN_AHEAD });
    expect(windowRange(56 * 200, 448, 56, 5000, 1, { start: 0, end: 0 })).toEqual({ start: 199, end: 208 + OVERSCAN_AHEAD });
  });
});

describe('assignKeys', () => {
  const counter = () => {
    let n = 0;
    return (kind: string) => `${kind}:${n++}`;
  };
  const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ id: `r${from + i}`, kind: 'row' }));

  it('gives new keys to a first window', () => {
    const keys = assignKeys(new Map(), rows(0, 3), counter());
    expect([...keys]).toEqual([
      ['r0', 'row:0'],
      ['r1', 'row:1'],
      ['r2', 'row:2'],
    ]);
  });

  it('keeps the keys of items that stay; on a step, items coming in get new keys rather than moving an element', () => {
    const make = counter();
    const first = assignKeys(new Map(), rows(0, 4), make);
    // One row down: r0 leaves, r4 comes in. Re-using r0's element would move it from first to last.
    const down = assignKeys(first, rows(1, 5), make);
    expect([...down]).toEqual([
      ['r1', 'row:1'],
      ['r2', 'row:2'],
      ['r3', 'row:3'],
      ['r4', 'row:4'],
    ]);
    // One row up: r0 comes back above r1, r4 leaves.
    const up = assignKeys(down, rows(0, 4), make);
    expect(up.get('r0')).toBe('row:5');
    expect(up.get('r3')).toBe('row:3');
  });

  it('re-uses a freed key where it keeps the DOM order: a row replaced in the middle', () => {
    const make = counter();
    const first = assignKeys(new Map(), rows(0, 5), make);
    // r2 gone (checked off) and another row in its place: it takes r2's element, between r1's and r3's.
    const next = assignKeys(first, [...rows(0, 2), { id: 'x', kind: 'row' }, ...rows(3, 5)], make);
    expect(next.get('x')).toBe(first.get('r2'));
    expect([...next.values()]).toEqual([...first.values()]);
  });

  it('on a jump re-uses every element in its DOM order, so none has to move', () => {
    const make = counter();
    const first = assignKeys(new Map(), rows(0, 5), make);
    const jumped = assignKeys(first, rows(100, 105), make);
    expect([...jumped.values()]).toEqual([...first.values()]);
  });

  it('never re-fills a row element with a heading, and makes new keys only when none is free in order', () => {
    const make = counter();
    const first = assignKeys(new Map(), [{ id: 'header:overdue', kind: 'header' }, ...rows(0, 3)], make);
    // A jump: nothing stays. Rows take the row keys in order; the heading, after them, finds no heading key
    // left in order (the old heading was first) and gets a new one, as does "Show more".
    const next = assignKeys(first, [...rows(10, 12), { id: 'more:overdue', kind: 'more' }, { id: 'header:today', kind: 'header' }], make);
    expect(next.get('r10')).toBe(first.get('r0'));
    expect(next.get('r11')).toBe(first.get('r1'));
    expect(next.get('more:overdue')).toBe('more:4');
    expect(next.get('header:today')).toBe('header:5');
    // A heading first again: it re-uses the old heading's element.
    const again = assignKeys(first, [{ id: 'header:today', kind: 'header' }, ...rows(20, 23)], make);
    expect(again.get('header:today')).toBe('header:0');
    expect([...again.values()]).toEqual([...first.values()]);
    // A longer window: the extra rows get new keys, never one already in use.
    const longer = assignKeys(next, rows(10, 16), make);
    expect(new Set(longer.values()).size).toBe(6);
    expect(longer.get('r10')).toBe(next.get('r10'));
  });

});

describe('nextWindow', () => {
  const at = (item: number) => item * 56;

  it('keeps the window (the same object) while it covers the viewport and KEEP_AHEAD rows ahead', () => {
    const win = windowRange(at(100), 448, 56, 5000, 1); // items 99–113: viewport 100–107, 6 ahead
    expect(nextWindow(win, at(100), 448, 56, 5000, 1)).toBe(win);
    // Viewport 104–111 (+ a partial 112): still 2 rows ahead within the window.
    expect(nextWindow(win, at(104) - 20, 448, 56, 5000, 1)).toBe(win);
    // Viewport 105–112 + partial: fewer than KEEP_AHEAD rows left ahead → a new window, ahead again.
    const next = nextWindow(win, at(105) + 10, 448, 56, 5000, 1);
    expect(next).not.toBe(win);
    expect(next).toEqual({ start: 105 - OVERSCAN_BEHIND, end: 114 + SCROLL_AHEAD });
    // That window lasts until the viewport (8 rows) comes within KEEP_AHEAD of its end: SCROLL_AHEAD - 1 rows of scrolling.
    const lastKept = next.end - 8 - KEEP_AHEAD;
    expect(lastKept - 105).toBe(SCROLL_AHEAD - 1);
    expect(nextWindow(next, at(lastKept), 448, 56, 5000, 1)).toBe(next);
    expect(nextWindow(next, at(lastKept) + 1, 448, 56, 5000, 1)).not.toBe(next);
  });

  it('asks for rows ahead in the direction of scrolling only', () => {
    const win = { start: 99, end: 114 };
    // Scrolling up to 100: behind (below) is covered, but nothing is left above → new window reaching up.
    expect(nextWindow(win, at(100), 448, 56, 5000, -1)).toEqual({ start: 100 - SCROLL_AHEAD, end: 108 + OVERSCAN_BEHIND });
    expect(nextWindow(win, at(99 + KEEP_AHEAD), 448, 56, 5000, -1)).toBe(win);
  });

  it('is a new window after a jump, on the first render, and when the list got shorter', () => {
    const win = { start: 99, end: 114 };
    expect(nextWindow(win, at(2000), 448, 56, 5000, 1)).toEqual({ start: 2000, end: 2008 });
    expect(nextWindow(undefined, 0, 448, 56, 5000, 1)).toEqual({ start: 0, end: 8 + OVERSCAN_AHEAD });
    // Filtered down to 50 items: the old window lies past the end.
    expect(nextWindow(win, at(42), 448, 56, 50, 1)).toEqual({ start: 42, end: 50 });
    // At the end of the list there is nothing more ahead to ask for: kept.
    const end = { start: 40, end: 50 };
    expect(nextWindow(end, at(42), 448, 56, 50, 1)).toBe(end);
  });
});
