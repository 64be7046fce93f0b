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

export { seeded } from '../seeded';
