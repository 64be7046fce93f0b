import * as v from 'valibot';
import { PRESET_IDS } from './schedule/presets';
import { DEFAULT_RETENTION_MONTHS, RETENTION_CHOICES } from './retention';
import { isValidTimeZone } from './time/zoned';
import { defaultFollowUpPrefs, defaultNotificationPrefs, defaultReplyPrefs, type Settings } from './settings';
import { FollowUpPrefsSchema } from './chain-schema';
import { defaultTemplatePrefs } from './templates/built-in';
import { TemplatePrefsSchema } from './templates/schema';

/**
 * The one schema for Settings, wherever they come from: storage.local, the
 * options page (`settings.set`) or a backup file.
 *
 * ## Settings migrations
 *
 * `version` stays `1`. A field added to Settings after version 1 shipped is
 * absent from settings stored (or backed up) by older builds, so it must not
 * make them invalid: it goes into {@link ADDED_FIELD_DEFAULTS} below — the one
 * place that fills missing fields — and into the schema as
 * `v.optional(schema, ADDED_FIELD_DEFAULTS.<field>)`. Each entry has a test
 * (test/unit/core/settings-schema.test.ts) that reads settings without it.
 * Only a change that cannot be expressed as "missing means this default"
 * (a renamed or re-typed field) needs `version: 2` and a real migration.
 */
export const ADDED_FIELD_DEFAULTS = {
  /** Added with "arm every new compose": off, as before it existed. */
  armNewComposes: (): boolean => false,
  /** Added with reply detection (issue 4). */
  replies: defaultReplyPrefs,
  /** Added with the options page (issue 5): keep on screen, digest at start-up. */
  notifications: defaultNotificationPrefs,
  /** Added with bounded history (issue 13): a year. */
  retentionMonths: (): number => DEFAULT_RETENTION_MONTHS,
  /** Added with follow-up chains (issue 11): repeat on, 3 → 7 → 14 days, at most 3 follow-ups. */
  followUps: defaultFollowUpPrefs,
  /** Added with follow-up templates (issue 11): friendly built-ins, German "Sie", none of the user's own. */
  templates: defaultTemplatePrefs,
  /** Added with "Write follow-up" (issue 11): reply to everyone the tracked message went to. */
  followUpReplyAll: (): boolean => true,
} as const satisfies { [K in keyof Settings]?: () => Settings[K] };

/** A minute of the day, 0…1439; a window's end may also be 1440 (midnight at the end of the day). */
const minute = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60 - 1));
const endMinute = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60));

export const SettingsSchema = v.object({
  version: v.literal(1),
  schedule: v.object({
    timeZone: v.pipe(v.string(), v.maxLength(100), v.check(isValidTimeZone, 'Unknown time zone')),
    defaultTime: minute,
    workingHours: v.object({
      enabled: v.boolean(),
      days: v.pipe(v.array(v.picklist([0, 1, 2, 3, 4, 5, 6] as const)), v.maxLength(7)),
      start: minute,
      end: endMinute,
    }),
  }),
  defaultPreset: v.picklist(PRESET_IDS),
  snoozePreset: v.picklist(PRESET_IDS),
  armNewComposes: v.optional(v.boolean(), ADDED_FIELD_DEFAULTS.armNewComposes),
  replies: v.optional(
    v.object({
      aliases: v.pipe(
        v.record(v.pipe(v.string(), v.maxLength(320)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.maxLength(50))),
        v.check((r) => Object.keys(r).length <= 20, 'Too many accounts'),
      ),
      plusAddressing: v.boolean(),
      autoRepliesCount: v.boolean(),
      notifyOnReply: v.boolean(),
      // Added with automatic-answer return dates (issue 9): on, as the issue asks.
      moveToReturn: v.optional(v.boolean(), true),
    }),
    ADDED_FIELD_DEFAULTS.replies,
  ),
  notifications: v.optional(
    v.object({
      requireInteraction: v.boolean(),
      startupDigest: v.boolean(),
      // Added with per-reminder notifications for a few due together (issue 10); absent means the default.
      separateUpTo: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10))),
    }),
    ADDED_FIELD_DEFAULTS.notifications,
  ),
  retentionMonths: v.optional(v.picklist(RETENTION_CHOICES as unknown as number[]), ADDED_FIELD_DEFAULTS.retentionMonths),
  followUps: v.optional(FollowUpPrefsSchema, ADDED_FIELD_DEFAULTS.followUps),
  templates: v.optional(TemplatePrefsSchema, ADDED_FIELD_DEFAULTS.templates),
  followUpReplyAll: v.optional(v.boolean(), ADDED_FIELD_DEFAULTS.followUpReplyAll),
});

// The schema's output must be exactly Settings (a field missing here, or typed differently, fails to compile).
type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false;
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T;
const _exact: Equals<Deep<v.InferOutput<typeof SettingsSchema>>, Deep<Settings>> = true;
void _exact;

/** Settings as stored by any build since version 1 → current Settings (missing fields filled), or the problems. */
export function parseSettings(raw: unknown): v.SafeParseResult<typeof SettingsSchema> {
  return v.safeParse(SettingsSchema, raw);
}
