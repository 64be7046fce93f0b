import type { RefObject } from 'preact';
import type { Translate } from './types';

export interface ToolbarProps {
  t: Translate;
  query: string;
  setQuery(q: string): void;
  accounts: readonly string[];
  account: string;
  setAccount(a: string): void;
  selectedCount: number;
  onDoneSelected(): void;
  onClearSelection(): void;
  searchRef: RefObject<HTMLInputElement>;
  /** ArrowDown from the search field goes to the list. */
  onLeave(): void;
}

/** Search, the account filter (only with several accounts) and, while rows are selected, the bulk action. */
export function Toolbar(p: ToolbarProps) {
  const { t } = p;
  return (
    <div class="toolbar">
      <div class="filters">
        <input
          ref={p.searchRef}
          type="search"
          class="search"
          dir="auto"
          value={p.query}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          aria-keyshortcuts="/"
          maxLength={200}
          onInput={(e) => p.setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && p.query) {
              e.preventDefault();
              p.setQuery('');
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              p.onLeave();
            }
          }}
        />
        {p.accounts.length > 1 && (
          <select class="account-filter" aria-label={t('accountFilterLabel')} value={p.account} onChange={(e) => p.setAccount(e.currentTarget.value)}>
            <option value="">{t('accountAll')}</option>
            {p.accounts.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        )}
      </div>
      {p.selectedCount > 0 && (
        <div class="bulk" role="group" aria-label={t('bulkLabel')}>
          <span aria-live="polite">{t('selectedCount', [String(p.selectedCount)])}</span>
          <button type="button" class="primary" onClick={p.onDoneSelected}>
            {t('bulkDone')}
          </button>
          <button type="button" onClick={p.onClearSelection}>
            {t('bulkClear')}
          </button>
        </div>
      )}
    </div>
  );
}
