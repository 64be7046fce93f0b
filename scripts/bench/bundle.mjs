/** Bundles a benchmark entry (test/bench/*) into one minified IIFE string for a Chromium page. */
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './config.mjs';

export async function bundleIife(entry, globalName, extra = {}) {
  const res = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    ...extra,
    build: {
      write: false,
      emptyOutDir: false,
      lib: { entry: join(ROOT, entry), formats: ['iife'], name: globalName, fileName: () => `${globalName}.js` },
      minify: true,
      sourcemap: false,
      target: 'es2022',
    },
  });
  const chunk = (Array.isArray(res) ? res : [res]).flatMap((r) => r.output).find((o) => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error(`vite produced no bundle for ${entry}`);
  return chunk.code;
}
