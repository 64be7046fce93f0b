// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../src/content/gmail/selectors';
import { fixtureNames, load } from './dom';

const SOURCE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../src/content/gmail/selectors.ts'), 'utf8');

/** The fixtures each export's doc comment names as its proof, and whether it asks for pop-out body classes. */
function provenBy(name: string): { fixtures: string[]; popout: boolean } {
  const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export const ${name}\\b`).exec(SOURCE);
  const comment = m?.[1] ?? '';
  return { fixtures: [...new Set(comment.match(/[\w-]+\.html/g) ?? [])], popout: /body classes/.test(comment) };
}

function matchesIn(fixture: string, selector: string, popout: boolean): boolean {
  const doc = load(fixture, popout ? { bodyClass: 'xE xp' } : {});
  return doc.querySelector(selector) !== null;
}

const entries = Object.entries(selectors);

describe('selectors.ts', () => {
  it('exports only selector strings', () => {
    expect(entries.length).toBeGreaterThan(30);
    for (const [name, value] of entries) expect(typeof value, name).toBe('string');
  });

  it.each(entries)('%s parses and matches in a fixture its comment names', (name, selector) => {
    const { fixtures, popout } = provenBy(name);
    expect(fixtures.length, `${name} names no fixture`).toBeGreaterThan(0);
    for (const f of fixtures) expect(fixtureNames(), `${name} names a missing fixture`).toContain(f);
    expect(() => document.querySelector(selector as string)).not.toThrow();
    expect(fixtures.some((f) => matchesIn(f, selector as string, popout)), `${name} (${selector}) is dead`).toBe(true);
  });

  it('no selector leans on translated text (aria-label, data-tooltip, title text, alt)', () => {
    for (const [name, selector] of entries) {
      expect(selector, name).not.toMatch(/aria-label|data-tooltip|placeholder|:contains/);
    }
  });
});
