import { threadKeysOf, type Reminder } from '../core/reminder';
import { wantsReplyAll, whyNoFollowUp, type FollowUpArm, type FollowUpDraft } from '../core/follow-up';
import type { Settings } from '../core/settings';
import { ReminderNotFoundError, type ReminderStore } from '../storage/reminder-store';
import type { Clock, I18nPort } from './ports';
import type { ReplyIntentStore } from './reply-intents';
import type { OpenThread } from './thread-opener';

/** The nudge's text for a reminder (core/templates' renderFollowUp). */
export type RenderFollowUp = (
  reminder: Reminder,
  settings: Settings,
  options: { locale: string; now: number; myName?: string },
) => { text: string; templateId?: string };

/** The chain's next step after a follow-up sent now (core/chain), or undefined when the chain has none. */
export type NextFollowUp = (reminder: Reminder, settings: Settings, now: number) => { dueAt: number; n: number; of: number; final: boolean } | undefined;

export interface FollowUpDeps {
  store: ReminderStore;
  settings: { get(): Promise<Settings> };
  clock: Clock;
  i18n: I18nPort;
  intents: ReplyIntentStore;
  openThread: OpenThread;
  render: RenderFollowUp;
  nextFollowUp: NextFollowUp;
}

/** A reminder that gets no follow-up: an owed reply, a finished or bounced one. The caller sees why. */
export class FollowUpRefusedError extends Error {
  readonly code = 'illegal-transition';
}

/**
 * "Write follow-up": the background decides what the reply says (the nudge
 * in the UI language) and what the compose is armed with (the chain's next
 * step); the Gmail tab opens the reply, inserts the text and arms it. It
 * never sends: the user does.
 */
export function createFollowUps({ store, settings, clock, i18n, intents, openThread, render, nextFollowUp }: FollowUpDeps) {
  async function writable(id: string): Promise<Reminder> {
    const reminder = await store.get(id);
    if (!reminder) throw new ReminderNotFoundError(id);
    const why = whyNoFollowUp(reminder);
    if (why) throw new FollowUpRefusedError(i18n.t(`followUpRefused_${why}`) || `No follow-up for this reminder (${why})`);
    return reminder;
  }

  async function draft(reminder: Reminder, myName: string | undefined): Promise<FollowUpDraft> {
    const s = await settings.get();
    const now = clock.now();
    const { text, templateId } = render(reminder, s, { locale: i18n.locale(), now, ...(myName ? { myName } : {}) });
    const next = nextFollowUp(reminder, s, now);
    const arm: FollowUpArm = next ? { kind: 'chain', ...next } : { kind: 'default', preset: s.defaultPreset };
    return { reminderId: reminder.id, text, ...(templateId ? { templateId } : {}), replyAll: wantsReplyAll(reminder, s.followUpReplyAll), arm };
  }

  return {
    /** From the popup or a notification: the thread opens in its account, and its Gmail tab fills the reply. */
    async write(id: string): Promise<{ reminder: Reminder; opened: 'focused' | 'opened' }> {
      const reminder = await writable(id);
      // Set before the thread shows: its thread view asks for the thread as soon as it does.
      await intents.set(reminder.account, threadKeysOf(reminder.thread), clock.now(), { reminderId: reminder.id });
      return { reminder, opened: await openThread(reminder) };
    },

    /**
     * What a Gmail tab showing the thread writes: asked by its thread control's "Write follow-up", or after it took
     * a follow-up intent (the tab passes the user's name as the thread shows it).
     */
    async draftFor(id: string, myName?: string): Promise<{ reminder: Reminder; draft: FollowUpDraft }> {
      const reminder = await writable(id);
      return { reminder, draft: await draft(reminder, myName) };
    },

    /**
     * Whether a follow-up intent a thread view took still stands: the
     * reminder may have been answered since the click (then no reply opens
     * and nothing is written; the thread control shows the answer).
     */
    async stillWritable(reminderId: string): Promise<boolean> {
      const reminder = await store.get(reminderId);
      return reminder !== undefined && whyNoFollowUp(reminder) === undefined;
    },
  };
}

export type FollowUps = ReturnType<typeof createFollowUps>;
