/**
 * Shared fast-check pieces for the fuzz tests: the seed, hostile strings and
 * values, and a mutator that damages a valid example at random paths.
 *
 * Every property runs with a fixed seed so a run is reproducible; fast-check
 * prints the seed and the counterexample path when a property fails. To
 * explore further: `FUZZ_SEED=123 FUZZ_SCALE=10 npx vitest run --project unit test/unit/fuzz`.
 */
import fc from 'fast-check';

export const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2025);
/** Multiplies every numRuns (default 1: the folder stays well under a minute on a slow machine). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

export const runs = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: Math.max(1, Math.round(numRuns * SCALE)),
  // A failing property prints the seed, the path and the shrunk value.
  verbose: 1,
});

/** Short strings that break naive HTML, iCalendar, JSON, bidi or UTF-16 handling. */
export const NASTY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '\u202eevil\u202c',
  '\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  '\udc00',
  '\udbff\udfff',
  '😀👍🏽👨‍👩‍👧',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\r\n',
  '\n',
  '\u2028\u2029\u0085',
  '\u0007\u001b[31m',
  '\\',
  ',;:',
  '"\'`',
  '&amp;&lt;&#x3c;',
  ']]>',
  '%00%0d%0a',
  'END:VEVENT\r\nBEGIN:VEVENT',
  ')]}\'\n',
  'msg-a:r123',
  'thread-f:1581064946762017791',
  '<a@b.c>',
  'me@example.com',
  'ME@EXAMPLE.COM',
  '',
  ' ',
] as const;

/** Single code units, including lone surrogates and controls. */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
);

export const nastyString = (maxLength = 40): fc.Arbitrary<string> => fc.array(unit, { maxLength }).map((parts) => parts.join(''));

/** Lengths just around the limits the schemas and parsers use. */
const HUGE_LENGTHS = [64, 65, 80, 199, 200, 201, 254, 255, 320, 321, 998, 999, 1000, 1001, 1200, 2000, 2001, 10_000, 100_000] as const;

export const hugeString = fc
  .tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', 'é', '😀', '<', '\u202e', 'a@b.c '))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)).slice(0, n));

export const anyString = fc.oneof({ weight: 5, arbitrary: nastyString() }, { weight: 1, arbitrary: hugeString });

/** Numbers JSON cannot carry, and the edges the schemas check. */
export const nastyNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e21, 8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, 2 ** 64, Number.MIN_VALUE),
  fc.double(),
  fc.integer(),
);

/** An object holding `key` as an own property, even `__proto__` (which `obj[k] = v` would not create). */
export function withOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function deep(depth: number, leaf: unknown = 1, kind: 'array' | 'object' = 'array'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Odd values a sender could put anywhere (structured-cloneable, as runtime messaging delivers them). */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<() => unknown>(
      () => ({}),
      () => [],
      () => Object.create(null) as object,
      () => JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}') as unknown,
      () => new Date(NaN),
      () => new Date(0),
      () => [, 1, ,],
      () => deep(2_000),
      () => deep(500, 'x', 'object'),
      () => Array.from({ length: 600 }, () => ({ email: 'a@b.c' })),
      () => new Map([['a', 1]]),
      () => 10n,
    ).map((make) => make()),
  },
);

/** Keys to add to an object: prototype keys and look-alikes of real ones. */
export const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'id', 'v', 'type', 'payload', ''),
  nastyString(12),
);

export type MutationOp = 'delete' | 'replace' | 'add-key' | 'nest' | 'duplicate' | 'empty';

export interface Mutation {
  at: number;
  op: MutationOp;
  value: unknown;
  key: string;
}

export const mutation = (value: fc.Arbitrary<unknown> = nastyValue): fc.Arbitrary<Mutation> =>
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom<MutationOp>('delete', 'replace', 'replace', 'replace', 'add-key', 'nest', 'duplicate', 'empty'),
    value,
    key: nastyKey,
  });

export const mutations = (max = 3, value?: fc.Arbitrary<unknown>) => fc.array(mutation(value), { minLength: 1, maxLength: max });

/** nastyValue without what JSON.stringify cannot write (BigInt) or drops silently (Map, Date…): for files. */
export const jsonishValue: fc.Arbitrary<unknown> = nastyValue.filter((v) => typeof v !== 'bigint' && !(v instanceof Map));

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 40 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i });
        walk(child, depth + 1);
      });
    } else if (Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null) {
      for (const k of Object.keys(node)) {
        out.push({ parent: node as Record<string, unknown>, key: k });
        walk((node as Record<string, unknown>)[k], depth + 1);
      }
    }
  };
  walk(root, 0);
  return out;
}

/**
 * Applies each mutation to a fresh copy of `valid` at the slot its `at`
 * picks (the root when there is none). Deterministic in its inputs, so
 * fast-check can shrink a failure to the smallest damage.
 */
export function mutate(valid: unknown, ms: readonly Mutation[]): unknown {
  const box: { root: unknown } = { root: structuredClone(valid) };
  for (const m of ms) {
    const all = [{ parent: box as unknown as Record<string, unknown>, key: 'root' } as Slot, ...slots(box.root)];
    const slot = all[m.at % all.length]!;
    const { parent, key } = slot;
    const current = (parent as Record<string | number, unknown>)[key];
    switch (m.op) {
      case 'delete':
        if (parent === (box as unknown)) box.root = undefined;
        else if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key as string];
        break;
      case 'replace':
        (parent as Record<string | number, unknown>)[key] = m.value;
        break;
      case 'add-key':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) withOwn(current, m.key, m.value);
        else if (Array.isArray(current)) current.push(m.value);
        else (parent as Record<string | number, unknown>)[key] = { [m.key]: current };
        break;
      case 'nest':
        (parent as Record<string | number, unknown>)[key] = deep(1 + (m.at % 1_000), current, m.at % 2 ? 'array' : 'object');
        break;
      case 'duplicate':
        // The same object twice (no deep copy: a value may be nested thousands deep).
        if (Array.isArray(current) && current.length > 0) current.push(current[m.at % current.length]);
        else if (Array.isArray(parent)) parent.push(current);
        break;
      case 'empty':
        (parent as Record<string | number, unknown>)[key] = Array.isArray(current) ? [] : typeof current === 'string' ? '' : {};
        break;
    }
  }
  return box.root;
}

/** Damages a text: truncation, insertion, deletion and replacement of random ranges. */
export const textEdit = fc.record({
  kind: fc.constantFrom('truncate', 'insert', 'delete', 'replace'),
  at: fc.nat(),
  len: fc.nat({ max: 64 }),
  text: fc.oneof(nastyString(8), fc.constantFrom('[', ']', '{', '}', '"', ',', '\\', '<', '>', '</table>', '<div>', '&', '\u0000')),
});

export function editText(s: string, edits: readonly { kind: string; at: number; len: number; text: string }[]): string {
  let out = s;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'truncate') out = out.slice(0, at);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.len);
    else out = out.slice(0, at) + e.text + out.slice(at + e.text.length);
  }
  return out;
}

/** JSON.stringify that never throws (a value nested too deep for the stack becomes a plain string). */
export function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '"unserialisable"';
  }
}
