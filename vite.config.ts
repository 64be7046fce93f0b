import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { manifestFor, type Target } from './manifest.config.ts';

// One source, two packages: `vite build` → dist/ (Chrome/Edge),
// `vite build --mode firefox` → dist-firefox/ (Firefox).
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // The page-world hook must be one self-contained script (no loader, no chunk imports).
        contentScripts: { standaloneFiles: ['src/content/main-world/index.ts', 'src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
