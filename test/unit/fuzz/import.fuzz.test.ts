/**
 * Importer fuzz: random text and damaged backups through `data.import`.
 * Either every reminder and the settings are written, or the reply is a
 * clear `invalid-request` and nothing at all has changed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackup, parseBackup, serializeBackup } from '../../../src/core/backup/format';
import type { Reminder } from '../../../src/core/reminder';
import { richReminders, plain, T0 } from '../core/backup-fixtures';
import { fakeBackground, userSettings } from '../background/fakes';
import { send } from './hostile';
import { editText, jsonishValue, mutations, mutate, nastyString, runs, textEdit, toJson } from './arbitraries';

type F = ReturnType<typeof fakeBackground>;

const byId = (rs: Reminder[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

// rem-1 of richReminders clashes with the one seed() stores: a valid import replaces it.
const SOURCE_REMINDERS = [...richReminders(), plain(20)];
const VALID_BACKUP = buildBackup({
  settings: userSettings({ defaultPreset: 'in-3-days' }),
  reminders: SOURCE_REMINDERS,
  exportedAt: T0,
  extensionVersion: '0.1.0',
});
const VALID_JSON = serializeBackup(VALID_BACKUP);

async function snapshot(f: F) {
  await f.bg.errors.all();
  return {
    reminders: byId(await f.bg.store.all()),
    storage: structuredClone(f.storage.data),
    notifications: f.notifications.created.length,
    cleared: f.notifications.cleared.length,
    alarms: f.alarms.calls.length,
    badge: f.badge.counts.length,
  };
}

const file = fc.oneof(
  // Random text, random bytes read as text, random JSON.
  { weight: 2, arbitrary: nastyString(200) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(toJson) },
  // The valid file, truncated or edited as text.
  { weight: 3, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((edits) => editText(VALID_JSON, edits)) },
  // The valid file with fields dropped, replaced, added, nested, duplicated (ids too) or emptied at random paths.
  { weight: 6, arbitrary: mutations(4, jsonishValue).map((ms) => toJson(mutate(VALID_BACKUP, ms))) },
  // Plausible damage that may still be valid: the importer must then write all of it.
  {
    weight: 2,
    arbitrary: fc
      .record({ drop: fc.nat({ max: 7 }), dup: fc.boolean(), subject: nastyString(30) })
      .map(({ drop, dup, subject }) => {
        const reminders = structuredClone(VALID_BACKUP.reminders).filter((_, i) => i !== drop);
        reminders[0]!.thread.subject = subject;
        if (dup) reminders.push(structuredClone(reminders[0]!));
        return toJson({ ...VALID_BACKUP, reminders });
      }),
  },
);

async function seed(f: F) {
  await f.bg.bulk.putAll([plain(1, { id: 'rem-1' }), plain(30, { id: 'kept-30' })]);
}

describe('data.import fuzz', () => {
  let f: F;
  beforeAll(async () => {
    f = fakeBackground({ now: T0 });
    await seed(f);
  });

  it('writes a file completely or answers invalid-request and changes nothing', async () => {
    const outcomes = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(file, async (json) => {
        const before = await snapshot(f);
        const reply = await send(f, 'data.import', { json });
        const after = await snapshot(f);
        if (reply.ok) {
          outcomes.ok++;
          const backup = parseBackup(json); // it was accepted: it parses
          expect(reply.data.imported).toBe(backup.reminders.length);
          const stored = new Map(after.reminders.map((r) => [r.id, r]));
          // Every reminder of the file is stored exactly as in the file …
          // (A notified reminder the file holds without an announcement is announced at once: nothing due stays silent.)
          for (const r of (JSON.parse(json) as { reminders: Reminder[] }).reminders) {
            const announced = r.status === 'notified' && r.announcedAt === undefined;
            expect(stored.get(r.id)).toEqual(announced ? { ...r, announcedAt: expect.any(Number), updatedAt: expect.any(Number), rev: r.rev + 1 } : r);
          }
          // … nothing else was lost, and the settings are the file's.
          for (const r of before.reminders) expect(stored.has(r.id)).toBe(true);
          expect(after.storage.settings).toEqual(backup.settings);
          expect(reply.data.replaced).toBe(backup.reminders.filter((r) => before.reminders.some((b) => b.id === r.id)).length);
        } else {
          outcomes.refused++;
          expect(reply.error.code, reply.error.message).toBe('invalid-request');
          expect(reply.error.message.length).toBeGreaterThan(0);
          expect(reply.error.message.length).toBeLessThanOrEqual(1200);
          expect(after).toEqual(before);
        }
      }),
      runs(300),
    );
    if (process.env.FUZZ_STATS) console.log(outcomes);
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['an empty file', ''],
    ['a bare null', 'null'],
    ['an array', '[]'],
    ['a huge reminders array', toJson({ ...VALID_BACKUP, reminders: Array.from({ length: 100_001 }, () => 0) })],
    ['many broken reminders', toJson({ ...VALID_BACKUP, reminders: Array.from({ length: 5_000 }, (_, i) => ({ ...SOURCE_REMINDERS[0], id: `x${i}`, rev: -1 })) })],
    ['a thousand duplicate ids', toJson({ ...VALID_BACKUP, reminders: Array.from({ length: 1_000 }, () => SOURCE_REMINDERS[0]) })],
    ['deep nesting', `{"format":"follow-through-backup","version":1,"reminders":${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
    ['deep nesting, unclosed', `${'['.repeat(200_000)}`],
    ['a __proto__ key', VALID_JSON.replace('"format"', '"__proto__":{"polluted":1},"format"')],
    ['a __proto__ key in a reminder', VALID_JSON.replace('"kind":', '"__proto__":{"status":"done"},"kind":')],
    ['NaN-like numbers', VALID_JSON.replace(/"dueAt":\d+/, '"dueAt":1e400')],
    ['a lone surrogate escape', VALID_JSON.replace('"Quote for project 1"', '"\\ud800"')],
  ])('refuses %s with a clear message, changing nothing', async (_, json) => {
    const g = fakeBackground({ now: T0 });
    await seed(g);
    const before = await snapshot(g);
    const started = Date.now();
    const reply = await send(g, 'data.import', { json });
    expect(Date.now() - started).toBeLessThan(10_000);
    if (reply.ok) {
      // Only the surrogate case is acceptable as valid data (a string is a string).
      expect(json).toContain('\\ud800');
      return;
    }
    expect(reply.error.code).toBe('invalid-request');
    expect(reply.error.message).toMatch(/backup/i);
    expect(reply.error.message.length).toBeLessThanOrEqual(1200);
    expect(await snapshot(g)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['reminders', 'settings'] as const)('a storage failure while writing the %s leaves nothing half-written', async (failing) => {
    const g = fakeBackground({ now: T0 });
    await seed(g);
    const before = await snapshot(g);
    if (failing === 'settings') {
      const set = g.storage.set.bind(g.storage);
      g.storage.set = async (items) => {
        if ('settings' in items) throw new Error('QUOTA_BYTES quota exceeded');
        return set(items);
      };
    } else {
      g.bg.bulk.putAll = async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }
    const reply = await send(g, 'data.import', { json: VALID_JSON });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    const after = await snapshot(g);
    expect(after.reminders).toEqual(before.reminders);
    expect(after.storage.settings).toEqual(before.storage.settings);
  });
});
