/**
 * The popup's data: the list and settings from the background, and every
 * write as a promise. Thin on purpose — the client is passed in, so tests
 * hand it a fake; each write is followed by a fresh list.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Reminder } from '../core/reminder';
import { LIVE_SECTIONS, SECTION_PAGE, type SectionId } from '../core/sections';
import type { Settings } from '../core/settings';
import type { DueChoice, PreviewInput, PreviewResult } from '../content/ui/types';
import type { ListData, Request } from './types';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What an action changed: `previous` is what its Undo puts back, over `reminder` (the state it left). */
export interface Change {
  previous: Reminder;
  reminder: Reminder;
}

/**
 * The one Undo of every action: the reminder as it was, put back only over the state the action left
 * (`expectedRev`; absent after a delete). See `restoreSnapshot` in src/core/transitions.ts.
 */
export interface UndoToken {
  previous: Reminder;
  expectedRev?: number;
}

export const undoOf = (c: Change): UndoToken => ({ previous: c.previous, expectedRev: c.reminder.rev });

export interface ChecklistActions {
  done(id: string): Promise<Change>;
  reopen(id: string): Promise<Reminder>;
  snooze(id: string, due: DueChoice): Promise<Change>;
  updateDue(id: string, due: DueChoice): Promise<Change>;
  /** Deletes and answers the deleted reminder, kept for Undo. */
  remove(id: string): Promise<Reminder>;
  /** Undo of any action above: puts the reminder back as it was (a conflict when it changed since). */
  undo(token: UndoToken): Promise<Reminder>;
  checkNow(id: string): Promise<Reminder>;
  /** Shows the thread: in an open Gmail tab of its account, else a new tab. */
  open(id: string): Promise<unknown>;
  notReply(id: string): Promise<Reminder>;
  /** Opens the thread in Gmail with its reply open ("Reply now"). */
  replyNow(id: string): Promise<Reminder>;
  /** Opens the thread in Gmail with its reply filled with a follow-up and armed ("Write follow-up"). */
  writeFollowUp(id: string): Promise<Reminder>;
  autoAnswer(id: string): Promise<Reminder>;
  /** "Stop repeating" / "Repeat until answered" (undoable). */
  setRepeat(id: string, repeat: boolean): Promise<Change>;
  /** Marks each done; answers the changes made (a failed one does not stop the rest). */
  doneMany(ids: readonly string[]): Promise<{ done: Change[]; failed: number }>;
  /** Undoes each (Undo of doneMany), with one reload at the end; answers how many could not be undone. */
  undoMany(tokens: readonly UndoToken[]): Promise<{ failed: number }>;
  preview(input: PreviewInput): Promise<PreviewResult>;
}

export interface Checklist {
  list: ListData | null;
  settings: Settings | null;
  /** Why the list could not be loaded. */
  error: string | null;
  reload(): Promise<void>;
  /** Asks for the next page of one section (the first page of each comes with the list). */
  showMore(section: SectionId): Promise<void>;
  actions: ChecklistActions;
}

/** `initial` renders at once without asking (the benchmark, tests); the hook still loads settings. */
export function useChecklist(request: Request, initial?: ListData): Checklist {
  const [list, setList] = useState<ListData | null>(initial ?? null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const live = useRef(true);
  // Rows wanted per section beyond the first page: kept across reloads, so a write does not fold the list up again.
  const limits = useRef<Partial<Record<SectionId, number>>>({});

  const reload = useCallback(async () => {
    const n = ++seq.current;
    try {
      const more = Object.keys(limits.current).length ? { limits: { ...limits.current } } : {};
      // First the rows (counting only what they tell), then the counts of long sections: counting
      // tens of thousands of finished reminders must not keep the first rows off the screen.
      const next = await request('reminder.list', { ...more, counts: 'page' });
      // An answer to an older question (writes in quick succession) is dropped.
      if (!live.current || n !== seq.current) return;
      setList(next);
      setError(null);
      // Waiting sections longer than a page are counted now. History (thousands of finished reminders) came
      // counted already, from the counts the store keeps per status; only while those are being rebuilt does
      // its header say "50+" (and "Show more" pages on without a number).
      const uncounted = LIVE_SECTIONS.filter((id) => next.counts[id] === undefined);
      if (uncounted.length === 0) return;
      const { counts } = await request('reminder.list', { sections: [], counts: uncounted });
      if (live.current && n === seq.current) setList((l) => l && { ...l, counts: { ...counts, ...next.counts } });
    } catch (e) {
      if (live.current && n === seq.current) setError(message(e));
    }
  }, [request]);

  const showMore = useCallback(
    async (section: SectionId) => {
      const shown = list?.sections[section]?.length ?? 0;
      limits.current = { ...limits.current, [section]: shown + SECTION_PAGE[section] };
      await reload();
    },
    [list, reload],
  );

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
    const change = (p: Promise<Change>) => write(p).then(({ previous, reminder }) => ({ previous, reminder }));
    const undoRequest = (t: UndoToken) =>
      request('reminder.restore', { reminder: t.previous, ...(t.expectedRev !== undefined ? { expectedRev: t.expectedRev } : {}) }).then((x) => x.reminder);
    return {
      done: (id) => change(request('reminder.done', { id })),
      reopen: (id) => one(request('reminder.reopen', { id })),
      snooze: (id, due) => change(request('reminder.snooze', { id, due })),
      updateDue: (id, due) => change(request('reminder.updateDue', { id, due })),
      remove: (id) => one(request('reminder.delete', { id })),
      undo: (token) => write(undoRequest(token)),
      checkNow: (id) => one(request('reminder.checkNow', { id })),
      open: (id) => request('reminder.open', { id }),
      notReply: (id) => one(request('reminder.notReply', { id })),
      replyNow: (id) => request('reminder.replyNow', { id }).then((x) => x.reminder),
      writeFollowUp: (id) => request('reminder.writeFollowUp', { id }).then((x) => x.reminder),
      autoAnswer: (id) => one(request('reminder.autoAnswer', { id })),
      setRepeat: (id, repeat) => change(request('reminder.setRepeat', { id, repeat })),
      doneMany: (ids) =>
        write(Promise.allSettled(ids.map((id) => request('reminder.done', { id })))).then((results) => ({
          done: results.flatMap((x) => (x.status === 'fulfilled' ? [{ previous: x.value.previous, reminder: x.value.reminder }] : [])),
          failed: results.filter((x) => x.status === 'rejected').length,
        })),
      undoMany: (tokens) =>
        write(Promise.allSettled(tokens.map(undoRequest))).then((results) => ({ failed: results.filter((x) => x.status === 'rejected').length })),
      preview: async (input) => {
        try {
          return { ok: true, preview: await request('due.preview', input) };
        } catch (e) {
          return { ok: false, message: message(e) };
        }
      },
    };
  }, [request, reload]);

  return { list, settings, error, reload, showMore, actions };
}
