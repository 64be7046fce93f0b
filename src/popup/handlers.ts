/** What each row action does: the write, then a message (with Undo where it can be undone) or the error. */
import type { Armed } from '../content/ui/types';
import { explainReminder } from '../core/explanation';
import { subjectOf } from '../core/notification-text';
import { threadUrl } from '../core/gmail-links';
import type { Reminder } from '../core/reminder';
import { exact } from './format';
import { neighbourId, type Item } from './model';
import type { Snack } from './Snackbar';
import type { ChecklistActions } from './useChecklist';
import type { ListKeys } from './VirtualList';
import type { Env, OpenTab } from './types';

export interface HandlerDeps {
  actions: ChecklistActions;
  env: Env;
  items: readonly Item[];
  openTab: OpenTab;
  show(s: Snack | null): void;
  setActive(id: string | undefined): void;
  focusList(): void;
  toggleSelect(id: string): void;
  showActions(id: string): void;
}

export interface Handlers extends ListKeys {
  snooze(r: Reminder, a: Armed): void;
  change(r: Reminder, a: Armed): void;
  checkNow(r: Reminder): void;
  notReply(r: Reminder): void;
  replyNow(r: Reminder): void;
  remove(r: Reminder): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `get` returns the current deps, so the handler object can stay the same across renders (rows are memoised). */
export function createHandlers(get: () => HandlerDeps): Handlers {
  const fail = (e: unknown) => get().show({ text: get().env.t('actionFailed', [message(e)]), error: true });
  const subject = (r: Reminder) => subjectOf(r, get().env.t);
  /** A keyboard user stays where they were: focus goes to the row below before this one moves or goes. */
  const stepAway = (r: Reminder) => {
    const { items, setActive, focusList } = get();
    const next = neighbourId(items, r.id);
    if (next) {
      setActive(next);
      focusList();
    }
  };

  const toggleDone = (r: Reminder) => {
    const { actions, show, env } = get();
    if (r.status === 'done') {
      actions.reopen(r.id).then(() => show({ text: env.t('snackReopened', [subject(r)]) }), fail);
      return;
    }
    actions.done(r.id).then(
      () => show({ text: env.t('snackDone', [subject(r)]), undo: () => void get().actions.reopen(r.id).catch(fail) }),
      fail,
    );
  };

  const remove = (r: Reminder) => {
    const { actions, show, env } = get();
    actions.remove(r.id).then(
      (deleted) => show({ text: env.t('snackDeleted', [subject(r)]), undo: () => void get().actions.restore(deleted).catch(fail) }),
      fail,
    );
  };

  return {
    open: (r) => {
      Promise.resolve(get().openTab(threadUrl(r))).catch(fail);
    },
    toggleDone,
    toggleDoneKey: (r) => {
      stepAway(r);
      toggleDone(r);
    },
    remove,
    removeKey: (r) => {
      stepAway(r);
      remove(r);
    },
    toggleSelect: (r) => get().toggleSelect(r.id),
    showActions: (r) => get().showActions(r.id),
    snooze: (r, a) => {
      get()
        .actions.snooze(r.id, a.due)
        .then((next) => get().show({ text: get().env.t('snackSnoozed', [exact(next.dueAt, get().env)]) }), fail);
    },
    change: (r, a) => {
      get()
        .actions.updateDue(r.id, a.due)
        .then((next) => get().show({ text: get().env.t('snackChanged', [exact(next.dueAt, get().env)]) }), fail);
    },
    checkNow: (r) => {
      get().show({ text: get().env.t('snackChecking') });
      get()
        .actions.checkNow(r.id)
        .then((next) => {
          const env = get().env;
          const why = next.status === 'replied' || next.check?.outcome !== 'no-reply' ? explainReminder(next, env.t, (ms) => exact(ms, env)) : undefined;
          get().show({ text: why ?? env.t('snackNoReplyYet') });
        }, fail);
    },
    replyNow: (r) => {
      get().actions.replyNow(r.id).catch(fail);
    },
    notReply: (r) => {
      get()
        .actions.notReply(r.id)
        .then(() => get().show({ text: get().env.t('snackNotReply', [subject(r)]) }), fail);
    },
  };
}

/** Bulk "Mark selected done", with one Undo for all of them. */
export function doneSelected(deps: HandlerDeps, ids: readonly string[], clear: () => void) {
  const { actions, show, env } = deps;
  clear();
  actions.doneMany(ids).then(({ done, failed }) => {
    const text = failed > 0 ? env.t('snackDoneManyFailed', [String(done.length), String(failed)]) : env.t('snackDoneMany', [String(done.length)]);
    show({
      text,
      error: failed > 0,
      undo: done.length ? () => void actions.reopenMany(done).catch((e) => show({ text: env.t('actionFailed', [message(e)]), error: true })) : undefined,
    });
  });
}
