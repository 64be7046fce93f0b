/**
 * E-mail address comparison for "is this the user?".
 *
 * Choices (all in the direction of recognising the user, because the user's
 * own follow-up counted as a reply would hide a reminder):
 * - trimmed, lower-cased, display names / quotes / `mailto:` / `(comments)` /
 *   angle brackets removed; a trailing dot on the domain dropped;
 * - `googlemail.com` is `gmail.com` (the same mailboxes);
 * - for `gmail.com` dots in the local part do not matter: Gmail delivers
 *   `j.o.e@gmail.com` to `joe@gmail.com`, so both are the same person. This is
 *   NOT done for other domains (Google Workspace and every other provider
 *   treat dots as significant);
 * - a `+tag` is removed only when the user enabled plus-addressing, for
 *   every domain (and for gmail.com too: the user decides).
 */
import type { ReplyRules } from './types';

export function normaliseAddress(email: string, plusAddressing: boolean): string {
  const parts = splitAddress(email);
  if (!parts) return bareAddress(email);
  let { local, domain } = parts;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (plusAddressing) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** The address without display name, brackets, quotes or comments, lower-cased. */
function bareAddress(email: string): string {
  let s = email.trim();
  const angle = /<([^<>]*)>[^<>]*$/.exec(s);
  if (angle) s = angle[1] ?? '';
  s = s.replace(/\([^()]*\)/g, ' ').trim();
  // Display name without brackets ("Bob Smith bob@x.com"): keep the token with the '@'.
  if (/\s/.test(s)) s = s.split(/\s+/).find((token) => token.includes('@')) ?? s;
  return s
    .replace(/^mailto:/i, '')
    .replace(/^["']+|["']+$/g, '')
    .toLowerCase();
}

function splitAddress(email: string): { local: string; domain: string } | undefined {
  const s = bareAddress(email);
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return undefined;
  return { local: s.slice(0, at).replace(/^"(.*)"$/, '$1'), domain: s.slice(at + 1).replace(/\.+$/, '') };
}

function isAddressLike(n: string): boolean {
  const at = n.lastIndexOf('@');
  return at > 0 && at < n.length - 1;
}

/** A matcher built once per judgement (the own list is normalised once). */
export function ownAddressMatcher(rules: Pick<ReplyRules, 'ownAddresses' | 'plusAddressing'>): (email: string) => boolean {
  const own = new Set(
    rules.ownAddresses.map((a) => normaliseAddress(a, rules.plusAddressing)).filter(isAddressLike),
  );
  return (email) => {
    const n = normaliseAddress(email, rules.plusAddressing);
    return isAddressLike(n) && own.has(n);
  };
}

/** The lower-cased local part as written, no alias rules applied ('' when there is none). */
export function localPart(email: string): string {
  return splitAddress(email)?.local ?? '';
}
