/**
 * Build step for the service worker's start: htmlparser2 (the print-view
 * parser of reply checks) imports `entities`, whose HTML decode trie is
 * unpacked from a 20 KB string when the module is evaluated — 3–5 ms of
 * every worker start, on the path of the message that woke it (the Gmail
 * controls after an idle stop), although most starts never parse a page.
 * A service worker cannot import later, so the trie is built on its first
 * use instead: the module exports `getHtmlDecodeTree()` and its two readers
 * (entities' decoder, htmlparser2's tokenizer) call it. Every rewrite must
 * find exactly what it expects, and the old export is gone, so a changed
 * library fails the build here instead of decoding wrongly.
 */
import type { Plugin } from 'vite';

const GETTER = 'getHtmlDecodeTree';

interface Rewrite {
  /** The module, by the end of its resolved path. */
  file: string;
  edits: [from: string | RegExp, to: string][];
}

const REWRITES: Rewrite[] = [
  {
    file: '/entities/dist/generated/decode-data-html.js',
    edits: [
      [
        /export const htmlDecodeTree = \/\* #__PURE__ \*\/ decodeTrieDict\(("(?:[^"\\]|\\.)*",[\d_,\s]*)\);/,
        `let tree;\n/** The HTML decode trie, unpacked on first use (scripts/lazy-html-entities.ts). */\nexport function ${GETTER}() {\n    return (tree ??= decodeTrieDict($1));\n}`,
      ],
    ],
  },
  {
    file: '/entities/dist/decode.js',
    edits: [
      ['import { htmlDecodeTree } from "./generated/decode-data-html.js";', `import { ${GETTER} } from "./generated/decode-data-html.js";`],
      ['const decodeTree = htmlDecodeTree;', `const decodeTree = ${GETTER}();`],
      ['export { htmlDecodeTree } from "./generated/decode-data-html.js";', `export { ${GETTER} } from "./generated/decode-data-html.js";`],
    ],
  },
  {
    file: '/htmlparser2/dist/Tokenizer.js',
    edits: [
      [/(import \{[^}]*)\bhtmlDecodeTree\b([^}]*\} from "entities\/decode";)/, `$1${GETTER}$2`],
      ['xmlMode ? xmlDecodeTree : htmlDecodeTree', `xmlMode ? xmlDecodeTree : ${GETTER}()`],
    ],
  },
];

/** Code without comments, to check that no reader of the old export is left. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** Rewrites one module's code, or returns undefined when it is not one of ours; throws when it is but does not match. */
export function rewriteHtmlEntities(id: string, code: string): string | undefined {
  const path = id.split('?')[0]!.replaceAll('\\', '/');
  const rewrite = REWRITES.find((r) => path.endsWith(r.file));
  if (!rewrite) return undefined;
  let out = code;
  for (const [from, to] of rewrite.edits) {
    const count = typeof from === 'string' ? out.split(from).length - 1 : (out.match(new RegExp(from.source, 'g')) ?? []).length;
    if (count !== 1) throw new Error(`lazy-html-entities: ${rewrite.file} no longer has exactly one ${String(from).slice(0, 80)} (found ${count}); the library changed — update scripts/lazy-html-entities.ts`);
    out = out.replace(from, to);
  }
  if (/\bhtmlDecodeTree\b/.test(withoutComments(out))) throw new Error(`lazy-html-entities: ${rewrite.file} still reads htmlDecodeTree after the rewrite; update scripts/lazy-html-entities.ts`);
  return out;
}

export function lazyHtmlEntities(): Plugin {
  return {
    name: 'follow-through:lazy-html-entities',
    enforce: 'pre',
    transform(code, id) {
      const out = rewriteHtmlEntities(id, code);
      return out === undefined ? undefined : { code: out, map: null };
    },
  };
}
