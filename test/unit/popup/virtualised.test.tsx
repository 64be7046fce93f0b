// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../../src/core/reminder';
import { renderChecklist } from '../../../src/popup/render';
import { MAX_VIEWPORT, ROW_HEIGHT } from '../../../src/popup/virtual';
import { fakeBackground, ids, reminder, setup, t, T0, thread, HOUR } from './helpers';

afterEach(cleanup);

/** Scrolls the list to its end (the last section's "Show more"). */
function toEnd() {
  const viewport = document.querySelector<HTMLElement>('.viewport')!;
  viewport.scrollTop = 1e7;
  fireEvent.scroll(viewport);
}

/** `n` upcoming reminders, due an hour apart, subjects "Thread 0" … */
const many = (n: number): Reminder[] =>
  Array.from({ length: n }, (_, i) => reminder({ id: `m${i}`, dueAt: T0 + 25 * HOUR + i * HOUR, thread: thread({ subject: `Thread ${i}` }) }));

describe('Virtualised list', () => {
  it('reads a long section in pages: "Show more" asks for the next page and keeps the rows it has', async () => {
    const { bg } = await setup(many(450));
    // Counted in a second step: the header says 450, not "200+".
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: /^Upcoming/ }).textContent).toContain('450'));
    const viewport = document.querySelector<HTMLElement>('.viewport')!;
    const spacer = document.querySelector<HTMLElement>('.spacer')!;
    // Heading, 200 rows, "Show more".
    expect(spacer.style.height).toBe(`${202 * ROW_HEIGHT}px`);
    viewport.scrollTop = 202 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    fireEvent.click(screen.getByRole('button', { name: 'Show 200 more' }));
    await vi.waitFor(() => expect(spacer.style.height).toBe(`${402 * ROW_HEIGHT}px`));
    // The rows first (counted only where they tell), then the counts of the long sections.
    expect(bg.calls.slice(-2)).toEqual([
      { type: 'reminder.list', payload: { limits: { upcoming: 400 }, counts: 'page' } },
      { type: 'reminder.list', payload: { sections: [], counts: ['upcoming'] } },
    ]);
    viewport.scrollTop = 402 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    expect(ids()).toContain('m399');
    // The last page is as long as what is left.
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    await vi.waitFor(() => expect(spacer.style.height).toBe(`${451 * ROW_HEIGHT}px`));
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('history headers are exact at first paint from the stored counts ("Done 1,234"), and "Show more" still pages', async () => {
    const done = Array.from({ length: 1234 }, (_, i) => ({ ...reminder({ id: `d${i}`, dueAt: T0 - 2 * HOUR, thread: thread({ subject: `Done ${i}` }) }), status: 'done' as const, updatedAt: T0 - i * 60_000 }));
    const { bg } = await setup([...done, ...many(3)]);
    expect(screen.getByRole('heading', { name: /^Done/ }).textContent).toContain('1,234');
    expect(screen.getByRole('heading', { name: /^Done/ }).textContent).not.toContain('+');
    // One request: nothing left to count after the first rows (history came counted, upcoming was read to its end).
    expect(bg.calls.filter((c) => c.type === 'reminder.list')).toEqual([{ type: 'reminder.list', payload: { counts: 'page' } }]);
    toEnd();
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    toEnd();
    await vi.waitFor(() => expect(ids()).toContain('d99'));
    expect(bg.calls.filter((c) => c.type === 'reminder.list').at(-1)).toEqual({ type: 'reminder.list', payload: { limits: { done: 100 }, counts: 'page' } });
    // 1,134 still to come: the next page is a full one.
    expect(screen.getByRole('button', { name: 'Show 50 more' })).toBeTruthy();
  });

  it('in German the count is grouped the German way; without stored counts the header says "50+"', async () => {
    const done = Array.from({ length: 1234 }, (_, i) => ({ ...reminder({ id: `d${i}`, dueAt: T0 - 2 * HOUR }), status: 'done' as const, updatedAt: T0 - i * 60_000 }));
    await setup(done, { locale: 'de' });
    expect(document.querySelector('#h-done .count')!.textContent).toBe('1.234');
    cleanup();
    await setup(done, { unknownHistory: true });
    expect(document.querySelector('#h-done .count')!.textContent).toBe('50+');
    toEnd();
    expect(screen.getByRole('button', { name: /^Show more/ })).toBeTruthy();
  });

  it('renders only a window of 5,000 rows, the right one after scrolling', async () => {
    await setup(many(5000), { paged: false });
    expect(screen.getByRole('heading', { name: /^Upcoming/ }).textContent).toContain('5,000');
    const first = ids();
    expect(first.length).toBeLessThan(20);
    expect(first[0]).toBe('m0');
    const spacer = document.querySelector<HTMLElement>('.spacer')!;
    expect(spacer.style.height).toBe(`${5001 * ROW_HEIGHT}px`);
    expect(document.querySelector('.row')!.getAttribute('aria-setsize')).toBe('5000');

    const viewport = document.querySelector<HTMLElement>('.viewport')!;
    viewport.scrollTop = 2500 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    const after = ids();
    expect(after.length).toBeLessThan(25);
    // Item 2500 is row m2499 (the heading is item 0); it sits at its own offset.
    expect(after).toContain('m2499');
    expect(after).not.toContain('m0');
    const r = document.querySelector<HTMLElement>('[data-id=m2499]')!;
    expect(r.style.top).toBe(`${2500 * ROW_HEIGHT}px`);
    expect(r.getAttribute('aria-posinset')).toBe('2500');
  });

  it('a scroll step keeps the elements of rows that stay and moves none of them; a jump re-fills every element', async () => {
    await setup(many(500), { paged: false });
    const viewport = document.querySelector<HTMLElement>('.viewport')!;
    const spacer = document.querySelector<HTMLElement>('.spacer')!;
    const scrollTo = (item: number) => {
      viewport.scrollTop = item * ROW_HEIGHT;
      fireEvent.scroll(viewport);
    };
    scrollTo(100);
    const before = new Map([...spacer.children].map((el) => [(el as HTMLElement).dataset.id, el]));
    expect(before.get('m104')).toBeTruthy();
    // A moved element is removed and inserted again (and styled and laid out anew): none may be.
    const moved = new Set<Node>();
    const watch = new MutationObserver((records) => records.forEach((r) => r.removedNodes.forEach((n) => n.isConnected && moved.add(n))));
    watch.observe(spacer, { childList: true });
    scrollTo(101);
    scrollTo(103);
    scrollTo(102);
    await Promise.resolve();
    watch.disconnect();
    // Only spare elements (of rows that left) come back, with rows that were not in the window before.
    expect([...moved].map((n) => (n as HTMLElement).dataset.id).filter((id) => before.has(id))).toEqual([]);
    // The rows still in the window are the same elements (not re-rendered into other ones).
    for (const id of ['m101', 'm104', 'm106']) expect(document.querySelector(`[data-id=${id}]`)).toBe(before.get(id));
    // The DOM reads in list order.
    const order = [...spacer.children].map((el) => Number((el as HTMLElement).dataset.index));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // A jump far away builds nothing new: every element is re-filled.
    const elements = new Set(spacer.children);
    scrollTo(400);
    expect(ids()).toContain('m399');
    expect([...spacer.children].every((el) => elements.has(el))).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-id=m399]')!.style.top).toBe(`${400 * ROW_HEIGHT}px`);
  });

  it('keeps the focused row while scrolling, and arrow keys scroll it into view', async () => {
    await setup(many(300), { paged: false });
    const viewport = document.querySelector<HTMLElement>('.viewport')!;
    document.querySelector<HTMLElement>('[data-id=m0]')!.focus();
    viewport.scrollTop = 200 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    expect(ids()).toContain('m0');
    expect(document.activeElement).toBe(document.querySelector('[data-id=m0]'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('m299');
    expect(viewport.scrollTop).toBe(301 * ROW_HEIGHT - MAX_VIEWPORT);
    expect(ids()).toContain('m299');
  });

  it('renderChecklist draws a reminder.list answer synchronously, without a background', () => {
    const data = fakeBackground(many(5000)).list();
    const container = document.createElement('div');
    document.body.append(container);
    const unmount = renderChecklist(container, data, { t });
    expect(container.querySelectorAll('.row').length).toBeGreaterThan(5);
    expect(container.querySelectorAll('.row').length).toBeLessThan(20);
    expect(container.querySelector('.row')!.getAttribute('aria-label')).toBe('Thread 0, to Bob, tomorrow');
    unmount();
    expect(container.innerHTML).toBe('');
  });
});
