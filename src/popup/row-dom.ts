/**
 * The list's items as plain DOM, built once per element and re-filled in place while scrolling: a scroll step
 * writes only the text and attributes that changed (never HTML; mail text goes in as text nodes). Preact
 * diffing a row per step cost more than the row's own style and layout (VirtualList keeps Preact for the rest).
 * Clicks and changes are not bound here: VirtualList handles them for the whole list (see `actionOf`).
 */
import type { Reminder } from '../core/reminder';
import { SECTION_PAGE, type SectionId } from '../core/sections';
import { rowText, shortDate, type RowText } from './format';
import type { Env } from './types';
import { ROW_HEIGHT } from './virtual';

export interface RowHandlers {
  open(r: Reminder): void;
  toggleDone(r: Reminder): void;
  toggleSelect(r: Reminder): void;
  showActions(r: Reminder): void;
}

export interface RowProps {
  reminder: Reminder;
  section: SectionId;
  index: number;
  /** Position among all rows (headings excluded), 1-based, and their number: for screen readers. */
  pos: number;
  setSize: number;
  active: boolean;
  selected: boolean;
  showAccount: boolean;
  env: Env;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, parent?: Element): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  parent?.append(e);
  return e;
}

/** An element holding one text node, and that node (its `data` is what a re-fill writes). */
function textEl<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, parent: Element): [HTMLElementTagNameMap[K], Text] {
  const e = el(doc, tag, cls, parent);
  const text = doc.createTextNode('');
  e.append(text);
  return [e, text];
}

const setText = (node: Text, s: string) => {
  if (node.data !== s) node.data = s;
};
const setAttr = (e: Element, name: string, value: string | undefined) => {
  if (value === undefined) e.removeAttribute(name);
  else e.setAttribute(name, value);
};
/** Puts `child` into `parent` (before `before`, else last) or takes it out: an optional part is there only when it says something. */
const place = (child: Element, on: boolean, parent: Element, before: Element | null = null) => {
  if (on === (child.parentNode === parent)) return;
  if (on) parent.insertBefore(child, before);
  else child.remove();
};

/**
 * One reminder: one line each with an ellipsis and the full text in `title`, `dir="auto"` on mail text.
 * The row itself takes focus (roving tabindex); its controls are tabbable only while it is active.
 * Optional parts (account, chain, the status line) are built once and put in or taken out as the reminder
 * needs them, so a re-fill never builds an element.
 */
export class RowElement {
  readonly root: HTMLDivElement;
  private readonly select: HTMLInputElement;
  private readonly done: HTMLInputElement;
  private readonly subject: HTMLButtonElement;
  private readonly subjectText: Text;
  private readonly when: HTMLSpanElement;
  private readonly whenText: Text;
  private readonly who: HTMLSpanElement;
  private readonly whoText: Text;
  private readonly account: HTMLSpanElement;
  private readonly accountText: Text;
  private readonly meta: HTMLDivElement;
  private readonly sent: HTMLSpanElement;
  private readonly sentText: Text;
  private readonly main: HTMLDivElement;
  private readonly chain: HTMLSpanElement;
  private readonly chainText: Text;
  private readonly why: HTMLDivElement;
  private readonly status: HTMLSpanElement;
  private readonly statusText: Text;
  private readonly whyWords: HTMLSpanElement;
  private readonly whyText: Text;
  private readonly more: HTMLButtonElement;
  private readonly desc: HTMLSpanElement;
  private readonly descText: Text;
  /** What the element shows now: a re-fill with the same props writes nothing. */
  private props: RowProps | undefined;
  private text: RowText | undefined;

  constructor(doc: Document) {
    const root = (this.root = el(doc, 'div', 'row'));
    root.setAttribute('role', 'article');
    this.select = el(doc, 'input', 'select', root);
    this.select.type = 'checkbox';
    this.done = el(doc, 'input', 'done', root);
    this.done.type = 'checkbox';
    const main = (this.main = el(doc, 'div', 'main', root));
    const line = el(doc, 'div', 'line', main);
    [this.subject, this.subjectText] = textEl(doc, 'button', 'subject', line);
    this.subject.type = 'button';
    this.subject.dir = 'auto';
    [this.when, this.whenText] = textEl(doc, 'span', 'when', line);
    const meta = (this.meta = el(doc, 'div', 'line meta', main));
    [this.who, this.whoText] = textEl(doc, 'span', 'who', meta);
    this.who.dir = 'auto';
    [this.sent, this.sentText] = textEl(doc, 'span', 'sent', meta);
    // Optional, built detached (see `write`).
    const spare = doc.createElement('div');
    [this.account, this.accountText] = textEl(doc, 'span', 'account', spare);
    this.account.dir = 'auto';
    [this.chain, this.chainText] = textEl(doc, 'span', 'chain', spare);
    this.why = el(doc, 'div', 'line why', spare);
    [this.status, this.statusText] = textEl(doc, 'span', 'status', this.why);
    [this.whyWords, this.whyText] = textEl(doc, 'span', '', this.why);
    this.whyWords.dir = 'auto';
    spare.replaceChildren();
    this.more = el(doc, 'button', 'more', root);
    this.more.type = 'button';
    this.more.setAttribute('aria-haspopup', 'dialog');
    // Hidden, not visually hidden: aria-describedby reads a hidden element's text all the same (accname),
    // and a display: none box is neither laid out nor painted when the row is re-filled on scroll.
    [this.desc, this.descText] = textEl(doc, 'span', '', root);
    this.desc.hidden = true;
  }

  get reminder(): Reminder | undefined {
    return this.props?.reminder;
  }

  /** Shows `p`, writing only what differs from what the element shows. */
  fill(p: RowProps): void {
    const last = this.props;
    this.props = p;
    const { root } = this;
    if (last?.index !== p.index) {
      root.style.top = `${p.index * ROW_HEIGHT}px`;
      root.dataset.index = String(p.index);
    }
    if (last?.pos !== p.pos) root.setAttribute('aria-posinset', String(p.pos));
    if (last?.setSize !== p.setSize) root.setAttribute('aria-setsize', String(p.setSize));
    if (last?.active !== p.active) {
      const inner = p.active ? 0 : -1;
      root.tabIndex = this.select.tabIndex = this.done.tabIndex = this.subject.tabIndex = this.more.tabIndex = inner;
    }
    if (last?.active !== p.active || last?.selected !== p.selected) root.className = `row${p.active ? ' active' : ''}${p.selected ? ' selected' : ''}`;
    this.select.checked = p.selected;
    const r = p.reminder;
    this.done.checked = r.status === 'done';
    if (last && last.reminder === r && last.section === p.section && last.env === p.env && last.showAccount === p.showAccount) return;
    this.write(p, rowText(r, p.section, p.env));
  }

  private write(p: RowProps, text: RowText): void {
    const { reminder: r, section, env, showAccount } = p;
    const { t } = env;
    const was = this.text;
    this.text = text;
    const root = this.root;
    if (root.dataset.id !== r.id) {
      root.dataset.id = r.id;
      root.setAttribute('aria-describedby', (this.desc.id = `row-desc-${r.id}`));
    }
    if (root.dataset.section !== section) root.dataset.section = section;
    root.setAttribute('aria-label', text.label);
    if (was?.subject !== text.subject) {
      this.select.setAttribute('aria-label', t('rowSelect', [text.subject]));
      this.more.setAttribute('aria-label', t('rowActions', [text.subject]));
      this.more.title = t('rowActions', [text.subject]);
    }
    this.done.setAttribute('aria-label', r.status === 'done' ? t('rowReopen', [text.subject]) : t('rowMarkDone', [text.subject]));
    setText(this.subjectText, text.subject);
    this.subject.title = text.fullSubject;
    const overdue = section === 'overdue' || (section === 'answer' && r.dueAt <= env.now);
    const whenClass = overdue ? 'when overdue' : 'when';
    if (this.when.className !== whenClass) this.when.className = whenClass;
    setText(this.whenText, text.when);
    this.when.title = text.whenExact;
    setText(this.whoText, text.recipients);
    this.who.title = text.recipients;
    place(this.account, showAccount, this.meta, this.sent);
    if (showAccount) {
      setText(this.accountText, r.account);
      this.account.title = r.account;
    }
    setText(this.sentText, t(r.kind === 'owed-reply' ? 'rowReceived' : 'rowSent', [shortDate(r.sentAt, env)]));
    place(this.chain, !!text.chain, this.meta);
    if (text.chain) {
      setText(this.chainText, text.chain);
      this.chain.title = text.chain;
    }
    place(this.why, !!(text.status || text.why), this.main);
    setAttr(this.why, 'title', text.why);
    place(this.status, !!text.status, this.why, this.why.firstChild as Element | null);
    setText(this.statusText, text.status ?? '');
    place(this.whyWords, !!text.why, this.why);
    setText(this.whyText, text.why ?? '');
    setText(
      this.descText,
      [text.whenExact, text.status, text.chain, text.chain !== text.repeat ? text.repeat : undefined, text.why, showAccount ? r.account : undefined].filter(Boolean).join('. '),
    );
  }

  /** Puts the checkboxes back to what the row shows: they change only when the list says so (controlled). */
  restoreChecks(): void {
    if (!this.props) return;
    this.select.checked = this.props.selected;
    this.done.checked = this.props.reminder.status === 'done';
  }
}

/** A section's heading: its name and how many rows it has. */
export class HeaderElement {
  readonly root: HTMLHeadingElement;
  private readonly nameText: Text;
  private readonly countText: Text;
  private readonly srText: Text;
  private key = '';

  constructor(doc: Document) {
    this.root = el(doc, 'h2', 'section');
    this.nameText = textEl(doc, 'span', '', this.root)[1];
    const [count, countText] = textEl(doc, 'span', 'count', this.root);
    count.setAttribute('aria-hidden', 'true');
    this.countText = countText;
    this.srText = textEl(doc, 'span', 'sr-only', this.root)[1];
  }

  fill(section: SectionId, count: number, atLeast: boolean | undefined, index: number, env: Env): void {
    const key = `${section}|${count}|${atLeast}|${index}`;
    if (key === this.key && this.env === env) return;
    // Grouped in the UI language: "17,559" / "17.559".
    const number = new Intl.NumberFormat(env.locale).format(count);
    const shown = atLeast ? `${number}+` : number;
    this.key = key;
    this.env = env;
    this.root.id = `h-${section}`;
    this.root.style.top = `${index * ROW_HEIGHT}px`;
    setText(this.nameText, env.t(`section_${section}`));
    setText(this.countText, shown);
    setText(this.srText, env.t('sectionCount', [shown]));
  }

  private env: Env | undefined;
}

/** The end of a section the background sent only part of: its button loads the next rows. */
export class MoreElement {
  readonly root: HTMLDivElement;
  private readonly button: HTMLButtonElement;
  private readonly label: Text;
  section: SectionId | undefined;

  constructor(doc: Document) {
    this.root = el(doc, 'div', 'section-more');
    [this.button, this.label] = textEl(doc, 'button', '', this.root);
    this.button.type = 'button';
  }

  fill(section: SectionId, remaining: number | undefined, index: number, env: Env): void {
    this.section = section;
    this.root.style.top = `${index * ROW_HEIGHT}px`;
    this.button.setAttribute('aria-describedby', `h-${section}`);
    setText(this.label, remaining === undefined ? env.t('showMoreUncounted') : env.t('showMore', [String(Math.min(remaining, SECTION_PAGE[section]))]));
  }
}

/** What a click or change inside a row asks for, by the control it hit. */
export type RowAction = 'open' | 'toggleDone' | 'toggleSelect' | 'showActions';

export function actionOf(target: Element, type: 'click' | 'change'): RowAction | undefined {
  const cls = target.classList;
  if (type === 'change') return cls.contains('select') ? 'toggleSelect' : cls.contains('done') ? 'toggleDone' : undefined;
  if (target.tagName !== 'BUTTON') return undefined;
  return cls.contains('subject') ? 'open' : cls.contains('more') ? 'showActions' : undefined;
}
