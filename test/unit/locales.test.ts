import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SECTION_IDS } from '../../src/core/sections';
import { FAILURE_KEYS } from '../../src/core/explanation';
import { PRESET_IDS } from '../../src/core/schedule/presets';
import { presetKey } from '../../src/content/ui/Picker';
import { NO_FOLLOW_UP_REASONS } from '../../src/core/follow-up';

const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys the code builds at run time from a known list. */
const DYNAMIC_KEYS = [
  ...SECTION_IDS.map((id) => `section_${id}`),
  ...['empty', 'unrecognised', 'past'].map((r) => `dueError_${r}`),
  ...Object.values(FAILURE_KEYS),
  ...PRESET_IDS.map(presetKey),
  ...NO_FOLLOW_UP_REASONS.map((r) => `followUpRefused_${r}`),
];

describe('locales', () => {
  const en = messages('en');
  const de = messages('de');

  it('has every key the code asks for, in English and German', () => {
    const used = new Set(DYNAMIC_KEYS);
    for (const file of sourceFiles('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'(\w+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      expect(en, `en lacks ${key}`).toHaveProperty(key);
      expect(de, `de lacks ${key}`).toHaveProperty(key);
    }
  });

  it('declares a placeholder for every $N$ it uses, the same in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      const names = (m: string) => [...m.matchAll(/\$(\w+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
      expect(names(de[key]!.message), key).toEqual(names(entry.message));
      for (const name of names(entry.message)) expect(entry.placeholders, key).toHaveProperty(name);
    }
  });
});
