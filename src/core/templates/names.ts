/**
 * People's names as mail headers give them ("Doe, Jane", "Dr. Jane Doe",
 * "\"Jane Doe (ACME)\"", "Jane Doe via Sales") → what a greeting can use.
 * A name we cannot be sure of is left out, never guessed from an address.
 */
import { clean, clip } from '../notification-text';

const MAX_NAME = 100;

export interface PersonName {
  /** "Jane Doe"; '' when the header gave no usable name. */
  full: string;
  /** "Jane"; '' when unknown (only an address, an initial, a team or company). */
  first: string;
}

const QUOTES = /^["'“”„‘’«»‹›]+|["'“”„‘’«»‹›]+$/g;
/** Academic and courtesy titles before a name (the first name follows them). */
const TITLE = /^(dr|prof|mr|mrs|ms|mx|miss|sir|herr|frau|hr|fr|dipl|ing|mag|med|rer|nat|phil|univ|dres|[a-z]+\.-[a-z]+)\.?$/i;
const TITLE_CHAIN = /^((dr|prof|dipl|ing|mag|med|rer|nat|phil|univ)\.?-?)+$/i;
/** After a comma, these are not a first name: "Jane Doe, PhD". */
const SUFFIX = /^(jr|sr|ii|iii|iv|phd|ph\.d|md|mba|msc|bsc|ma|ba|esq|cpa|dr|prof)\.?$/i;
/** A sender that is a team or company, not a person: no first name to greet. */
const ORGANISATION =
  /\b(team|support|service|services|info|sales|office|help|helpdesk|desk|noreply|no-reply|admin|billing|accounts|kundenservice|vertrieb|buchhaltung|gmbh|ag|kg|ug|inc|ltd|llc|corp|company|group|gruppe)\b\.?/i;

/** One recipient's name; an address alone (or an address as name) gives no name. */
export function personName(raw: string | undefined): PersonName {
  let name = clean(raw).replace(QUOTES, '').trim();
  if (!name || name.includes('@')) return { full: '', first: '' };
  name = name
    .replace(/\s+via\s+.+$/i, '') // Google Groups: "Jane Doe via Sales"
    .replace(/\s*[([{<][^)\]}>]*[)\]}>]\s*/g, ' ') // "(ACME)", "[ext]"
    .replace(/\s+[|·]\s+.*$/, '') // "Jane Doe | ACME"
    .replace(QUOTES, '')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = name.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 2 && !SUFFIX.test(parts[1]!)) name = `${parts[1]} ${parts[0]}`; // "Doe, Jane"
  else if (parts.length >= 2) name = parts.filter((p, i) => i === 0 || !SUFFIX.test(p)).join(', ');
  name = clip(name, MAX_NAME);
  if (!name) return { full: '', first: '' };
  return { full: name, first: ORGANISATION.test(name) ? '' : firstOf(name) };
}

function firstOf(name: string): string {
  const tokens = name.split(' ').filter((t) => !TITLE.test(t) && !TITLE_CHAIN.test(t));
  const first = tokens[0] ?? '';
  // An initial ("J." or "J.R.") is no name to greet someone with; nor is a lone surname after a title ("Dr. Doe").
  if (/^(\p{L}\.)+$|^\p{L}$/u.test(first)) return '';
  if (tokens.length === 1 && tokens.length < name.split(' ').length) return '';
  return /\p{L}/u.test(first) ? first : '';
}
