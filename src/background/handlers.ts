import { createReminder, threadKeysOf, type Reminder } from '../core/reminder';
import { defaultChain } from '../core/chain';
import type { DuePreview, ResponseMap } from '../core/protocol/messages';
import type { RequestOf, RequestType } from '../core/protocol/schemas';
import type { SenderInfo } from '../core/protocol/sender';
import { isRelativeDue, resolveIntent, sendMoments } from '../core/schedule/intent';
import type { DueResolution } from '../core/schedule/presets';
import { parseDue } from '../core/schedule/natural';
import { formatDue } from '../core/schedule/format';
import { endOfLocalDay, SECTION_PAGE } from '../core/sections';
import type { Settings } from '../core/settings';
import type { ReminderEvent } from '../core/transitions';
import type { ReminderStore } from '../storage/reminder-store';
import type { SectionQueryFn } from '../storage/list-query';
import type { StatusCounts } from '../storage/status-counts';
import type { Announcer } from './announcer';
import type { IntegrationStore } from './integration-store';
import type { createReplyHandlers } from './reply-handlers';
import type { createDataHandlers } from './data-handlers';
import type { Clock, I18nPort, Logger } from './ports';
import type { ReplyIntentStore } from './reply-intents';
import { ReminderNotFoundError } from '../storage/reminder-store';
import type { Reconcile } from './reconciler';
import type { Retention } from './retention';
import type { OpenThread } from './thread-opener';
import type { FollowUps } from './follow-up';

export class UnparseableDueError extends Error {
  readonly code = 'unparseable';
}

export interface HandlerDeps {
  store: ReminderStore;
  /** The popup's sections read through the indexes (storage/list-query). */
  listSections: SectionQueryFn;
  /** Rebuilds the per-status counts when a list read finds one missing or contradicted. */
  counts: Pick<StatusCounts, 'recount'>;
  log: Logger;
  settings: { get(): Promise<Settings> };
  clock: Clock;
  announcer: Announcer;
  reconcile: Reconcile;
  i18n: I18nPort;
  integration: IntegrationStore;
  replyHandlers: ReturnType<typeof createReplyHandlers>;
  dataHandlers: ReturnType<typeof createDataHandlers>;
  retention: Pick<Retention, 'summary'>;
  openThread: OpenThread;
  intents: ReplyIntentStore;
  followUps: FollowUps;
}

export type Handlers = { [K in RequestType]: (payload: RequestOf<K>, sender?: SenderInfo) => Promise<ResponseMap[K]> };
/** Wired in services.ts: it needs the sender's frame, not the stores. */
type OwnHandlers = Omit<Handlers, 'controls.load'>;

type Due = RequestOf<'reminder.create'>['due'];

/** Request handlers: validated input in, plain data out. Each write ends with a reconcile (alarm + badge). */
export function createHandlers({ store, listSections, counts, log, settings, clock, announcer, reconcile, i18n, integration, replyHandlers, dataHandlers, openThread, retention, intents, followUps }: HandlerDeps): OwnHandlers {
  /** A user's move; answers the reminder before it too, which is what an Undo puts back (`reminder.restore`). */
  async function transition(id: string, event: ReminderEvent): Promise<{ reminder: Reminder; previous: Reminder }> {
    const { reminder, previous } = await store.change(id, event, clock.now(), { cause: 'user' });
    if (reminder.status !== 'notified') await announcer.withdraw(id);
    await reconcile('user');
    return { reminder, previous };
  }

  async function dueAt(due: Due): Promise<number> {
    return resolveIntent(due, { now: clock.now() }, (await settings.get()).schedule).at;
  }

  return {
    async 'reminder.create'(p) {
      const now = clock.now();
      const s = await settings.get();
      // Relative times count from the send (a scheduled send: from its time); an absolute one must still lie ahead of it.
      const at = resolveIntent(p.due, sendMoments(now, p.sentAt, p.pressedAt), s.schedule).at;
      const created = createReminder(
        { id: p.id, account: p.account, thread: p.thread, sentAt: p.sentAt, dueAt: at, kind: p.kind ?? 'no-reply', ...(p.anchor ? { anchor: p.anchor } : {}) },
        now,
      );
      // A new "if no reply" chases until answered by default (settings.followUps; one click turns it off).
      const reminder = created.kind === 'no-reply' ? { ...created, chain: defaultChain(s) } : created;
      // An armed send in the thread of a live no-reply reminder records a follow-up on it (outcome 'replaced', same id).
      const result = await store.create(reminder, now, s);
      // A replaced reminder is waiting again: its notification (if it had one) is stale.
      if (result.outcome === 'replaced') await announcer.withdraw(result.reminder.id);
      // Writing in the thread answered the reply the user owed there.
      if (result.answered) await announcer.withdraw(result.answered.id);
      await reconcile('user');
      return result;
    },

    async 'reminder.updateDue'(p) {
      return transition(p.id, { type: 'reschedule', dueAt: await dueAt(p.due) });
    },

    async 'reminder.snooze'(p) {
      const s = await settings.get();
      const until = resolveIntent(p.due ?? { preset: s.snoozePreset }, { now: clock.now() }, s.schedule).at;
      return transition(p.id, { type: 'snooze', until });
    },

    /** "Stop repeating" / "Repeat until answered" (undo: `reminder.restore` with `previous`). */
    async 'reminder.setRepeat'(p) {
      const { reminder, previous } = await store.setRepeat(p.id, p.repeat, clock.now(), await settings.get());
      await reconcile('user');
      return { reminder, previous };
    },

    'reminder.done': (p) => transition(p.id, { type: 'done' }),
    'reminder.reopen': (p) => transition(p.id, { type: 'reopen' }),
    'reminder.cancel': (p) => transition(p.id, { type: 'cancel' }),

    async 'reminder.delete'(p) {
      const reminder = await store.delete(p.id);
      await announcer.withdraw(p.id);
      await reconcile('user');
      return { reminder };
    },

    /**
     * Undo of any of the above: the reminder as it was comes back exactly, over the state the action left
     * (`expectedRev`; absent after a delete), or a conflict. No notification: a notified reminder that was
     * shown stays announced; the reconcile only fires what is due and points the alarm and the badge.
     */
    async 'reminder.restore'(p) {
      const reminder = await store.restore(p.reminder as Reminder, p.expectedRev, clock.now());
      if (reminder.status !== 'notified') await announcer.withdraw(reminder.id);
      await reconcile('user');
      return { reminder };
    },

    /** The popup's "open thread": in an open Gmail tab of the account when there is one, else a new tab. */
    async 'reminder.open'(p) {
      const reminder = await store.get(p.id);
      if (!reminder) throw new ReminderNotFoundError(p.id);
      return { opened: await openThread(reminder) };
    },

    async 'reminder.list'(p) {
      const now = clock.now();
      const { schedule } = await settings.get();
      const limits = { ...SECTION_PAGE, ...p.limits };
      const { recount, ...page } = await listSections({
        now,
        endOfToday: endOfLocalDay(now, schedule.timeZone),
        limits,
        ...(p.sections ? { sections: p.sections } : {}),
        ...(p.counts ? { counts: p.counts } : {}),
      });
      // Not awaited: this answer already shows what its rows tell; the next list has the rebuilt counts.
      if (recount) void counts.recount().catch((error: unknown) => log.warn('Could not rebuild the reminder counts', error));
      return { ...page, now };
    },

    async 'reminder.getByThread'(p) {
      const keys = threadKeysOf({ provider: 'gmail', ...pickIds(p) });
      const matches = await store.byThread(p.account, keys);
      // Prefer the live one; else the most recently touched.
      matches.sort((a, b) => rank(a) - rank(b) || b.updatedAt - a.updatedAt);
      const intent = await intents.take(p.account, keys, clock.now());
      // "Write follow-up": filled only while the reminder still waits (they may have answered since the click).
      const followUp = intent?.followUp && (await followUps.stillWritable(intent.followUp.reminderId)) ? intent.followUp : undefined;
      const openReply = intent !== undefined && (!intent.followUp || followUp !== undefined);
      return { reminder: matches[0] ?? null, ...(openReply ? { openReply: true as const } : {}), ...(followUp ? { followUp } : {}) };
    },

    async 'reminder.replyNow'(p) {
      const reminder = await store.get(p.id);
      if (!reminder) throw new ReminderNotFoundError(p.id);
      // Set before the thread shows: its thread view asks for the thread as soon as it does.
      await intents.set(reminder.account, threadKeysOf(reminder.thread), clock.now());
      await openThread(reminder);
      return { reminder };
    },

    'reminder.writeFollowUp': (p) => followUps.write(p.id),
    'reminder.followUpDraft': (p) => followUps.draftFor(p.id, p.myName),

    async 'due.preview'(p): Promise<DuePreview> {
      const now = clock.now();
      const s = await settings.get();
      let res: DueResolution;
      let relative: DuePreview['relative'];
      if (!('text' in p)) res = resolveIntent(p, { now }, s.schedule);
      else {
        const parsed = parseDue(p.text, now, s.schedule, p.lang ?? (i18n.locale().startsWith('de') ? 'de' : 'en'));
        if (!parsed.ok) throw new UnparseableDueError(i18n.t(`dueError_${parsed.reason}`) || parsed.reason);
        res = parsed;
        if (isRelativeDue(parsed.intent)) relative = parsed.intent;
      }
      const label = formatDue(res.at, now, s.schedule.timeZone, i18n.locale());
      return { at: res.at, moved: res.moved, exactTime: res.exactTime, label, ...(relative ? { relative } : {}) };
    },

    async 'settings.get'() {
      return { settings: await settings.get() };
    },

    async 'integration.report'(p) {
      await integration.record({ checks: p.checks, notes: p.notes }, p.account, clock.now());
      return { stored: true };
    },

    async 'integration.get'() {
      return { reports: await integration.all() };
    },

    'history.summary': (p) => retention.summary(p.months),

    ...replyHandlers,
    ...dataHandlers,
  };
}

function pickIds(p: RequestOf<'reminder.getByThread'>) {
  return {
    ...(p.threadId ? { threadId: p.threadId } : {}),
    ...(p.permThreadId ? { permThreadId: p.permThreadId } : {}),
    ...(p.messageId ? { messageId: p.messageId } : {}),
  };
}

const RANK: Record<Reminder['status'], number> = { notified: 0, pending: 1, snoozed: 1, replied: 2, done: 3, cancelled: 4 };
const rank = (r: Reminder) => RANK[r.status];
