import { Component } from 'preact';
import type { Reminder } from '../core/reminder';
import { SECTION_PAGE, type SectionId } from '../core/sections';
import { rowText, shortDate } from './format';
import type { Env } from './types';

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
  top: number;
  active: boolean;
  selected: boolean;
  showAccount: boolean;
  env: Env;
  on: RowHandlers;
}

/**
 * One reminder: text only (never HTML), `dir="auto"` on mail text, one line
 * each with an ellipsis and the full text in `title`. The row itself takes
 * focus (roving tabindex); its controls are tabbable only while it is active.
 */
function RowImpl({ reminder: r, section, index, pos, setSize, top, active, selected, showAccount, env, on }: RowProps) {
  const { t } = env;
  const text = rowText(r, section, env);
  const inner = active ? 0 : -1;
  const descId = `row-desc-${r.id}`;
  const done = r.status === 'done';
  return (
    <div
      class={`row${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      role="article"
      tabIndex={inner}
      data-index={index}
      data-id={r.id}
      data-section={section}
      aria-label={text.label}
      aria-describedby={descId}
      aria-posinset={pos}
      aria-setsize={setSize}
      style={{ top: `${top}px` }}
    >
      <input
        type="checkbox"
        class="select"
        tabIndex={inner}
        checked={selected}
        aria-label={t('rowSelect', [text.subject])}
        onChange={() => on.toggleSelect(r)}
      />
      <input
        type="checkbox"
        class="done"
        tabIndex={inner}
        checked={done}
        aria-label={done ? t('rowReopen', [text.subject]) : t('rowMarkDone', [text.subject])}
        onChange={() => on.toggleDone(r)}
      />
      <div class="main">
        <div class="line">
          <button type="button" class="subject" dir="auto" tabIndex={inner} title={text.fullSubject} onClick={() => on.open(r)}>
            {text.subject}
          </button>
          <span class={section === 'overdue' || (section === 'answer' && r.dueAt <= env.now) ? 'when overdue' : 'when'} title={text.whenExact}>
            {text.when}
          </span>
        </div>
        <div class="line meta">
          <span class="who" dir="auto" title={text.recipients}>
            {text.recipients}
          </span>
          {showAccount && (
            <span class="account" dir="auto" title={r.account}>
              {r.account}
            </span>
          )}
          <span class="sent">{t(r.kind === 'owed-reply' ? 'rowReceived' : 'rowSent', [shortDate(r.sentAt, env)])}</span>
          {text.chain && (
            <span class="chain" title={text.chain}>
              {text.chain}
            </span>
          )}
        </div>
        {(text.status || text.why) && (
          <div class="line why" title={text.why}>
            {text.status && <span class="status">{text.status}</span>}
            {text.why && <span dir="auto">{text.why}</span>}
          </div>
        )}
      </div>
      <button
        type="button"
        class="more"
        tabIndex={inner}
        aria-haspopup="dialog"
        aria-label={t('rowActions', [text.subject])}
        title={t('rowActions', [text.subject])}
        onClick={() => on.showActions(r)}
      />
      {/* Hidden, not visually hidden: aria-describedby reads a hidden element's text all the same (accname),
          and a display: none box is neither laid out nor painted when the row is re-filled on scroll. */}
      <span id={descId} hidden>
        {[text.whenExact, text.status, text.chain, text.chain !== text.repeat ? text.repeat : undefined, text.why, showAccount ? r.account : undefined].filter(Boolean).join('. ')}
      </span>
    </div>
  );
}

/**
 * A row renders again only when one of its props changed (shallow: a changed reminder arrives as a new
 * object). A class with shouldComponentUpdate rather than preact/compat's memo: importing compat installs
 * global option hooks that run for every vnode of the popup, which cost more per scroll step than the row.
 */
export class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    for (const k in next) if (next[k as keyof RowProps] !== this.props[k as keyof RowProps]) return true;
    for (const k in this.props) if (!(k in next)) return true;
    return false;
  }

  override render(props: RowProps) {
    return RowImpl(props);
  }
}

export function SectionHeader({ section, count, atLeast, top, env }: { section: SectionId; count: number; atLeast?: boolean; top: number; env: Env }) {
  // Grouped in the UI language: "17,559" / "17.559".
  const number = new Intl.NumberFormat(env.locale).format(count);
  const shown = atLeast ? `${number}+` : number;
  return (
    <h2 class="section" id={`h-${section}`} style={{ top: `${top}px` }}>
      <span>{env.t(`section_${section}`)}</span>
      <span class="count" aria-hidden="true">
        {shown}
      </span>
      <span class="sr-only">{env.t('sectionCount', [shown])}</span>
    </h2>
  );
}

/** The end of a section the background sent only part of: loads its next rows. */
export function MoreRow({ section, remaining, top, env, onShowMore }: { section: SectionId; remaining?: number; top: number; env: Env; onShowMore(section: SectionId): void }) {
  return (
    <div class="section-more" style={{ top: `${top}px` }}>
      <button type="button" aria-describedby={`h-${section}`} onClick={() => onShowMore(section)}>
        {remaining === undefined ? env.t('showMoreUncounted') : env.t('showMore', [String(Math.min(remaining, SECTION_PAGE[section]))])}
      </button>
    </div>
  );
}
