/**
 * Follow-up chains: "repeat until answered" for a no-reply reminder. Pure
 * (time passed as `now`); the background records the follow-ups, the popup,
 * the thread control, the notification and the calendar file show them.
 *
 * The model:
 * - A no-reply reminder waits for the others after the user's message. Each
 *   follow-up the user sends in the thread (an armed compose, or with
 *   `repeat` on any send seen by a Gmail tab) is recorded in `chain.sent`
 *   and the same reminder waits again: for the due the compose carried, or
 *   for the next step of the escalating schedule.
 * - `steps[0]` is the wait after the original send (the first due is what
 *   the user picked, so it is only the default of new reminders), `steps[k]`
 *   the wait after follow-up k; beyond the list the last step repeats.
 * - `cap` is the number of follow-ups the chain plans. After follow-up `cap`
 *   the reminder still waits one last step and then notifies as final ("No
 *   answer after 3 follow-ups"): a chain never stops watching silently. A
 *   follow-up the user writes beyond the cap is still recorded and watched.
 * - A reply from the others resolves the whole chain (the reminder is
 *   replied); a bounce, done and cancel stop it (nothing re-arms a reminder
 *   that is not live or whose last look found a bounce).
 * - `repeat` decides whether a send the user did not arm re-arms the chain.
 *   An armed compose always records its follow-up: the user asked for it.
 */
import { mayWriteFollowUp } from './follow-up';
import { isLive, type Reminder } from './reminder';
import { resolveDaysLater } from './schedule/presets';
import type { Settings } from './settings';
import { applyEvent } from './transitions';

export interface FollowUpChain {
  /** Sends the user did not arm re-arm the chain (see the module comment). */
  repeat: boolean;
  /** Days to wait: steps[0] after the original send, steps[k] after follow-up k; beyond the list the last step repeats. */
  steps: number[];
  /** Most follow-ups the chain arms. */
  cap: number;
  /** Each nudge sent, oldest first. */
  sent: FollowUpSent[];
}

export interface FollowUpSent {
  at: number;
  /** RFC 822 Message-ID of the follow-up, when Gmail's send response gave it: a repeated report is recognised by it. */
  messageId?: string;
  /** The id the compose chose at Send (`reminder.create`): a repeated create after a killed worker is recognised by it. */
  clientId?: string;
}

/** Bounds of the settings and of every stored chain (settings schema, backup, options page). */
export const CHAIN_LIMITS = { minDays: 1, maxDays: 90, maxSteps: 6, minCap: 1, maxCap: 10 } as const;
/** Most follow-ups one chain keeps in its history (a user writing far past the cap is still recorded, within reason). */
export const MAX_CHAIN_SENT = 100;

/** The chain a new no-reply reminder gets: the user's defaults, nothing sent yet. */
export function defaultChain(settings: Pick<Settings, 'followUps'>): FollowUpChain {
  const f = settings.followUps;
  return { repeat: f.repeat, steps: [...f.steps], cap: f.cap, sent: [] };
}

/** Only "if no reply" reminders chase: an owed reply waits for the user, `always` fires regardless. */
export function hasChain(r: Reminder): r is Reminder & { chain: FollowUpChain } {
  return r.kind === 'no-reply' && r.chain !== undefined;
}

/**
 * Where the chain stands, for the popup and the thread control ("Follow-up 2
 * of 3"): `n` follow-ups sent of the `of` planned; `final` once the last
 * planned one is sent (the next due is the last look, notified as final).
 * Undefined without a chain.
 */
export function chainPosition(r: Reminder): { n: number; of: number; final: boolean } | undefined {
  if (!hasChain(r)) return undefined;
  const n = r.chain.sent.length;
  return { n, of: r.chain.cap, final: n >= r.chain.cap };
}

/** Days to wait after follow-up `k` (0 = the original send); past the list the last step repeats. */
export function stepDays(chain: Pick<FollowUpChain, 'steps'>, k: number): number {
  const steps = chain.steps.length > 0 ? chain.steps : [CHAIN_LIMITS.minDays];
  return steps[Math.min(Math.max(0, k), steps.length - 1)]!;
}

/**
 * The due an armed follow-up compose should carry when sent at `now`:
 * follow-up `n` (1-based) waits `steps[n]` days — calendar days at the
 * user's default time in their zone, moved into working hours (the preset
 * rule, so DST never shifts it off 09:00). `final`: it is the last follow-up
 * the chain plans (after it the reminder notifies as final). Undefined for a
 * reminder that does not chase (another kind, or no longer live). A reminder
 * from before chains gets the default chain.
 */
export function nextFollowUpDue(r: Reminder, settings: Pick<Settings, 'followUps' | 'schedule'>, now: number): { dueAt: number; n: number; final: boolean } | undefined {
  if (!mayChain(r)) return undefined;
  const chain = r.chain ?? defaultChain(settings);
  const n = chain.sent.length + 1;
  return { dueAt: resolveDaysLater(stepDays(chain, n), now, settings.schedule).at, n, final: n >= chain.cap };
}

/** Whether this send was already recorded (a repeated message, a retried create after a killed worker). */
export function isRecorded(chain: FollowUpChain | undefined, send: { at: number; messageId?: string; clientId?: string }): boolean {
  if (!chain) return false;
  return chain.sent.some((s) =>
    send.messageId !== undefined && s.messageId !== undefined
      ? s.messageId === send.messageId
      : send.clientId !== undefined && s.clientId !== undefined
        ? s.clientId === send.clientId
        : s.at === send.at,
  );
}

/** A chain can be steered (repeat on/off, the next follow-up): a live "if no reply" reminder. */
export function mayChain(r: Pick<Reminder, 'kind' | 'status'>): boolean {
  return r.kind === 'no-reply' && isLive(r.status);
}

/**
 * Whether a send the user did not arm continues the chain: a live no-reply
 * reminder with `repeat` on, not stopped by a bounce.
 */
export function repeatsOnSend(r: Reminder): boolean {
  return mayWriteFollowUp(r) && hasChain(r) && r.chain.repeat;
}

/**
 * The reminder after the user sent a follow-up at `send.at`: the same
 * reminder (id, chain history kept) waits again — status pending, due the
 * one the compose carried (`dueAt`) or the next step counted from the send,
 * a history entry with cause 'follow-up', revision bumped. The thread,
 * `sentAt` and the tracked message are left as they are: the store makes
 * the follow-up the tracked message (storage/reminder-store `trackSend`,
 * as a re-armed send always did) where it writes this.
 *
 * Idempotent: a send already recorded (same Message-ID, same client id, or
 * the same instant when neither is known) returns the reminder unchanged
 * (the same object). A send older than the newest recorded one (reported
 * late) joins the history without moving the due. Throws
 * IllegalTransitionError for a reminder that is not live.
 */
export function recordFollowUp(
  r: Reminder,
  send: { at: number; messageId?: string; clientId?: string; dueAt?: number },
  settings: Pick<Settings, 'followUps' | 'schedule'>,
  now: number,
): Reminder {
  if (r.kind !== 'no-reply') throw new RangeError(`A ${r.kind} reminder has no follow-up chain`);
  const chain = r.chain ?? defaultChain(settings);
  if (isRecorded(r.chain, send)) return r;
  const entry: FollowUpSent = {
    at: send.at,
    ...(send.messageId !== undefined ? { messageId: send.messageId } : {}),
    ...(send.clientId !== undefined ? { clientId: send.clientId } : {}),
  };
  const sent = [...chain.sent, entry].sort((a, b) => a.at - b.at).slice(-MAX_CHAIN_SENT);
  const latest = chain.sent.every((s) => s.at <= send.at);
  const k = sent.indexOf(entry) + 1;
  const dueAt = latest ? (send.dueAt ?? nextStepDue(chain, k, send.at, settings, now)) : r.dueAt;
  const next = applyEvent(r, { type: 'reschedule', dueAt }, now, 'follow-up');
  next.chain = { ...chain, sent };
  return next;
}

/**
 * The step after follow-up `k`, counted from its send; a send reported so
 * late (or with a clock so far off) that the step has passed already counts
 * from `now`: never a due in the past that would fire the moment it is stored.
 */
function nextStepDue(chain: FollowUpChain, k: number, sentAt: number, settings: Pick<Settings, 'schedule'>, now: number): number {
  const days = stepDays(chain, k);
  const fromSend = resolveDaysLater(days, sentAt, settings.schedule).at;
  return fromSend > now ? fromSend : resolveDaysLater(days, now, settings.schedule).at;
}

/** "Stop repeating" / "Repeat until answered": a reminder from before chains gets the default chain with that choice. */
export function setRepeat(r: Reminder, repeat: boolean, settings: Pick<Settings, 'followUps'>, now: number): Reminder {
  if (r.kind !== 'no-reply') throw new RangeError(`A ${r.kind} reminder has no follow-up chain`);
  const chain = r.chain ?? defaultChain(settings);
  if (r.chain && chain.repeat === repeat) return r;
  return { ...r, chain: { ...chain, repeat }, updatedAt: now, rev: r.rev + 1 };
}

/** How many follow-ups a resolved chain took ("answered after 2 follow-ups"); 0 without any. */
export function followUpsSent(r: Reminder): number {
  return r.chain?.sent.length ?? 0;
}
