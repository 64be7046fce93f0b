import { describe, expect, it } from 'vitest';
import { BackupError, buildBackup, parseBackup, serializeBackup, type Backup } from '../../../src/core/backup/format';
import { defaultSettings } from '../../../src/core/settings';
import { plain, richReminders, T0 } from './backup-fixtures';

const settings = { ...defaultSettings('Europe/Berlin'), notifications: { requireInteraction: false, startupDigest: true } };

function backup(over: Partial<Backup> = {}): Backup {
  return { ...buildBackup({ settings, reminders: richReminders(), exportedAt: T0, extensionVersion: '0.1.0' }), ...over };
}

/** The backup as JSON, with `edit` applied to its parsed form first. */
function json(edit: (raw: Record<string, any>) => void = () => {}): string {
  const raw = JSON.parse(serializeBackup(backup())) as Record<string, any>;
  edit(raw);
  return JSON.stringify(raw);
}

function problem(text: string): BackupError {
  try {
    parseBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('invalid-request');
    // Bounded whatever the file held.
    expect((error as BackupError).message.length).toBeLessThan(1300);
    return error as BackupError;
  }
  throw new Error('parseBackup accepted the file');
}

describe('buildBackup / serializeBackup', () => {
  it('writes the documented envelope', () => {
    const b = JSON.parse(serializeBackup(backup())) as Backup;
    expect(Object.keys(b)).toEqual(['format', 'version', 'exportedAt', 'extensionVersion', 'settings', 'reminders']);
    expect(b).toMatchObject({ format: 'follow-through-backup', version: 2, exportedAt: T0, extensionVersion: '0.1.0', settings });
  });

  it('orders reminders oldest first, whatever order they came in', () => {
    const rs = richReminders();
    const a = buildBackup({ settings, reminders: rs, exportedAt: T0, extensionVersion: 'x' });
    const b = buildBackup({ settings, reminders: [...rs].reverse(), exportedAt: T0, extensionVersion: 'x' });
    expect(serializeBackup(a)).toBe(serializeBackup(b));
    expect(a.reminders.map((r) => r.id)).toEqual(['rem-1', 'rem-2', 'rem-3', 'rem-4', 'rem-5', 'rem-6']);
  });
});

describe('parseBackup', () => {
  it('round-trips every status and every optional field unchanged', () => {
    const b = backup();
    expect(parseBackup(serializeBackup(b))).toEqual(b);
  });

  it('takes a backup whose settings predate fields added since, filling their defaults', () => {
    const b = parseBackup(json((raw) => delete raw.settings.notifications));
    expect(b.settings.notifications).toEqual({ requireInteraction: true, startupDigest: true });
  });

  it('takes an empty backup', () => {
    expect(parseBackup(json((raw) => (raw.reminders = []))).reminders).toEqual([]);
  });

  it.each([
    ['truncated JSON', () => serializeBackup(backup()).slice(0, 500), /JSON is malformed or incomplete/],
    ['an empty file', () => '', /JSON is malformed or incomplete/],
    ['not JSON at all', () => 'BEGIN:VCALENDAR', /JSON is malformed/],
    ['a JSON array', () => '[]', /does not hold a JSON object/],
    ['JSON null', () => 'null', /does not hold a JSON object/],
    ['another format', () => json((raw) => (raw.format = 'other-backup')), /format is "other-backup", expected "follow-through-backup"/],
    ['no format', () => json((raw) => delete raw.format), /format is missing/],
    ['a newer version', () => json((raw) => (raw.version = 3)), /^version: this backup is version 3, written by a newer Follow-Through; this one reads versions up to 2/],
    ['version 0', () => json((raw) => (raw.version = 0)), /^version: unsupported backup version 0/],
    ['version "1"', () => json((raw) => (raw.version = '1')), /^version: unsupported backup version "1"/],
    ['no version', () => json((raw) => delete raw.version), /unsupported backup version \(missing\)/],
  ])('refuses %s with a clear message', (_label, file, says) => {
    expect(problem(file()).message).toMatch(says);
  });

  it('names the path of a bad field', () => {
    const e = problem(json((raw) => (raw.reminders[3].dueAt = 'soon')));
    expect(e.message).toBe('Invalid backup: reminders[3].dueAt: Expected number but received "soon"');
    expect(e.problems).toEqual(['reminders[3].dueAt: Expected number but received "soon"']);
  });

  it.each([
    ['a missing field', (r: any) => delete r.reminders[0].status, 'reminders[0].status: Missing field'],
    ['an unknown status', (r: any) => (r.reminders[1].status = 'archived'), 'reminders[1].status: Expected ("pending" | "notified" | "snoozed" | "replied" | "done" | "cancelled") but received "archived"'],
    ['an unknown field', (r: any) => (r.reminders[2].labels = ['x']), 'reminders[2].labels: Unknown field'],
    ['an unknown top-level field', (r: any) => (r.extra = 1), 'extra: Unknown field'],
    ['a bad history entry', (r: any) => (r.reminders[0].history[1].to = 'gone'), 'reminders[0].history[1].to: Expected ("pending" | '],
    ['empty history', (r: any) => (r.reminders[0].history = []), 'reminders[0].history: Invalid length'],
    ['a bad check outcome', (r: any) => (r.reminders[1].check.outcome = 'maybe'), 'reminders[1].check.outcome: Expected ("no-reply" | "replied" | "bounced" | "failed" | "answered") but received "maybe"'],
    ['a bad note reason', (r: any) => (r.reminders[0].resolution.notes[2].reason = 'spam'), 'reminders[0].resolution.notes[2].reason: Expected ("reply" | '],
    ['a recipient without email', (r: any) => delete r.reminders[5].thread.recipients[1].email, 'reminders[5].thread.recipients[1].email: Missing field'],
    ['a thread without ids', (r: any) => delete r.reminders[0].thread.threadId, 'reminders[0].thread: A thread needs a thread id'],
    ['a non-hex thread id', (r: any) => (r.reminders[0].thread.threadId = 'xyz'), 'reminders[0].thread.threadId: Invalid Gmail thread id'],
    ['a thread key that does not match', (r: any) => (r.reminders[0].threadKey = 'gmail:abc'), "reminders[0].threadKey: Does not match the thread's ids"],
    ['an upper-case account', (r: any) => (r.reminders[0].account = 'Me@Example.com'), 'reminders[0].account: Expected a lower-case address'],
    ['a bad id', (r: any) => (r.reminders[0].id = '../x'), 'reminders[0].id: Invalid id'],
    ['a negative time', (r: any) => (r.reminders[0].sentAt = -1), 'reminders[0].sentAt: Invalid value'],
    ['a fractional revision', (r: any) => (r.reminders[0].rev = 1.5), 'reminders[0].rev: Invalid integer'],
    ['bad settings', (r: any) => (r.settings.schedule.timeZone = 'Mars/Base'), 'settings.schedule.timeZone: Unknown time zone'],
    ['a bad alias key', (r: any) => (r.settings.replies.aliases = { 'me@example.com': [5] }), 'settings.replies.aliases["me@example.com"][0]: Expected string'],
    ['no settings', (r: any) => delete r.settings, 'settings: Missing field'],
  ])('reports %s by its path', (_label, edit, says) => {
    expect(problem(json(edit)).message).toContain(says);
  });

  it('finds one bad reminder among 100', () => {
    const reminders = Array.from({ length: 100 }, (_, i) => plain(i + 1));
    const text = serializeBackup(buildBackup({ settings, reminders, exportedAt: T0, extensionVersion: '0.1.0' }));
    const raw = JSON.parse(text) as { reminders: Record<string, unknown>[] };
    raw.reminders[57]!.dueAt = null;
    expect(problem(JSON.stringify(raw)).problems).toEqual(['reminders[57].dueAt: Expected number but received null']);
  });

  it('lists the first problems and counts the rest', () => {
    const e = problem(json((raw) => raw.reminders.forEach((r: any) => (r.rev = 'x'))));
    expect(e.problems).toHaveLength(6);
    expect(e.message).toMatch(/reminders\[0\]\.rev: .*reminders\[4\]\.rev: .*; and 1 more problem$/);
  });

  it('refuses two reminders with the same id', () => {
    const e = problem(json((raw) => (raw.reminders[4].id = 'rem-2')));
    expect(e.message).toBe('Invalid backup: reminders[4].id: Duplicate id "rem-2" (also reminders[1])');
  });

  it('clips a hostile subject in the message instead of echoing it', () => {
    const e = problem(json((raw) => (raw.reminders[0].thread.subject = 'x'.repeat(1_000_000))));
    expect(e.message).toBe('Invalid backup: reminders[0].thread.subject: Invalid length: Expected <=2000 but received 1000000');
    const typed = problem(json((raw) => (raw.reminders[0].dueAt = 'y'.repeat(100_000))));
    expect(typed.message.length).toBeLessThan(300);
  });

  it('refuses a subject that is not text', () => {
    expect(problem(json((raw) => (raw.reminders[0].thread.subject = { toString: 'x' }))).message).toContain('reminders[0].thread.subject: Expected string');
  });

  it('does not let an own __proto__ key through or pollute anything', () => {
    const text = json().replace('"id":"rem-1"', '"__proto__":{"polluted":true},"id":"rem-1"');
    expect(problem(text).message).toContain('reminders[0].__proto__: Unknown field');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reminder kinds in a backup', () => {
  it('accepts "always" (remind regardless of replies) and keeps it through a round trip', () => {
    const parsed = parseBackup(json((raw) => (raw.reminders[0].kind = 'always')));
    expect(parsed.reminders[0]!.kind).toBe('always');
  });

  it('refuses a kind that does not exist, naming the ones that do', () => {
    const error = problem(json((raw) => (raw.reminders[0].kind = 'sometimes')));
    expect(error.message).toContain('reminders[0].kind');
    expect(error.message).toContain('"always"');
  });
});
