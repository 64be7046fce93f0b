/**
 * The elements of the list's window, kept by hand rather than by Preact: a scroll step re-fills the
 * elements whose items left the window with the items coming in (see assignKeys) and writes only what
 * changed; elements no longer needed wait in a small pool instead of being built again.
 */
import type { Reminder } from '../core/reminder';
import type { Item } from './model';
import { HeaderElement, MoreElement, RowElement } from './row-dom';
import type { Env } from './types';
import { assignKeys } from './virtual';

/** What the rows show besides their item, fixed for one draw. */
export interface WindowContext {
  env: Env;
  activeIndex: number;
  selected: ReadonlySet<string>;
  showAccount: boolean;
  /** Each item's position among the rows (1-based; 0 for headings and "Show more"), and how many rows there are. */
  positions: Int32Array;
  rowCount: number;
}

type Slot = RowElement | HeaderElement | MoreElement;

/** Identity of an item across draws (a reminder, a section's heading or its "Show more"). */
export const itemId = (it: Item) => (it.kind === 'row' ? `r:${it.reminder.id}` : `${it.kind}:${it.section}`);

/** Spare elements kept per kind: enough for a window's worth of rows. */
const POOL = 24;

export class ListWindow {
  /** Item id → element key, in DOM order; element key → element. */
  private keys = new Map<string, string>();
  private readonly slots = new Map<string, Slot>();
  private readonly byRoot = new WeakMap<Element, Slot>();
  private readonly pool: { [K in Item['kind']]: Slot[] } = { row: [], header: [], more: [] };
  private count = 0;

  constructor(private readonly parent: HTMLElement) {}

  /** Shows items `shown` (indices into `items`, in list order) and nothing else. */
  draw(shown: readonly number[], items: readonly Item[], ctx: WindowContext): void {
    const next = assignKeys(
      this.keys,
      shown.map((i) => ({ id: itemId(items[i]!), kind: items[i]!.kind })),
      (kind) => `${kind}:${this.count++}`,
    );
    const used = new Set(next.values());
    for (const [key, slot] of this.slots) {
      if (used.has(key)) continue;
      this.slots.delete(key);
      slot.root.remove();
      const spare = this.pool[kindOf(slot)];
      if (spare.length < POOL) spare.push(slot);
    }
    const doc = this.parent.ownerDocument;
    let cursor = this.parent.firstChild;
    for (const i of shown) {
      const item = items[i]!;
      const key = next.get(itemId(item))!;
      let slot = this.slots.get(key);
      if (!slot) {
        slot = this.pool[item.kind].pop() ?? this.build(doc, item.kind);
        this.slots.set(key, slot);
      }
      // Filled before it is inserted: a new element is styled and laid out once, with its content.
      fill(slot, item, i, ctx);
      if (slot.root === cursor) cursor = cursor.nextSibling;
      else this.parent.insertBefore(slot.root, cursor);
    }
    this.keys = next;
  }

  /** The reminder shown by the row `el` is in (for a click or change inside it). */
  rowOf(el: Element): RowElement | undefined {
    const slot = this.byRoot.get(el.closest('.row') ?? el);
    return slot instanceof RowElement ? slot : undefined;
  }

  /** The "Show more" element `el` is in. */
  moreOf(el: Element): MoreElement | undefined {
    const slot = this.byRoot.get(el.closest('.section-more') ?? el);
    return slot instanceof MoreElement ? slot : undefined;
  }

  private build(doc: Document, kind: Item['kind']): Slot {
    const slot = kind === 'row' ? new RowElement(doc) : kind === 'header' ? new HeaderElement(doc) : new MoreElement(doc);
    this.byRoot.set(slot.root, slot);
    return slot;
  }
}

const kindOf = (slot: Slot): Item['kind'] => (slot instanceof RowElement ? 'row' : slot instanceof HeaderElement ? 'header' : 'more');

function fill(slot: Slot, item: Item, index: number, ctx: WindowContext): void {
  if (item.kind === 'row') {
    const r: Reminder = item.reminder;
    (slot as RowElement).fill({
      reminder: r,
      section: item.section,
      index,
      pos: ctx.positions[index]!,
      setSize: ctx.rowCount,
      active: index === ctx.activeIndex,
      selected: ctx.selected.has(r.id),
      showAccount: ctx.showAccount,
      env: ctx.env,
    });
  } else if (item.kind === 'header') (slot as HeaderElement).fill(item.section, item.count, item.atLeast, index, ctx.env);
  else (slot as MoreElement).fill(item.section, item.remaining, index, ctx.env);
}
