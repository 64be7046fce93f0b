import * as v from 'valibot';
import { MAX_BODY_CHARS } from '../replies/auto-answer/text';
import { ReminderSchema } from '../backup/format';
import { address, id, messageIdField, permThreadIdField, threadIdField, time } from './fields';
import { INTEGRATION_CHECKS, type IntegrationCheck } from '../integration';
import { MAX_AFTER_MS, MAX_DAYS, MIN_AFTER_MS } from '../schedule/intent';
import { PRESET_IDS } from '../schedule/presets';
import { SECTION_IDS } from '../sections';
import { RETENTION_CHOICES } from '../retention';
import { SettingsSchema } from '../settings-schema';
import { ANCHORS, REMINDER_KINDS, UNSUPPORTED_KIND_MESSAGE } from '../reminder';

/**
 * Schemas of every request crossing a context boundary. Requests are strict
 * objects: an unknown key is as suspicious as a missing one. Limits are
 * generous for real mail and stop a hostile page from filling the database.
 */

export { id, messageIdField, permThreadIdField, threadIdField, time } from './fields';

export const AddressSchema = v.strictObject({
  email: address,
  name: v.optional(v.pipe(v.string(), v.maxLength(320))),
});

export const ThreadSchema = v.pipe(
  v.strictObject({
    provider: v.literal('gmail'),
    threadId: v.optional(threadIdField),
    permThreadId: v.optional(permThreadIdField),
    messageId: v.optional(messageIdField),
    subject: v.pipe(v.string(), v.maxLength(2000)),
    recipients: v.pipe(v.array(AddressSchema), v.maxLength(500)),
  }),
  v.check(
    (t) => Boolean(t.threadId || t.permThreadId || t.messageId),
    'A thread needs a thread id, a perm id or a Message-ID',
  ),
);

/** A message as a Gmail tab saw it (sender, recipients, time from its legacy id). */
export const ObservedMessageSchema = v.strictObject({
  from: AddressSchema,
  to: v.pipe(v.array(AddressSchema), v.maxLength(500)),
  at: v.optional(time),
  subject: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  id: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** The body's first lines (issue 9), capped by the content script at MAX_BODY_CHARS. */
  text: v.optional(v.pipe(v.string(), v.maxLength(MAX_BODY_CHARS))),
  bodyHidden: v.optional(v.literal(true)),
});

export const PresetSchema = v.picklist(PRESET_IDS);

/** A wall-clock time in the user's zone, as `<input type=datetime-local>` gives it. */
export const LocalDateTimeSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'Expected YYYY-MM-DDTHH:mm'),
);

/**
 * How the caller says when: a preset or a local date-time, resolved by the
 * background in the user's zone, or an exact instant it already showed.
 */
export const DueSchema = v.union([
  v.strictObject({ preset: PresetSchema }),
  v.strictObject({ at: time }),
  v.strictObject({ local: LocalDateTimeSchema }),
  // Relative intents typed as text ("in 3 Tagen", "in 2 hours"): counted from the send (see core/schedule/intent.ts).
  v.strictObject({ days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DAYS)) }),
  v.strictObject({ after: v.pipe(v.number(), v.integer(), v.minValue(MIN_AFTER_MS), v.maxValue(MAX_AFTER_MS)) }),
]);

const empty = v.strictObject({});

/** A person's display name as Gmail shows it. */
const displayName = v.pipe(v.string(), v.maxLength(320));

/** Largest backup file `data.import` takes, in characters of JSON (20 MiB). */
export const MAX_BACKUP_CHARS = 20 * 1024 * 1024;

const checkState = v.picklist(['ok', 'missing', 'unknown']);

export const REQUEST_SCHEMAS = {
  'reminder.create': v.strictObject({
    id,
    account: address,
    thread: ThreadSchema,
    sentAt: time,
    due: DueSchema,
    kind: v.optional(v.picklist(REMINDER_KINDS, UNSUPPORTED_KIND_MESSAGE)),
    /** When the user pressed Send (a compose): an absolute due valid then is not refused because the request came later. */
    pressedAt: v.optional(time),
    /** A reminder added to a thread after the fact: `sentAt` is its latest own message's time, or the click. */
    anchor: v.optional(v.picklist(ANCHORS)),
  }),
  'reminder.updateDue': v.strictObject({ id, due: DueSchema }),
  'reminder.snooze': v.strictObject({ id, due: v.optional(DueSchema) }),
  'reminder.done': v.strictObject({ id }),
  'reminder.reopen': v.strictObject({ id }),
  'reminder.cancel': v.strictObject({ id }),
  'reminder.delete': v.strictObject({ id }),
  'reminder.list': v.strictObject({
    sections: v.optional(v.array(v.picklist(SECTION_IDS))),
    /** Rows wanted per section beyond the first page ("Show more"); counts always cover everything. */
    limits: v.optional(v.record(v.picklist(SECTION_IDS), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)))),
    /** `page`: only counts the rows read already tell (fast); `exact` (default): every section's. */
    counts: v.optional(v.union([v.picklist(['exact', 'page']), v.pipe(v.array(v.picklist(SECTION_IDS)), v.maxLength(SECTION_IDS.length))])),
  }),
  'reminder.getByThread': v.pipe(
    v.strictObject({
      account: address,
      threadId: v.optional(threadIdField),
      permThreadId: v.optional(permThreadIdField),
      messageId: v.optional(messageIdField),
    }),
    v.check((q) => Boolean(q.threadId || q.permThreadId || q.messageId), 'Give a thread id, perm id or Message-ID'),
  ),
  'due.preview': v.union([
    v.strictObject({ preset: PresetSchema }),
    v.strictObject({ local: LocalDateTimeSchema }),
    v.strictObject({ text: v.pipe(v.string(), v.maxLength(200)), lang: v.optional(v.picklist(['en', 'de'])) }),
  ]),
  'settings.get': empty,
  'integration.report': v.strictObject({
    account: v.nullable(address),
    checks: v.strictObject(Object.fromEntries(INTEGRATION_CHECKS.map((c) => [c, checkState])) as Record<IntegrationCheck, typeof checkState>),
    notes: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(20)),
  }),
  'integration.get': empty,
  'account.seen': v.strictObject({ account: address, ik: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{6,20}$/, 'Invalid page key'))) }),
  'thread.observed': v.pipe(
    v.strictObject({
      account: address,
      threadId: v.optional(threadIdField),
      permThreadId: v.optional(permThreadIdField),
      messages: v.pipe(v.array(ObservedMessageSchema), v.maxLength(500)),
    }),
    v.check((q) => Boolean(q.threadId || q.permThreadId), 'Give a thread id or perm id'),
  ),
  'reminder.notReply': v.strictObject({ id }),
  'reminder.autoAnswer': v.strictObject({ id }),
  'reminder.checkNow': v.strictObject({ id }),
  // The options page and the popup: settings, backup, diagnostics.
  'settings.set': v.strictObject({ settings: SettingsSchema }),
  'data.export': empty,
  'data.import': v.strictObject({ json: v.pipe(v.string(), v.maxLength(MAX_BACKUP_CHARS, 'The backup file is larger than 20 MB')) }),
  'data.exportIcs': empty,
  // The literal is the user's confirmation, so a stray or replayed message cannot wipe everything.
  'data.deleteAll': v.strictObject({ confirm: v.literal('delete-all') }),
  'diagnostics.get': empty,
  /**
   * Undo: the reminder exactly as it was before the action (`previous` of done/snooze/updateDue/cancel,
   * `reminder` of delete), put back only over the revision that action left (`expectedRev`; absent after a delete).
   */
  'reminder.restore': v.strictObject({ reminder: ReminderSchema, expectedRev: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  /** Shows the reminder's thread: an open Gmail tab of its account is focused; a new tab only when none is open. */
  'reminder.open': v.strictObject({ id }),
  /** What a retention setting would remove (the options page shows it with an export before saving). */
  'history.summary': v.strictObject({ months: v.picklist(RETENTION_CHOICES) }),
  /** A Gmail tab saw the user send a message in this thread (Gmail's send response): it answers owed replies. */
  'thread.sent': v.pipe(
    v.strictObject({
      account: address,
      threadId: v.optional(threadIdField),
      permThreadId: v.optional(permThreadIdField),
      messageId: v.optional(messageIdField),
      sentAt: time,
    }),
    v.check((q) => Boolean(q.threadId || q.permThreadId || q.messageId), 'Give a thread id, perm id or Message-ID'),
  ),
  /** "Reply now": open the reminder's thread in its account with the in-thread reply open. */
  'reminder.replyNow': v.strictObject({ id }),
  /** "Stop repeating" / "Repeat until answered" of a no-reply reminder's follow-up chain (core/chain.ts). */
  'reminder.setRepeat': v.strictObject({ id, repeat: v.boolean() }),
  /** "Write follow-up": open the thread in its account with the reply open, filled with a nudge and armed (never sent). */
  'reminder.writeFollowUp': v.strictObject({ id }),
  /** The thread's own control writes the follow-up in its tab: the nudge and what to arm the reply with. */
  'reminder.followUpDraft': v.strictObject({
    id,
    /** The user's name as the thread shows it, for a template's {myName}. */
    myName: v.optional(displayName),
  }),
  /** A Gmail frame's bootstrap wants the controls: the background injects them into that frame (the sender's tab and frame). */
  'controls.load': empty,
} as const;

export type RequestType = keyof typeof REQUEST_SCHEMAS;
export type RequestOf<K extends RequestType> = v.InferOutput<(typeof REQUEST_SCHEMAS)[K]>;
/** What a caller passes in (before trimming/lower-casing by the schema). */
export type RequestInput<K extends RequestType> = v.InferInput<(typeof REQUEST_SCHEMAS)[K]>;

export const REQUEST_TYPES = Object.keys(REQUEST_SCHEMAS) as RequestType[];

export function isRequestType(x: unknown): x is RequestType {
  return typeof x === 'string' && Object.hasOwn(REQUEST_SCHEMAS, x);
}
