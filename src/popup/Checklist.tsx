import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Armed } from '../content/ui/types';
import { subjectOf } from '../core/notification-text';
import { createHandlers, doneSelected, type HandlerDeps } from './handlers';
import { accountsOf, buildItems, totalOf, type Filter } from './model';
import { RowActions, type ActionsView } from './RowActions';
import { exact } from './format';
import { Snackbar, useSnackbar } from './Snackbar';
import { Toolbar } from './Toolbar';
import { useChecklist } from './useChecklist';
import { VirtualList } from './VirtualList';
import type { Env, ListData, Request, Translate } from './types';

export interface ChecklistProps {
  request: Request;
  t: Translate;
  /** UI language (browser.i18n.getUILanguage()). */
  locale: string;
  /** Opens the options page (absent where there is none to open, e.g. the benchmark). */
  openOptions?: () => Promise<unknown> | void;
  /** A `reminder.list` answer to show at once instead of asking (benchmark, tests). */
  initial?: ListData;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The popup: header with the due count, search and filters, the sectioned list, row dialogs and the Undo bar. */
export function Checklist({ request, t, locale, openOptions, initial }: ChecklistProps) {
  const { list, settings, error, reload, showMore, actions } = useChecklist(request, initial);
  const [filter, setFilter] = useState<Filter>({ query: '', account: '' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActive] = useState<string | undefined>();
  const [dialog, setDialog] = useState<{ id: string; view: ActionsView } | null>(null);
  const { snack, show } = useSnackbar();
  const searchRef = useRef<HTMLInputElement>(null);
  const focusRef = useRef<(() => void) | null>(null);

  const timeZone = settings?.schedule.timeZone ?? browserZone();
  const now = list?.now ?? 0;
  const env = useMemo<Env>(() => ({ t, locale, timeZone, now }), [t, locale, timeZone, now]);
  const accounts = useMemo(() => (list ? accountsOf(list) : []), [list]);
  const account = accounts.includes(filter.account) ? filter.account : '';
  const items = useMemo(() => (list ? buildItems(list, { query: filter.query, account }) : []), [list, filter.query, account]);
  const shownIds = useMemo(() => new Set(items.flatMap((it) => (it.kind === 'row' ? [it.reminder.id] : []))), [items]);

  const deps: HandlerDeps = {
    actions,
    env,
    items,
    show,
    setActive,
    focusList: () => focusRef.current?.(),
    toggleSelect: (id) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    showActions: (id) => setDialog({ id, view: 'menu' }),
  };
  const latest = useRef(deps);
  latest.current = deps;
  const on = useMemo(() => createHandlers(() => latest.current), []);

  // "/" focuses search from anywhere but a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || el?.closest('input,textarea,select,[role=dialog]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (error && !list) {
    return (
      <main class="popup">
        <p class="error" role="alert">
          {t('popupError', [error])}
        </p>
        <button type="button" class="retry" onClick={() => void reload()}>
          {t('retry')}
        </button>
      </main>
    );
  }
  if (!list) return <main class="popup" aria-busy="true" />;

  const total = totalOf(list);
  // Owed replies that are due count too: they are listed under "To answer", not "Overdue".
  const due = (list.counts.overdue ?? list.sections.overdue?.length ?? 0) + (list.sections.answer ?? []).filter((r) => r.status === 'notified' || r.dueAt <= now).length;
  const visibleSelected = [...selected].filter((id) => shownIds.has(id));
  const target = dialog && items.find((it) => it.kind === 'row' && it.reminder.id === dialog.id);
  const closeDialog = () => {
    setDialog(null);
    focusRef.current?.();
  };

  return (
    <main class="popup">
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        {due > 0 && (
          <span class="badge" title={t('headerDue', [String(due)])}>
            <span aria-hidden="true">{due}</span>
            <span class="sr-only">{t('headerDue', [String(due)])}</span>
          </span>
        )}
        {openOptions && (
          <button type="button" class="settings-link" onClick={() => void openOptions()}>
            {t('popupSettings')}
          </button>
        )}
      </header>
      {total === 0 ? (
        <p class="empty">{t('popupEmpty')}</p>
      ) : (
        <>
          <Toolbar
            t={t}
            query={filter.query}
            setQuery={(query) => setFilter((f) => ({ ...f, query }))}
            accounts={accounts}
            account={account}
            setAccount={(a) => setFilter((f) => ({ ...f, account: a }))}
            selectedCount={visibleSelected.length}
            onDoneSelected={() => doneSelected(latest.current, visibleSelected, () => setSelected(new Set()))}
            onClearSelection={() => setSelected(new Set())}
            searchRef={searchRef}
            onLeave={() => focusRef.current?.()}
          />
          {items.length === 0 ? (
            <p class="empty" role="status">
              {t('noMatches')}
            </p>
          ) : (
            <VirtualList
              items={items}
              env={env}
              activeId={activeId}
              setActive={setActive}
              selected={selected}
              showAccount={accounts.length > 1}
              on={on}
              label={t('listLabel')}
              focusRef={focusRef}
              onShowMore={(section) => void showMore(section)}
            />
          )}
        </>
      )}
      {target && target.kind === 'row' && (
        <RowActions
          t={t}
          lang={locale.toLowerCase().startsWith('de') ? 'de' : 'en'}
          reminder={target.reminder}
          subject={subjectOf(target.reminder, t)}
          now={now}
          view={dialog.view}
          snoozePreset={settings?.snoozePreset ?? 'tomorrow'}
          defaultPreset={settings?.defaultPreset ?? 'in-3-days'}
          preview={actions.preview}
          onClose={closeDialog}
          onOpen={() => on.open(target.reminder)}
          onSnooze={(a: Armed) => on.snooze(target.reminder, a)}
          onChange={(a: Armed) => on.change(target.reminder, a)}
          onCheckNow={() => on.checkNow(target.reminder)}
          onNotReply={() => on.notReply(target.reminder)}
          onReplyNow={() => on.replyNow(target.reminder)}
          onWriteFollowUp={() => on.writeFollowUp(target.reminder)}
          onAutoAnswer={() => on.autoAnswer(target.reminder)}
          onSetRepeat={(repeat: boolean) => on.setRepeat(target.reminder, repeat)}
          formatDate={(ms: number) => exact(ms, env)}
          onDelete={() => on.removeKey(target.reminder)}
        />
      )}
      <Snackbar snack={snack} t={t} onClose={() => show(null)} />
    </main>
  );
}
