import { readFileSync } from 'node:fs';

const DIR = new URL('../../fixtures/gmail/sync-2022/', import.meta.url);

/** A sample body as Gmail sent it (text), from test/fixtures/gmail/sync-2022. */
export function sample(name: string): string {
  return readFileSync(new URL(`2022-09-09-${name}.json`, DIR), 'utf8');
}

/** The request/response pair of a capture. */
export function pair(name: string): { request: string; response: string } {
  const custom = name.endsWith('_customThreadId');
  const base = custom ? name.slice(0, -'_customThreadId'.length) : name;
  const tail = custom ? '_customThreadId' : '';
  return { request: sample(`${base}_request${tail}`), response: sample(`${base}_response${tail}`) };
}

/** Deterministic PRNG (mulberry32) for fuzzing. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
