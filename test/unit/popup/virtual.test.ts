import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRange } from '../../../src/popup/virtual';

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
