/** What each row action does: the write, then a message (with Undo where it can be undone) or the error. */
import type { Armed } from '../content/ui/types';
import { dayFormatter, explainReminder } from '../core/explanation';
import { subjectOf } from '../core/notification-text';
import type { Reminder } from '../core/reminder';
import { exact } from './format';
import { neighbourId, type Item } from './model';
import type { Snack } from './Snackbar';
import { undoOf, type ChecklistActions, type UndoToken } from './useChecklist';
import type { ListKeys } from './VirtualList';
import type { Env } from './types';

export interface HandlerDeps {
  actions: ChecklistActions;
  env: Env;
  items: readonly Item[];
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
  writeFollowUp(r: Reminder): void;
  autoAnswer(r: Reminder): void;
  /** "Stop repeating" / "Repeat until answered", with Undo. */
  setRepeat(r: Reminder, repeat: boolean): void;
  remove(r: Reminder): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** The protocol error's code (`conflict`, `not-found`…), when the background gave one. */
const codeOf = (e: unknown) => {
  const x = e as { code?: unknown; error?: { code?: unknown } } | null;
  return x?.error?.code ?? x?.code;
};

/** `get` returns the current deps, so the handler object can stay the same across renders (rows are memoised). */
export function createHandlers(get: () => HandlerDeps): Handlers {
  const fail = (e: unknown) => get().show({ text: get().env.t('actionFailed', [message(e)]), error: true });
  const subject = (r: Reminder) => subjectOf(r, get().env.t);
  /** Every Undo the same way: the reminder as it was comes back, or the user hears why not. */
  const undo = (token: UndoToken) => () =>
    void get()
      .actions.undo(token)
      .catch((e) => (codeOf(e) === 'conflict' ? get().show({ text: get().env.t('undoConflict'), error: true }) : fail(e)));
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
    actions.done(r.id).then((c) => show({ text: env.t('snackDone', [subject(r)]), undo: undo(undoOf(c)) }), fail);
  };

  const remove = (r: Reminder) => {
    const { actions, show, env } = get();
    actions.remove(r.id).then(
      (deleted) => show({ text: env.t('snackDeleted', [subject(r)]), undo: undo({ previous: deleted }) }),
      fail,
    );
  };

  return {
    open: (r) => {
      // The background focuses an open Gmail tab of the account, or opens one.
      get().actions.open(r.id).catch(fail);
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
        .then((c) => get().show({ text: get().env.t('snackSnoozed', [exact(c.reminder.dueAt, get().env)]), undo: undo(undoOf(c)) }), fail);
    },
    change: (r, a) => {
      get()
        .actions.updateDue(r.id, a.due)
        .then((c) => get().show({ text: get().env.t('snackChanged', [exact(c.reminder.dueAt, get().env)]), undo: undo(undoOf(c)) }), fail);
    },
    checkNow: (r) => {
      get().show({ text: get().env.t('snackChecking') });
      get()
        .actions.checkNow(r.id)
        .then((next) => {
          const env = get().env;
          const why = next.status === 'replied' || next.check?.outcome !== 'no-reply' ? explainReminder(next, env.t, (ms) => exact(ms, env), dayFormatter(env.locale)) : undefined;
          get().show({ text: why ?? env.t('snackNoReplyYet') });
        }, fail);
    },
    replyNow: (r) => {
      get().actions.replyNow(r.id).catch(fail);
    },
    writeFollowUp: (r) => {
      // Opens Gmail (the popup closes with the focus change); a refusal (answered meanwhile) is said here.
      get().actions.writeFollowUp(r.id).catch(fail);
    },
    notReply: (r) => {
      get()
        .actions.notReply(r.id)
        .then(() => get().show({ text: get().env.t('snackNotReply', [subject(r)]) }), fail);
    },
    setRepeat: (r, repeat) => {
      get()
        .actions.setRepeat(r.id, repeat)
        .then((c) => get().show({ text: get().env.t(repeat ? 'snackRepeatOn' : 'snackRepeatOff', [subject(r)]), undo: undo(undoOf(c)) }), fail);
    },
    autoAnswer: (r) => {
      get()
        .actions.autoAnswer(r.id)
        .then(() => get().show({ text: get().env.t('snackAutoAnswer', [subject(r)]) }), fail);
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
      undo: done.length
        ? () =>
            void actions.undoMany(done.map(undoOf)).then(
              ({ failed: notUndone }) => notUndone > 0 && show({ text: env.t('snackUndoManyFailed', [String(notUndone)]), error: true }),
              (e) => show({ text: env.t('actionFailed', [message(e)]), error: true }),
            )
        : undefined,
    });
  });
}
