/**
 * Addresses as Gmail's DOM holds them: hidden recipient inputs with
 * `Name <email>` / `"Name" <email>` / `email` (several, comma-separated,
 * in typed text), and elements with `email`/`name` or
 * `data-hovercard-id`/`data-name` attributes. Emails are lower-cased and
 * must look like an address (bridge-protocol's rule); names are kept.
 */

import type { Address } from '../../core/reminder';
import { looksLikeEmail } from '../bridge-protocol';

const MAX_NAME = 200;
/** A recipient field longer than this is not a recipient list we trust. */
const MAX_FIELD = 20_000;

function address(email: string | null | undefined, name?: string | null): Address | undefined {
  const e = (email ?? '').trim().toLowerCase();
  if (!looksLikeEmail(e)) return undefined;
  const n = (name ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  return n && n.toLowerCase() !== e ? { email: e, name: n } : { email: e };
}

/** One `Name <email>`, `"Name" <email>` or bare `email`. */
export function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  const angled = /^(.*?)<([^<>]+)>$/.exec(t);
  if (!angled) return address(t);
  const name = (angled[1] ?? '').trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
  return address(angled[2], name);
}

/** A comma/semicolon separated list; separators inside quotes or `<…>` do not split. */
export function parseAddressList(text: string): Address[] {
  if (text.length > MAX_FIELD) return [];
  const out: Address[] = [];
  let quoted = false;
  let angled = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '<' && !quoted) angled = true;
    else if (c === '>' && !quoted) angled = false;
    else if (i === text.length || ((c === ',' || c === ';') && !quoted && !angled)) {
      const a = parseAddress(text.slice(start, i));
      if (a) out.push(a);
      start = i + 1;
    }
  }
  return out;
}

/** The address an element names by attribute (`email`/`name`, or the newer `data-hovercard-id`/`data-name`). */
export function elementAddress(el: Element): Address | undefined {
  return address(
    el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'),
    el.getAttribute('name') ?? el.getAttribute('data-name'),
  );
}
