import { isPlaceholder } from './types';

/** `{words}` in a template that are not placeholders (they stay as typed): for the editor to flag. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const m of body.matchAll(/\{([^{}\s]{1,40})\}/g)) if (!isPlaceholder(m[1]!)) unknown.add(m[0]);
  return [...unknown];
}
