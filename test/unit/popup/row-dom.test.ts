// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../src/core/reminder';
import { groupIntoSections, SECTION_IDS, type SectionId } from '../../../src/core/sections';
import { HeaderElement, MoreElement, RowElement, type RowProps } from '../../../src/popup/row-dom';
import type { Env } from '../../../src/popup/types';
import { DAY, HOUR, reminder, sample, t, T0, thread } from './helpers';

const env: Env = { t, locale: 'en', timeZone: 'UTC', now: T0 };

/** Reminders that differ in every optional part: chain, status line, why, owed, regardless, done, replied. */
function variety(): { r: Reminder; section: SectionId }[] {
  const chain = { repeat: true, steps: [3, 7, 14], cap: 3, sent: [{ at: T0 - DAY }] };
  const all = [
    ...sample(),
    reminder({ id: 'chain', dueAt: T0 + DAY, chain, thread: thread({ subject: 'Quote for the roof' }) }),
    reminder({ id: 'failed', dueAt: T0 + 2 * DAY, check: { at: T0 - HOUR, source: 'print-view', outcome: 'failed', failure: 'network', failures: 1, retryAt: T0 + HOUR }, thread: thread({ subject: 'Unverified one' }) }),
    reminder({ id: 'owed', kind: 'owed-reply', status: 'notified', dueAt: T0 - HOUR, sentAt: T0 - 2 * DAY, thread: thread({ subject: 'Pricing question' }) }),
    reminder({ id: 'always', kind: 'always', status: 'snoozed', dueAt: T0 + 2 * DAY, thread: thread({ subject: 'Renewal check' }) }),
    reminder({ id: 'nosubject', dueAt: T0 + 3 * DAY, thread: thread({ subject: '' }) }),
  ];
  const sections = groupIntoSections(all, T0, 'UTC');
  return SECTION_IDS.flatMap((section) => sections[section].map((r) => ({ r, section })));
}

/** Everything an element says, attribute order aside: what a re-filled element must share with a fresh one. */
function snapshot(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  const el = node as Element;
  const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
  const state = el instanceof HTMLInputElement ? { checked: el.checked } : {};
  return { tag: el.tagName, attrs, ...state, children: [...el.childNodes].filter((c) => c.nodeType !== Node.TEXT_NODE || (c as Text).data !== '').map(snapshot) };
}

const props = ({ r, section }: { r: Reminder; section: SectionId }, i: number, over: Partial<RowProps> = {}): RowProps => ({
  reminder: r,
  section,
  index: i + 1,
  pos: i + 1,
  setSize: 40,
  active: false,
  selected: false,
  showAccount: i % 2 === 0,
  env,
  ...over,
});

describe('RowElement: a row re-filled in place', () => {
  it('shows exactly what a freshly built row shows, whichever reminder it showed before', () => {
    const items = variety();
    expect(items.length).toBeGreaterThan(10);
    for (const [i, from] of items.entries()) {
      for (const [j, to] of items.entries()) {
        const reused = new RowElement(document);
        reused.fill(props(from, i, { active: i % 3 === 0, selected: i % 4 === 0 }));
        reused.fill(props(to, j));
        const fresh = new RowElement(document);
        fresh.fill(props(to, j));
        expect(snapshot(reused.root), `${from.r.id} → ${to.r.id}`).toEqual(snapshot(fresh.root));
        expect(reused.reminder).toBe(to.r);
      }
    }
  });

  it('writes nothing when filled again with the same props, and follows active and selected', () => {
    const [item] = variety();
    const row = new RowElement(document);
    const p = props(item!, 0);
    row.fill(p);
    const before = snapshot(row.root);
    const writes: MutationRecord[] = [];
    const watch = new MutationObserver((m) => writes.push(...m));
    watch.observe(row.root, { subtree: true, attributes: true, characterData: true, childList: true });
    row.fill({ ...p });
    expect(watch.takeRecords()).toEqual([]);
    row.fill({ ...p, active: true, selected: true });
    watch.disconnect();
    expect(row.root.className).toBe('row active selected');
    expect(row.root.tabIndex).toBe(0);
    expect(row.root.querySelector<HTMLInputElement>('.select')!.checked).toBe(true);
    expect(snapshot(row.root)).not.toEqual(before);
  });

  it('puts the checkboxes back to what the list says after a click (controlled)', () => {
    const [item] = variety();
    const row = new RowElement(document);
    row.fill(props(item!, 0));
    const select = row.root.querySelector<HTMLInputElement>('.select')!;
    select.checked = true;
    row.restoreChecks();
    expect(select.checked).toBe(false);
  });
});

describe('HeaderElement and MoreElement', () => {
  it('re-fill to the section, count and place they are given', () => {
    const h = new HeaderElement(document);
    h.fill('overdue', 3, false, 0, env);
    h.fill('upcoming', 200, true, 7, env);
    expect(h.root.id).toBe('h-upcoming');
    expect(h.root.style.top).toBe('392px');
    expect(h.root.textContent).toBe(`${t('section_upcoming')}200+${t('sectionCount', ['200+'])}`);
    const m = new MoreElement(document);
    m.fill('done', undefined, 3, env);
    m.fill('upcoming', 450, 9, env);
    expect(m.section).toBe('upcoming');
    expect(m.root.querySelector('button')!.getAttribute('aria-describedby')).toBe('h-upcoming');
    expect(m.root.textContent).toBe(t('showMore', ['200']));
  });
});
