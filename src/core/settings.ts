/** User preferences that the pure core needs. Stored by the background in storage.local. */
import type { PresetId } from './schedule/presets';
import { DEFAULT_RETENTION_MONTHS } from './retention';
import type { TemplatePrefs } from './templates/types';
import { defaultTemplatePrefs } from './templates/built-in';

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Minutes after local midnight, 0…1439. */
export type MinuteOfDay = number;

export interface WorkingHours {
  enabled: boolean;
  days: Weekday[];
  start: MinuteOfDay;
  end: MinuteOfDay;
}

export interface SchedulePrefs {
  /** IANA zone the user lives in, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Time of day for day-based presets ("tomorrow" → tomorrow at this time). */
  defaultTime: MinuteOfDay;
  workingHours: WorkingHours;
}

export interface ReplyPrefs {
  /** The user's other addresses per account (lower-cased account → aliases); the account itself always counts. */
  aliases: Record<string, string[]>;
  /** me+tag@x.com is me@x.com — only when the user says their provider works that way. */
  plusAddressing: boolean;
  /** Count out-of-office and other automatic answers as replies. */
  autoRepliesCount: boolean;
  /** Tell the user when someone replied (off: the reminder just moves to Replied). */
  notifyOnReply: boolean;
  /** An automatic answer that says when the person is back moves the reminder to the first working slot after it. */
  moveToReturn: boolean;
}

export interface NotificationPrefs {
  /** Keep a due reminder's notification on screen until the user acts on it (where the browser supports it). */
  requireInteraction: boolean;
  /** Several reminders due at once (e.g. at start-up) as one digest; off: one notification each. */
  startupDigest: boolean;
  /** Up to this many due together still get one notification each (absent: DEFAULT_SEPARATE_UP_TO, see notification-plan.ts). */
  separateUpTo?: number;
}

/** Defaults of a new no-reply reminder's follow-up chain (core/chain.ts; each reminder keeps its own copy). */
export interface FollowUpPrefs {
  /** New no-reply reminders repeat until answered (off per reminder with one click). */
  repeat: boolean;
  /** Days to wait: steps[0] after the original send, steps[k] after follow-up k; the last repeats. 1–90 each, at most 6. */
  steps: number[];
  /** Most follow-ups a chain arms (1–10); after the last one the reminder waits one more step and notifies as final. */
  cap: number;
}

export const defaultFollowUpPrefs = (): FollowUpPrefs => ({ repeat: true, steps: [3, 7, 14], cap: 3 });

export interface Settings {
  version: 1;
  schedule: SchedulePrefs;
  /** Preset id used when the user gives no time (and for "Snooze" buttons). */
  defaultPreset: PresetId;
  snoozePreset: PresetId;
  /** Every new compose starts armed with `defaultPreset` (the user can disarm it). */
  armNewComposes: boolean;
  replies: ReplyPrefs;
  notifications: NotificationPrefs;
  /** Months finished reminders are kept (core/retention RETENTION_CHOICES); 0 keeps them forever. */
  retentionMonths: number;
  followUps: FollowUpPrefs;
  /** Follow-up texts: the chosen template per language, German form of address, the user's own templates. */
  templates: TemplatePrefs;
  /** "Write follow-up" opens "Reply all" when the tracked message went to several people (off: "Reply"). */
  followUpReplyAll: boolean;
}

export const defaultReplyPrefs = (): ReplyPrefs => ({ aliases: {}, plusAddressing: false, autoRepliesCount: false, notifyOnReply: false, moveToReturn: true });

export const defaultNotificationPrefs = (): NotificationPrefs => ({ requireInteraction: true, startupDigest: true });

export function defaultSettings(timeZone: string): Settings {
  return {
    version: 1,
    schedule: {
      timeZone,
      defaultTime: 9 * 60,
      workingHours: { enabled: true, days: [1, 2, 3, 4, 5], start: 9 * 60, end: 18 * 60 },
    },
    defaultPreset: 'in-3-days',
    snoozePreset: 'tomorrow',
    armNewComposes: false,
    replies: defaultReplyPrefs(),
    notifications: defaultNotificationPrefs(),
    retentionMonths: DEFAULT_RETENTION_MONTHS,
    followUps: defaultFollowUpPrefs(),
    templates: defaultTemplatePrefs(),
    followUpReplyAll: true,
  };
}
