/**
 * The signed-in account as the page shows it, without the page's own
 * scripts: Gmail's tab title ends in "<account email> - Gmail" in every UI
 * language ("Inbox (3) - me@example.com - Gmail", "Posteingang (3) - …").
 * The URL's /u/N/ index is only a hint: it shifts when accounts are added
 * or removed.
 */

import { looksLikeEmail } from '../bridge-protocol';

/** " - ", " – ", " — " between title parts (the dash style has varied). */
const SEPARATOR = /\s+[-\u2013\u2014]\s+/;
/** Direction marks and other invisible characters Gmail may wrap addresses in. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_TITLE = 4096;

/**
 * The account email: the title part just before the product name. Only
 * that part is taken, because a subject in front of it may itself contain
 * an address ("Re: bob@x.com - me@example.com - Gmail").
 */
export function accountFromTitle(title: string): string | undefined {
  try {
    if (typeof title !== 'string' || title.length > MAX_TITLE) return undefined;
    const parts = title.replace(INVISIBLE, '').split(SEPARATOR);
    if (parts.length < 2) return undefined;
    const candidate = (parts[parts.length - 2] ?? '').trim().toLowerCase();
    return looksLikeEmail(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

