/**
 * The backup file: every reminder and the settings as one versioned JSON
 * document (docs/backup-format.md). Pure: building, serialising, and
 * validating a file completely before anything is written.
 */
import * as v from 'valibot';
import { id, messageIdField, permThreadIdField, threadIdField } from '../protocol/fields';
import { ANCHORS, REMINDER_KINDS, REMINDER_STATUSES, threadKeysOf, TIMES_READ, UNSUPPORTED_KIND_MESSAGE, type Reminder } from '../reminder';
import type { Settings } from '../settings';
import { SettingsSchema } from '../settings-schema';
import { FollowUpChainSchema } from '../chain-schema';

export const BACKUP_FORMAT = 'follow-through-backup';
/**
 * 2: reminders may carry a follow-up chain (`chain`, issue 11). A version 1
 * file still imports: it is read with the version 1 rules (no `chain`) and
 * migrated (see MIGRATIONS).
 */
export const BACKUP_VERSION = 2;
/** Every version this build reads, oldest first. */
export const READABLE_BACKUP_VERSIONS = [1, 2] as const;
type ReadableVersion = (typeof READABLE_BACKUP_VERSIONS)[number];

/** Bounds a hostile or broken file cannot exceed (a real backup is far below them). */
export const MAX_BACKUP_REMINDERS = 100_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was written, ms since the epoch. */
  exportedAt: number;
  /** The extension version that wrote it (informational). */
  extensionVersion: string;
  settings: Settings;
  reminders: Reminder[];
}

/** Raised for a file that cannot be imported; the options page shows `message`. */
export class BackupError extends Error {
  readonly code = 'invalid-request';
  constructor(
    message: string,
    /** Each problem, `path: what is wrong`. */
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

// ---------------------------------------------------------------------------
// Schemas. Strict objects throughout: a key this version does not know is an
// error, never silently dropped or stored.

/** Any instant in ms (not required to be whole: stored data is taken as it is). */
const instant = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const STATUSES = REMINDER_STATUSES;
const SOURCES = ['print-view', 'gmail-tab', 'compose'] as const;
const OUTCOMES = ['no-reply', 'replied', 'bounced', 'failed', 'answered'] as const;
const FAILURES = ['signed-out', 'no-access', 'network', 'wrong-account', 'unrecognised', 'no-thread-id'] as const;
const REASONS = ['reply', 'bounce', 'own', 'before-tracked', 'auto-reply', 'ignored-by-user', 'unknown-time'] as const;

/** The user's own account address, as stored: lower-case, no display name. */
const account = v.pipe(
  v.string(),
  v.maxLength(320),
  v.regex(/^[^\s@<>]+@[^\s@<>]+$/, 'Not an e-mail address'),
  v.check((s) => s === s.toLowerCase(), 'Expected a lower-case address'),
);
/** Somebody else's address as a source showed it (taken as it is). */
const AddressSchema = v.strictObject({ email: text(1000), name: v.optional(text(1000)) });

const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD'));

const NoteSchema = v.strictObject({
  id: v.optional(text(1000)),
  from: AddressSchema,
  at: v.optional(instant),
  reason: v.picklist(REASONS),
  detail: v.optional(text(1000)),
  auto: v.optional(
    v.strictObject({
      certain: v.boolean(),
      family: v.optional(text(40)),
      until: v.optional(isoDay),
      backOn: v.optional(isoDay),
      byUser: v.optional(v.boolean()),
    }),
  ),
});
const notes = v.pipe(v.array(NoteSchema), v.maxLength(1000));

const ThreadSchema = v.pipe(
  v.strictObject({
    provider: v.literal('gmail'),
    threadId: v.optional(threadIdField),
    permThreadId: v.optional(permThreadIdField),
    messageId: v.optional(messageIdField),
    subject: text(2000),
    recipients: v.pipe(v.array(AddressSchema), v.maxLength(500)),
  }),
  v.check((t) => Boolean(t.threadId || t.permThreadId || t.messageId), 'A thread needs a thread id, a perm id or a Message-ID'),
);

const TransitionSchema = v.strictObject({
  from: v.nullable(v.picklist(STATUSES)),
  to: v.picklist(STATUSES),
  at: instant,
  cause: text(200),
});

const ResolutionSchema = v.strictObject({
  kind: v.picklist(['reply', 'answered']),
  by: v.optional(AddressSchema),
  at: v.optional(instant),
  explanation: v.optional(text(2000)),
  messageId: v.optional(text(1000)),
  source: v.optional(v.picklist(SOURCES)),
  notes: v.optional(notes),
  times: v.optional(v.picklist(TIMES_READ)),
});

const CheckSchema = v.strictObject({
  at: instant,
  source: v.picklist(SOURCES),
  outcome: v.picklist(OUTCOMES),
  failure: v.optional(v.picklist(FAILURES)),
  by: v.optional(AddressSchema),
  notes: v.optional(notes),
  failures: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
  retryAt: v.optional(instant),
  wroteAgain: v.optional(v.strictObject({ by: AddressSchema, at: v.optional(instant) })),
  times: v.optional(v.picklist(TIMES_READ)),
  autoAnswer: v.optional(
    v.strictObject({
      by: AddressSchema,
      family: v.optional(text(40)),
      until: v.optional(isoDay),
      backOn: v.optional(isoDay),
      movedFrom: v.optional(instant),
    }),
  ),
});

const reminderEntries = {
  id,
  account,
  thread: ThreadSchema,
  threadKey: text(1100),
  kind: v.picklist(REMINDER_KINDS, UNSUPPORTED_KIND_MESSAGE),
  status: v.picklist(STATUSES),
  sentAt: instant,
  anchor: v.optional(v.picklist(ANCHORS)),
  dueAt: instant,
  createdAt: instant,
  updatedAt: instant,
  rev: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  announcedAt: v.optional(instant),
  resolution: v.optional(ResolutionSchema),
  check: v.optional(CheckSchema),
  ignoredReplyIds: v.optional(v.pipe(v.array(text(1000)), v.maxLength(1000))),
  autoReplyIds: v.optional(v.pipe(v.array(text(1000)), v.maxLength(1000))),
  history: v.pipe(v.array(TransitionSchema), v.minLength(1), v.maxLength(10_000)),
  // Added in version 2 (follow-up chains). Last, as stored reminders hold it (an export → import → export stays byte-identical).
  chain: v.optional(FollowUpChainSchema),
};

/** The index finds a reminder by this key: one that does not match its thread could never be found. (Checked only once the thread itself is valid.) */
const threadKeyMatches = (r: { thread: Reminder['thread']; threadKey: string }) => r.threadKey === threadKeysOf(r.thread)[0];
const THREAD_KEY_MISMATCH = "Does not match the thread's ids";

export const ReminderSchema = v.pipe(
  v.strictObject(reminderEntries),
  v.forward(v.partialCheck([['thread'], ['threadKey']], threadKeyMatches, THREAD_KEY_MISMATCH), ['threadKey']),
);

/** A reminder as version 1 wrote it: strict, so a `chain` there is an error, as a version 1 reader said. */
const { chain: _addedInV2, ...v1Entries } = reminderEntries;
void _addedInV2;
const ReminderSchemaV1 = v.pipe(
  v.strictObject(v1Entries),
  v.forward(v.partialCheck([['thread'], ['threadKey']], threadKeyMatches, THREAD_KEY_MISMATCH), ['threadKey']),
);

// The schema's output must be exactly a Reminder (a field missing here, or typed differently, fails to compile).
type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false;
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T;
const _exact: Equals<Deep<v.InferOutput<typeof ReminderSchema>>, Deep<Reminder>> = true;
void _exact;

const backupSchema = <V extends ReadableVersion, R extends v.GenericSchema>(version: V, reminder: R) =>
  v.strictObject({
    format: v.literal(BACKUP_FORMAT),
    version: v.literal(version),
    exportedAt: instant,
    extensionVersion: text(100),
    settings: SettingsSchema,
    reminders: v.pipe(v.array(reminder), v.maxLength(MAX_BACKUP_REMINDERS)),
  });

/** Each readable version's rules: a file is checked completely against the rules of the version it says it is. */
const SCHEMAS = { 1: backupSchema(1, ReminderSchemaV1), 2: backupSchema(2, ReminderSchema) } as const;

/**
 * Version N (validated) → version N + 1. Pure and total: whatever the old
 * rules accepted, the new rules accept after the step.
 */
const MIGRATIONS: { [V in Exclude<ReadableVersion, typeof BACKUP_VERSION>]: (b: v.InferOutput<(typeof SCHEMAS)[V]>) => unknown } = {
  // Reminders from before chains stay single reminders (an absent chain), exactly as the user had them:
  // one click ("Repeat until answered") starts a chain for any of them.
  1: (b) => ({ ...b, version: 2 }),
};

// ---------------------------------------------------------------------------

/** The backup of `reminders` and `settings`; reminders oldest first, so two exports of the same data are identical. */
export function buildBackup(input: { settings: Settings; reminders: readonly Reminder[]; exportedAt: number; extensionVersion: string }): Backup {
  const reminders = [...input.reminders].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: input.exportedAt,
    extensionVersion: input.extensionVersion,
    settings: input.settings,
    reminders,
  };
}

export const serializeBackup = (backup: Backup): string => JSON.stringify(backup);

const MAX_SHOWN_PROBLEMS = 5;
const MAX_PROBLEM_CHARS = 200;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const show = (x: unknown) => clip(JSON.stringify(x) ?? String(x), 40);

/**
 * Reads a backup file completely: JSON, format, version, then every field
 * of every reminder and the settings. Returns the backup (settings with
 * fields added since filled in) or throws a BackupError naming each
 * problem by its path, e.g. `reminders[3].dueAt: Expected number but received "soon"`.
 */
export function parseBackup(json: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const why = error instanceof Error ? ` (${clip(error.message, 120)})` : '';
    throw new BackupError(`Not a valid backup file: the JSON is malformed or incomplete${why}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BackupError('Not a Follow-Through backup: the file does not hold a JSON object');
  }
  const { format, version } = raw as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    throw new BackupError(`Not a Follow-Through backup: format is ${format === undefined ? 'missing' : show(format)}, expected "${BACKUP_FORMAT}"`);
  }
  if (!READABLE_BACKUP_VERSIONS.includes(version as ReadableVersion)) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION;
    throw new BackupError(
      newer
        ? `version: this backup is version ${version}, written by a newer Follow-Through; this one reads versions up to ${BACKUP_VERSION}. Update the extension first`
        : `version: unsupported backup version ${version === undefined ? '(missing)' : show(version)}; this Follow-Through reads versions ${READABLE_BACKUP_VERSIONS.join(' and ')}`,
    );
  }

  const parsed = v.safeParse(SCHEMAS[version as ReadableVersion], raw);
  if (!parsed.success) throw problemsError(parsed.issues.map(describeIssue));
  let upgraded: unknown = parsed.output;
  for (let from = version as ReadableVersion; from < BACKUP_VERSION; from++) upgraded = MIGRATIONS[from as Exclude<ReadableVersion, typeof BACKUP_VERSION>](upgraded as never);
  // The migrated file meets the current rules (a migration that did not would be a bug: say so, import nothing).
  const current = v.safeParse(SCHEMAS[BACKUP_VERSION], upgraded);
  if (!current.success) throw problemsError(current.issues.map((i) => `after migrating from version ${String(version)}: ${describeIssue(i)}`));
  const backup = current.output as Backup;

  const firstIndex = new Map<string, number>();
  const duplicates: string[] = [];
  backup.reminders.forEach((r, i) => {
    const first = firstIndex.get(r.id);
    if (first === undefined) firstIndex.set(r.id, i);
    else duplicates.push(`reminders[${i}].id: Duplicate id ${show(r.id)} (also reminders[${first}])`);
  });
  if (duplicates.length > 0) throw problemsError(duplicates);

  return backup;
}

function problemsError(problems: string[]): BackupError {
  const shown = problems.slice(0, MAX_SHOWN_PROBLEMS);
  const more = problems.length - shown.length;
  const message = `Invalid backup: ${shown.join('; ')}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}`;
  return new BackupError(message, problems);
}

/** `reminders[3].thread.recipients[0].email: Expected string but received 7` */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = formatPath(issue.path ?? []);
  const what =
    issue.expected === 'never' && (issue.type === 'strict_object' || issue.type === 'object')
      ? 'Unknown field'
      : issue.message.startsWith('Invalid key:') && issue.received === 'undefined'
        ? 'Missing field'
        : issue.message.replace(/^Invalid type: /, '');
  return clip(path ? `${path}: ${what}` : what, MAX_PROBLEM_CHARS);
}

function formatPath(path: readonly { key: unknown }[]): string {
  let out = '';
  for (const { key } of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${show(key)}]`;
  }
  return out;
}
