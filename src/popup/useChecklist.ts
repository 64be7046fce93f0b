/**
 * The popup's data: the list and settings from the background, and every
 * write as a promise. Thin on purpose — the client is passed in, so tests
 * hand it a fake; each write is followed by a fresh list.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Reminder } from '../core/reminder';
import type { Settings } from '../core/settings';
import type { DueChoice, PreviewInput, PreviewResult } from '../content/ui/types';
import type { ListData, Request } from './types';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface ChecklistActions {
  done(id: string): Promise<Reminder>;
  reopen(id: string): Promise<Reminder>;
  snooze(id: string, due: DueChoice): Promise<Reminder>;
  updateDue(id: string, due: DueChoice): Promise<Reminder>;
  /** Deletes and answers the deleted reminder, kept for Undo. */
  remove(id: string): Promise<Reminder>;
  /** Puts a deleted reminder back (Undo of remove). */
  restore(reminder: Reminder): Promise<unknown>;
  checkNow(id: string): Promise<Reminder>;
  notReply(id: string): Promise<Reminder>;
  /** Opens the thread in Gmail with its reply open ("Reply now"). */
  replyNow(id: string): Promise<Reminder>;
  /** Marks each done; answers the ids that were (a failed one does not stop the rest). */
  doneMany(ids: readonly string[]): Promise<{ done: string[]; failed: number }>;
  /** Reopens each (Undo of doneMany), with one reload at the end. */
  reopenMany(ids: readonly string[]): Promise<void>;
  preview(input: PreviewInput): Promise<PreviewResult>;
}

export interface Checklist {
  list: ListData | null;
  settings: Settings | null;
  /** Why the list could not be loaded. */
  error: string | null;
  reload(): Promise<void>;
  actions: ChecklistActions;
}

/** `initial` renders at once without asking (the benchmark, tests); the hook still loads settings. */
export function useChecklist(request: Request, initial?: ListData): Checklist {
  const [list, setList] = useState<ListData | null>(initial ?? null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const live = useRef(true);

  const reload = useCallback(async () => {
    const n = ++seq.current;
    try {
      const next = await request('reminder.list', {});
      // An answer to an older question (writes in quick succession) is dropped.
      if (live.current && n === seq.current) {
        setList(next);
        setError(null);
      }
    } catch (e) {
      if (live.current && n === seq.current) setError(message(e));
    }
  }, [request]);

  useEffect(() => {
    if (!initial) void reload();
    request('settings.get', {}).then(
      (s) => live.current && setSettings(s.settings),
      () => undefined, // The browser's zone and English defaults still work.
    );
    return () => {
      live.current = false;
    };
  }, [request]);

  const actions = useMemo<ChecklistActions>(() => {
    const write = async <T>(p: Promise<T>): Promise<T> => {
      try {
        return await p;
      } finally {
        void reload();
      }
    };
    const one = (p: Promise<{ reminder: Reminder }>) => write(p).then((x) => x.reminder);
    return {
      done: (id) => one(request('reminder.done', { id })),
      reopen: (id) => one(request('reminder.reopen', { id })),
      snooze: (id, due) => one(request('reminder.snooze', { id, due })),
      updateDue: (id, due) => one(request('reminder.updateDue', { id, due })),
      remove: (id) => one(request('reminder.delete', { id })),
      restore: (reminder) => write(request('reminder.restore', { reminder })),
      checkNow: (id) => one(request('reminder.checkNow', { id })),
      notReply: (id) => one(request('reminder.notReply', { id })),
      replyNow: (id) => request('reminder.replyNow', { id }).then((x) => x.reminder),
      doneMany: (ids) =>
        write(Promise.allSettled(ids.map((id) => request('reminder.done', { id })))).then((results) => ({
          done: ids.filter((_, i) => results[i]!.status === 'fulfilled'),
          failed: results.filter((x) => x.status === 'rejected').length,
        })),
      reopenMany: (ids) => write(Promise.all(ids.map((id) => request('reminder.reopen', { id })))).then(() => undefined),
      preview: async (input) => {
        try {
          return { ok: true, preview: await request('due.preview', input) };
        } catch (e) {
          return { ok: false, message: message(e) };
        }
      },
    };
  }, [request, reload]);

  return { list, settings, error, reload, actions };
}
