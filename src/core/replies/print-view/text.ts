/**
 * Text and address handling for the print view: everything we return is a
 * plain string, never markup; invisible controls that could disguise a name
 * (bidi overrides/isolates, zero-width space, C0/C1 controls) are removed.
 */
import type { Address } from '../../reminder';

const MAX_NAME = 200;
/** A recipient line longer than this is not a list we trust. */
const MAX_LIST = 20_000;

// C0/C1 controls, soft hyphen, Arabic letter mark, zero-width space, LRM/RLM,
// bidi embeddings/overrides (U+202A–E), invisible operators, isolates, BOM.
// ZWNJ/ZWJ (U+200C/D) stay: scripts and emoji sequences need them.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** One line of plain text: invisible controls removed, whitespace (NBSP, NNBSP…) collapsed. */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A plain address `local@domain.tld` (the same rule as the content side's
 * bridge-protocol `EMAIL_RE`): no spaces, quotes, brackets or separators in
 * the local part; an LDH domain with at least one dot.
 */
const EMAIL_RE =
  /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function looksLikeEmail(s: string): boolean {
  return s.length <= 254 && EMAIL_RE.test(s);
}

function unquote(name: string): string {
  const t = name.trim();
  const q = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  return q ? (q[1] ?? '').replace(/\\(.)/g, '$1') : t;
}

/** An address from an email and a display name; undefined unless the email is plausible. */
export function makeAddress(email: string, name?: string): Address | undefined {
  const e = cleanText(email).toLowerCase();
  if (!looksLikeEmail(e)) return undefined;
  const n = cleanText(unquote(cleanText(name ?? ''))).slice(0, MAX_NAME);
  return n && n.toLowerCase() !== e ? { email: e, name: n } : { email: e };
}

/**
 * One `Name <email>`, `"Name, Quoted" <email>` or bare `email`. The email is
 * the last `<…>` group, so a name that itself contains `<…>` stays text.
 */
export function parseAddress(text: string): Address | undefined {
  const t = cleanText(text);
  const angled = /^(.*)<([^<>]*)>$/.exec(t);
  if (!angled) return makeAddress(t);
  return makeAddress(angled[2] ?? '', angled[1]);
}

/**
 * `Name <a@x>, "Last, First" <b@y>, c@z`: commas/semicolons split except
 * inside double quotes or `<…>`. A piece without an address (an unquoted
 * `Last, First <b@y>` split at its comma) is carried into the next piece's name.
 */
export function parseAddressList(text: string): Address[] {
  if (text.length > MAX_LIST) return [];
  const out: Address[] = [];
  let quoted = false;
  let angled = false;
  let escaped = false;
  let start = 0;
  let carry = '';
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (escaped) escaped = false;
    else if (c === '\\' && quoted) escaped = true;
    else if (c === '"' && !angled) quoted = !quoted;
    else if (c === '<' && !quoted) angled = true;
    else if (c === '>' && !quoted) angled = false;
    else if (i === text.length || ((c === ',' || c === ';') && !quoted && !angled)) {
      const piece = text.slice(start, i);
      start = i + 1;
      const a = (carry ? parseAddress(`${carry},${piece}`) : undefined) ?? parseAddress(piece);
      if (a) {
        out.push(a);
        carry = '';
      } else if (cleanText(piece) && !piece.includes('@')) {
        carry = carry ? `${carry},${piece}` : piece;
      } else {
        carry = '';
      }
    }
  }
  return out;
}
