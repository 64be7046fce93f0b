import type { Address } from './reminder';

/** First occurrence of each email keeps its place; a later one may add a missing name. */
export function dedupeAddresses(list: readonly Address[]): Address[] {
  const byEmail = new Map<string, Address>();
  for (const a of list) {
    const known = byEmail.get(a.email);
    if (!known) byEmail.set(a.email, { ...a });
    else if (!known.name && a.name) known.name = a.name;
  }
  return [...byEmail.values()];
}
