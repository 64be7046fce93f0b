import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteHtmlEntities } from '../../../scripts/lazy-html-entities';

// The copies the background bundle resolves: htmlparser2's own entities.
const htmlparser2 = join(process.cwd(), 'node_modules', 'htmlparser2');
const entities = join(htmlparser2, 'node_modules', 'entities');
const files = {
  data: join(entities, 'dist/generated/decode-data-html.js'),
  decode: join(entities, 'dist/decode.js'),
  tokenizer: join(htmlparser2, 'dist/Tokenizer.js'),
};
const rewrite = (file: string) => rewriteHtmlEntities(file, readFileSync(file, 'utf8'));

describe('lazy-html-entities: the HTML decode trie is unpacked on first use, not at every worker start', () => {
  it('the trie module exports a getter that builds it once, and no eager trie', () => {
    const out = rewrite(files.data)!;
    expect(out).toMatch(/export function getHtmlDecodeTree\(\) \{\n\s+return \(tree \?\?= decodeTrieDict\("/);
    expect(out).not.toMatch(/export const htmlDecodeTree/);
  });

  it('both readers call the getter; neither reads the old export', () => {
    const decode = rewrite(files.decode)!;
    expect(decode).toContain('const decodeTree = getHtmlDecodeTree();');
    expect(decode).toContain('export { getHtmlDecodeTree } from "./generated/decode-data-html.js";');
    const tokenizer = rewrite(files.tokenizer)!;
    expect(tokenizer).toContain('new EntityDecoder(xmlMode ? xmlDecodeTree : getHtmlDecodeTree(),');
    expect(tokenizer).toMatch(/import \{[^}]*getHtmlDecodeTree[^}]*\} from "entities\/decode";/);
  });

  it('leaves every other module alone', () => {
    expect(rewriteHtmlEntities(join(entities, 'dist/decode-codepoint.js'), 'export const x = 1;')).toBeUndefined();
    expect(rewriteHtmlEntities('/src/core/replies/print-view.ts', 'const htmlDecodeTree = 1;')).toBeUndefined();
  });

  it('a changed library fails the build with a clear message instead of decoding wrongly', () => {
    expect(() => rewriteHtmlEntities(files.data, 'export const htmlDecodeTree = new Uint16Array([1, 2]);')).toThrow(/library changed — update scripts\/lazy-html-entities.ts/);
    const decode = readFileSync(files.decode, 'utf8');
    expect(() => rewriteHtmlEntities(files.decode, `${decode}\nexport const again = () => htmlDecodeTree;`)).toThrow(/still reads htmlDecodeTree/);
  });
});
