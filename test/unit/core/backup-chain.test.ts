/**
 * Backup format version 2 (follow-up chains): chains round-trip, and a real
 * version 1 file — written by the build before chains
 * (test/fixtures/backup/v1-before-chains.json) — still imports, migrated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, buildBackup, parseBackup, serializeBackup } from '../../../src/core/backup/format';
import { defaultSettings } from '../../../src/core/settings';
import { plain, richReminders, T0 } from './backup-fixtures';

const V1 = readFileSync(new URL('../../fixtures/backup/v1-before-chains.json', import.meta.url), 'utf8');
const settings = defaultSettings('Europe/Berlin');
const chained = () =>
  plain(7, {
    status: 'pending',
    chain: { repeat: false, steps: [2, 5, 9], cap: 4, sent: [{ at: T0 + 1, messageId: '<fu1@mail.gmail.com>', clientId: 'c-1' }, { at: T0 + 2 }] },
  });

describe('backup version 2: follow-up chains', () => {
  it('writes version 2 and round-trips a chain exactly', () => {
    const backup = buildBackup({ settings, reminders: [...richReminders(), chained()], exportedAt: T0, extensionVersion: '0.2.0' });
    expect(backup.version).toBe(2);
    expect(BACKUP_VERSION).toBe(2);
    const back = parseBackup(serializeBackup(backup));
    expect(back).toEqual(backup);
    expect(back.reminders.find((r) => r.id === 'rem-7')!.chain).toEqual(chained().chain);
    expect(back.settings.followUps).toEqual({ repeat: true, steps: [3, 7, 14], cap: 3 });
  });

  it('refuses a chain outside the bounds, naming the path, and imports nothing of that file', () => {
    const bad = (edit: (c: Record<string, unknown>) => void) => {
      const raw = JSON.parse(serializeBackup(buildBackup({ settings, reminders: [chained()], exportedAt: T0, extensionVersion: 'x' })));
      edit(raw.reminders[0].chain);
      return () => parseBackup(JSON.stringify(raw));
    };
    expect(bad((c) => (c.steps = [0]))).toThrow(/reminders\[0\]\.chain\.steps\[0\]/);
    expect(bad((c) => (c.steps = [1, 2, 3, 4, 5, 6, 7]))).toThrow(/reminders\[0\]\.chain\.steps/);
    expect(bad((c) => (c.cap = 11))).toThrow(/reminders\[0\]\.chain\.cap/);
    expect(bad((c) => (c.sent = [{ at: 'yesterday' }]))).toThrow(/reminders\[0\]\.chain\.sent\[0\]\.at/);
    expect(bad((c) => (c.extra = 1))).toThrow(/reminders\[0\]\.chain\.extra: Unknown field/);
  });
});

describe('a version 1 file (before chains)', () => {
  it('is the real file the old build wrote', () => {
    const raw = JSON.parse(V1);
    expect(raw.version).toBe(1);
    expect(raw.settings.followUps).toBeUndefined();
    expect(raw.reminders.some((r: Record<string, unknown>) => 'chain' in r)).toBe(false);
  });

  it('imports, migrated to version 2: every reminder exactly as it was (no chain: single reminders), settings with the follow-up defaults', () => {
    const raw = JSON.parse(V1);
    const backup = parseBackup(V1);
    expect(backup.version).toBe(2);
    expect(backup.reminders).toEqual(raw.reminders);
    expect(backup.reminders.every((r) => r.chain === undefined)).toBe(true);
    // (Fields added since are filled too: toMatchObject.)
    expect(backup.settings).toMatchObject({ ...raw.settings, followUps: { repeat: true, steps: [3, 7, 14], cap: 3 } });
    // And it writes back as a version 2 file that reads the same.
    expect(parseBackup(serializeBackup(backup))).toEqual(backup);
  });

  it('is read by the version 1 rules: a chain in a file that says version 1 is refused', () => {
    const raw = JSON.parse(V1);
    raw.reminders[0].chain = chained().chain;
    expect(() => parseBackup(JSON.stringify(raw))).toThrow(/reminders\[0\]\.chain: Unknown field/);
  });

  it('a damaged version 1 file still names its problem', () => {
    const raw = JSON.parse(V1);
    raw.reminders[2].dueAt = 'soon';
    expect(() => parseBackup(JSON.stringify(raw))).toThrow(/reminders\[2\]\.dueAt/);
  });
});
