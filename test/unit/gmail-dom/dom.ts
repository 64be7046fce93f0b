import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths, not URL objects: happy-dom replaces the global URL.
const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/gmail/dom');

/** The fixture's text, as stored in test/fixtures/gmail/dom. */
export function fixtureText(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

/** Every HTML fixture. */
export function fixtureNames(): string[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
}

/**
 * Loads a fixture as the current happy-dom document: parsed with DOMParser
 * (fragments land in <body>), then its <html> replaces the document's, so
 * `document.title`, `document.body` and the body's classes are the fixture's.
 * `edit` may change the markup text first (e.g. to plant hostile values).
 */
export function load(name: string, opts: { bodyClass?: string; edit?: (html: string) => string } = {}): Document {
  const html = (opts.edit ?? ((h: string) => h))(fixtureText(name));
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // remove + append: happy-dom's replaceChild refuses a second <html> mid-way.
  document.documentElement.remove();
  document.appendChild(document.importNode(parsed.documentElement, true));
  if (opts.bodyClass) document.body.className = opts.bodyClass;
  return document;
}

/**
 * Turns each class token into a 2026-style hashed token (`M9` → `M9-ql-test-aOr`),
 * so only the structural fallbacks can still find the element.
 */
export function hashClasses(doc: Document, ...tokens: string[]): void {
  for (const token of tokens) {
    doc.querySelectorAll(`.${token}`).forEach((el) => {
      el.classList.remove(token);
      el.classList.add(`${token}-ql-test-aOr`);
    });
  }
}

export function byId(doc: Document, id: string): Element {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`fixture has no #${id}`);
  return el;
}
