import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../../src/core/settings-schema';
import { defaultSettings, type Settings } from '../../../../src/core/settings';
import { normalizeSelection, type CustomTemplate } from '../../../../src/core/templates';

const mine = (over: Partial<CustomTemplate> = {}): CustomTemplate => ({ id: 'custom:1', name: 'Mine', locale: 'en', tone: 'short', body: 'Hi {firstName}', ...over });
const withTemplates = (over: Partial<Settings['templates']>): Settings => {
  const s = defaultSettings('Europe/Berlin');
  return { ...s, templates: { ...s.templates, ...over } };
};
const ok = (over: Partial<Settings['templates']>) => parseSettings(withTemplates(over)).success;

describe('settings.templates validation', () => {
  it('keeps the user’s templates, name, choices exactly', () => {
    const s = withTemplates({
      selected: { en: 'custom:1', de: 'builtin:de-du:firm' },
      germanAddress: 'du',
      myName: 'Max Muster',
      custom: [mine(), mine({ id: 'custom:2', locale: 'de', address: 'du', tone: 'firm' })],
    });
    expect(parseSettings(s).output).toEqual(s);
  });

  it('accepts 30 templates of the user’s own, 2,000-character bodies and 60-character names; refuses more', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => mine({ id: `custom:${i}` }));
    expect(ok({ custom: many(30) })).toBe(true);
    expect(ok({ custom: many(31) })).toBe(false);
    expect(ok({ custom: [mine({ body: 'x'.repeat(2000) })] })).toBe(true);
    expect(ok({ custom: [mine({ body: 'x'.repeat(2001) })] })).toBe(false);
    expect(ok({ custom: [mine({ name: 'n'.repeat(60) })] })).toBe(true);
    expect(ok({ custom: [mine({ name: 'n'.repeat(61) })] })).toBe(false);
  });

  it.each([
    ['an empty name', { custom: [mine({ name: '  ' })] }],
    ['two templates with one id', { custom: [mine(), mine()] }],
    ['an id that is not custom:', { custom: [mine({ id: 'builtin:en:short' })] }],
    ['an English template with a form of address', { custom: [mine({ address: 'sie' })] }],
    ['an unknown tone', { custom: [mine({ tone: 'rude' as never })] }],
    ['an unknown language', { custom: [mine({ locale: 'fr' as never })] }],
    ['an unknown form of address', { germanAddress: 'ihr' as never }],
    ['an empty selection', { selected: { en: '', de: 'builtin:de-sie:short' } }],
    ['a name of my own over 100 characters', { myName: 'm'.repeat(101) }],
  ])('refuses %s', (_label, over) => {
    expect(ok(over as Partial<Settings['templates']>)).toBe(false);
  });
});

describe('normalizeSelection', () => {
  const prefs = (over: Partial<Settings['templates']>) => withTemplates(over).templates;
  it('leaves a valid selection alone (same object)', () => {
    const p = prefs({ custom: [mine()], selected: { en: 'custom:1', de: 'builtin:de-sie:short' } });
    expect(normalizeSelection(p)).toBe(p);
  });
  it('moves a German built-in to the chosen form of address, keeping its tone', () => {
    expect(normalizeSelection(prefs({ germanAddress: 'du', selected: { en: 'builtin:en:firm', de: 'builtin:de-sie:short' } })).selected).toEqual({
      en: 'builtin:en:firm',
      de: 'builtin:de-du:short',
    });
  });
  it('a deleted template, or one now in the other language, gives way to the friendly built-in', () => {
    expect(normalizeSelection(prefs({ selected: { en: 'custom:gone', de: 'custom:1' }, custom: [mine()] })).selected).toEqual({
      en: 'builtin:en:friendly',
      de: 'builtin:de-sie:friendly',
    });
  });
});
