/**
 * "Write follow-up": which reminders offer it, and what the Gmail tab gets to
 * fill the reply with. Pure: the background renders the draft, the content
 * script only opens the reply, inserts the text and arms the compose.
 */
import { isLive, type Reminder } from './reminder';
import type { PresetId } from './schedule/presets';

/**
 * What the compose opened for a follow-up is armed with: the chain's next
 * step (sending the nudge re-arms the same reminder), or — when the chain
 * has no further step (off, or this was its last) — the user's default
 * delay, so the thread still comes back if nobody answers.
 */
export type FollowUpArm =
  /** Follow-up `n` of the `of` the chain plans (`final`: the last one); `dueAt`: when the reminder comes back after it. */
  | { kind: 'chain'; dueAt: number; n: number; of: number; final: boolean }
  | { kind: 'default'; preset: PresetId };

export interface FollowUpDraft {
  reminderId: string;
  /** Plain text; line breaks are "\n". Inserted as text, never as markup. */
  text: string;
  templateId?: string;
  /** Open "Reply all" rather than "Reply" (the tracked message had several recipients and the setting is on). */
  replyAll: boolean;
  arm: FollowUpArm;
}

/** Why a reminder cannot get a follow-up written, for the error the caller sees (message `followUpRefused_<reason>`). */
export const NO_FOLLOW_UP_REASONS = ['kind', 'finished', 'bounced'] as const;
export type NoFollowUpReason = (typeof NO_FOLLOW_UP_REASONS)[number];

/**
 * A follow-up is written for a reminder still waiting for the others'
 * answer: a live "remind me if no reply" whose mail was delivered (a bounce
 * is news, not something to chase).
 */
export function whyNoFollowUp(r: Pick<Reminder, 'kind' | 'status' | 'check'>): NoFollowUpReason | undefined {
  if (r.kind !== 'no-reply') return 'kind';
  if (!isLive(r.status)) return 'finished';
  if (r.check?.outcome === 'bounced') return 'bounced';
  return undefined;
}

export const mayWriteFollowUp = (r: Pick<Reminder, 'kind' | 'status' | 'check'>): boolean => whyNoFollowUp(r) === undefined;

/**
 * Where the UI offers "Write follow-up" first: the reminder has come due —
 * announced, snoozed after it was, or past its time and about to be.
 */
export function isFollowUpDue(r: Pick<Reminder, 'kind' | 'status' | 'check' | 'dueAt'>, now: number): boolean {
  if (!mayWriteFollowUp(r)) return false;
  return r.status === 'notified' || r.status === 'snoozed' || r.dueAt <= now;
}

/** Reply all when the tracked message went to more than one other person and the user wants that. */
export const wantsReplyAll = (r: Pick<Reminder, 'thread'>, setting: boolean): boolean => setting && r.thread.recipients.length > 1;
