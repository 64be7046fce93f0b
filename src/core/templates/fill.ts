/**
 * Fills a template's placeholders. One pass over the template only: braces
 * in a value (a subject "{firstName}") stay text, and so does a placeholder
 * we do not know ("{foo}"). The result is plain text, never markup.
 *
 * An empty value must not leave a trace of itself:
 * - "Hi {firstName}," → "Hi,"; "Thanks {firstName}!" → "Thanks!"; no doubled
 *   spaces, no space before punctuation, "({name})" or "“{name}”" vanish;
 * - an empty {sentDate} takes the preposition before it along ("from",
 *   "of", "on", "vom", "am", …): "my email from {sentDate}." → "my email.";
 * - a placeholder that began the line takes the comma after it along
 *   ("{firstName}, any news?" → "Any news?");
 * - a line left with no letter or digit ("{myName}", "— {myName}") is
 *   dropped, with one of the blank lines around it.
 */
import { clip } from '../notification-text';
import { isPlaceholder, type Placeholder } from './types';

/** What a rendered follow-up may be at most (a 2,000-character body with long values). */
export const MAX_TEXT = 5000;

const TOKEN = /\{(\w+)\}/g;
const DATE_PREPOSITION = /\s+(from|of|on|sent on|since|dated|vom|von|am|seit)\s*$/i;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '"': '"', "'": "'", '“': '”', '„': '“', '‚': '‘', '‘': '’', '«': '»', '»': '«', '‹': '›' };

export function fillTemplate(body: string, values: Readonly<Record<Placeholder, string>>): string {
  const lines = body
    .replace(/\r\n?/g, '\n')
    // Control characters other than line breaks and tabs have no place in a mail body.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .split('\n')
    .map((line) => fillLine(line, values));
  return clip(joinKept(lines).trim(), MAX_TEXT);
}

/** The filled line, or null when the line should go (only empty placeholders and punctuation were in it). */
function fillLine(line: string, values: Readonly<Record<Placeholder, string>>): string | null {
  let out = '';
  let gap = false;
  let sawEmpty = false;
  let last = 0;
  // A value is only ever trimmed of the space at its edge; the tidying is for the template's own text.
  const append = (text: string, isValue = false) => {
    let lit = text;
    if (gap && isValue) {
      if (/\s$/.test(out) || out.trim() === '') lit = lit.trimStart();
    } else if (gap) {
      const open = out.at(-1);
      if (open && PAIRS[open] !== undefined && lit.startsWith(PAIRS[open])) {
        out = out.slice(0, -1);
        lit = lit.slice(1);
      }
      const atStart = out.trim() === '';
      if (atStart) {
        const stripped = lit.replace(/^\s*[,;:]\s*/, '');
        lit = stripped !== lit ? capitalise(stripped) : lit.trimStart();
      } else if (/^\s*[,.;:!?)\]]/.test(lit)) {
        out = out.trimEnd();
        lit = lit.trimStart();
        if (/[,;:]$/.test(out) && /^[,;:]/.test(lit)) lit = lit.slice(1);
      } else if (/\s$/.test(out)) lit = lit.trimStart();
    }
    gap = false;
    out += lit;
  };
  for (const m of line.matchAll(TOKEN)) {
    const name = m[1]!;
    if (!isPlaceholder(name)) continue;
    append(line.slice(last, m.index));
    last = m.index + m[0].length;
    const value = values[name];
    if (value) append(value, true);
    else {
      // An unknown date takes its preposition along: "my email from {sentDate}." → "my email."
      if (name === 'sentDate') out = out.replace(DATE_PREPOSITION, '');
      gap = true;
      sawEmpty = true;
    }
  }
  append(line.slice(last));
  if (!sawEmpty) return out;
  out = out.trimEnd();
  return /[\p{L}\p{N}]/u.test(out) ? out : null;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Dropped lines go, and so does a blank line their going leaves next to another. */
function joinKept(lines: (string | null)[]): string {
  const kept: string[] = [];
  let dropped = false;
  for (const line of lines) {
    if (line === null) {
      dropped = true;
      continue;
    }
    if (dropped && line.trim() === '' && (kept.length === 0 || kept.at(-1)!.trim() === '')) continue;
    dropped = false;
    kept.push(line);
  }
  return kept.join('\n');
}
