import { describe, expect, it } from 'vitest';
import { buildBackup, parseBackup, serializeBackup } from '../../../../src/core/backup/format';
import { defaultSettings, type Settings } from '../../../../src/core/settings';

const withMine = (): Settings => {
  const s = defaultSettings('Europe/Berlin');
  return {
    ...s,
    templates: {
      selected: { en: 'custom:a', de: 'builtin:de-du:firm' },
      germanAddress: 'du',
      myName: 'Max Muster',
      custom: [{ id: 'custom:a', name: 'Nudge “{x}” <b>', locale: 'en', tone: 'firm', body: 'Hi {firstName},\n\n<img src=x onerror=alert(1)> {subject}' }],
    },
  };
};

describe('backups carry follow-up templates', () => {
  it('round-trips the user’s templates and choices exactly', () => {
    const backup = buildBackup({ settings: withMine(), reminders: [], exportedAt: 1, extensionVersion: '0.1.0' });
    expect(parseBackup(serializeBackup(backup)).settings.templates).toEqual(withMine().templates);
  });

  it('a backup from before templates gets the defaults', () => {
    const backup = JSON.parse(serializeBackup(buildBackup({ settings: withMine(), reminders: [], exportedAt: 1, extensionVersion: '0.1.0' }))) as { settings: Record<string, unknown> };
    delete backup.settings['templates'];
    expect(parseBackup(JSON.stringify(backup)).settings.templates).toEqual(defaultSettings('UTC').templates);
  });

  it('refuses a backup whose templates break the limits, naming the field', () => {
    const s = withMine();
    s.templates.custom[0]!.body = 'x'.repeat(2001);
    expect(() => parseBackup(serializeBackup(buildBackup({ settings: s, reminders: [], exportedAt: 1, extensionVersion: '0.1.0' })))).toThrow(/templates/);
  });
});
