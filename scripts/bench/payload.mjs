/**
 * Payload of the Gmail content script: every file the built manifest (dist/manifest.json) injects into
 * Gmail, plus any dist file their code names, in bytes as built (minified) and gzipped (node:zlib,
 * level 9); and a per-module breakdown of the isolated-world bundle (the same IIFE build again, in
 * memory, recording each module's rendered length).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { build } from 'vite';
import { DIST as DEFAULT_DIST, ROOT } from './config.mjs';

/** `extra`: files injected later (scripts/bench/split.mjs: the controls after the first compose). */
export function injectedFiles(DIST = DEFAULT_DIST, extra = []) {
  const manifestPath = join(DIST, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build in ${DIST}: run \`npm run build\` first (\`npm run bench\` does).`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const files = [];
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) {
      if (!files.some((x) => x.file === f)) files.push({ file: f, world: cs.world === 'MAIN' ? 'page (MAIN)' : 'isolated', runAt: cs.run_at ?? 'document_idle' });
    }
  }
  if (files.length === 0) throw new Error('dist/manifest.json has no content_scripts');
  for (const f of extra) if (!files.some((x) => x.file === f)) files.push({ file: f, world: 'isolated (on first need)', runAt: '' });
  // Anything they load: any other dist file whose path their code names (chunk imports, getURL(), CSS), transitively.
  const all = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else all.push(relative(DIST, p).split(sep).join('/'));
    }
  };
  walk(DIST);
  const candidates = all.filter((f) => /\.(m?js|css|json|html|wasm)$/.test(f) && f !== 'manifest.json' && !f.startsWith('.vite/'));
  for (let i = 0; i < files.length; i++) {
    const text = readFileSync(join(DIST, files[i].file), 'utf8');
    for (const c of candidates) {
      const base = c.split('/').pop();
      if (!files.some((x) => x.file === c) && (text.includes(c) || (base.length > 12 && text.includes(base)))) {
        files.push({ file: c, world: `loaded by ${files[i].file}`, runAt: '' });
      }
    }
  }
  for (const f of files) {
    const buf = readFileSync(join(DIST, f.file));
    f.min = buf.length;
    f.gz = gzipSync(buf, { level: zlib.Z_BEST_COMPRESSION }).length;
  }
  return files;
}

/**
 * Module breakdown of the isolated-world file, or null when there is none or its source entry
 * (the .js path as .ts) is not in the repo.
 */
export async function isolatedBreakdown(files) {
  const isolated = files.find((f) => f.world === 'isolated');
  if (!isolated) return null;
  const entry = isolated.file.replace(/\.js$/, '.ts');
  if (!existsSync(join(ROOT, entry))) return null;
  return { ...(await moduleBreakdown(entry, isolated.min)), entry, distBytes: isolated.min };
}

/** The isolated-world bundle again, built in memory the way @crxjs builds standalone content scripts (lib mode, IIFE, no plugins). */
async function moduleBreakdown(entryFile, distBytes) {
  const modules = new Map();
  const res = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    plugins: [
      {
        name: 'bench-record-modules',
        generateBundle(_options, bundle) {
          for (const out of Object.values(bundle)) {
            if (out.type !== 'chunk') continue;
            for (const [id, m] of Object.entries(out.modules)) modules.set(id, (modules.get(id) ?? 0) + m.renderedLength);
          }
        },
      },
    ],
    build: {
      write: false,
      emptyOutDir: false,
      lib: { entry: join(ROOT, entryFile), formats: ['iife'], name: 'followThroughContent', fileName: () => 'content.js' },
      minify: true,
      sourcemap: false,
      target: 'es2022',
    },
  });
  const outputs = (Array.isArray(res) ? res : [res]).flatMap((r) => r.output);
  const bundleBytes = outputs.filter((o) => o.type === 'chunk').reduce((n, o) => n + Buffer.byteLength(o.code), 0);
  // Group: our sources by path, dependencies by package.
  const groups = new Map();
  for (const [id, len] of modules) {
    if (len === 0) continue;
    const clean = id.replace(/\0/g, '').split('?')[0];
    let key;
    const nm = clean.lastIndexOf('/node_modules/');
    if (nm >= 0) {
      const rest = clean.slice(nm + 14).split('/');
      key = `${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]} (dependency)`;
    } else if (clean.startsWith(ROOT)) key = relative(ROOT, clean).split(sep).join('/');
    else key = clean;
    groups.set(key, (groups.get(key) ?? 0) + len);
  }
  const rendered = [...groups.values()].reduce((a, b) => a + b, 0);
  const rows = [...groups.entries()]
    .map(([name, len]) => ({ name, rendered: len, share: len / rendered, approxMin: Math.round((len / rendered) * distBytes) }))
    .sort((a, b) => b.rendered - a.rendered);
  return { rows, rendered, bundleBytes, moduleCount: modules.size };
}
