import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { manifestFor, type Target } from './manifest.config.ts';
import { CONTROLS_ENTRY, CONTROLS_SCRIPT } from './src/core/protocol/controls.ts';
import { lazyHtmlEntities } from './scripts/lazy-html-entities.ts';

/**
 * The Gmail controls (src/content/controls.ts): one self-contained script
 * next to the manifest's files, built the way crxjs builds standalone
 * content scripts (lib mode, IIFE, minified) once the extension is written.
 * Not in the manifest and not web-accessible: the background injects it
 * into a Gmail frame on first need (src/background/controls-injection.ts).
 */
function gmailControls(defaultOutDir: string): Plugin {
  // The resolved one: `vite build --outDir <dir>` (the e2e's old builds) must get its controls too.
  let outDir = defaultOutDir;
  const buildControls = (watch: boolean) =>
    build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        lib: { entry: CONTROLS_ENTRY, formats: ['iife'], name: 'followThroughControls', fileName: () => CONTROLS_SCRIPT },
        minify: !watch,
        sourcemap: false,
        target: 'es2022',
        // `npm run dev`: rebuilt on change (the next injection, after a Gmail reload, takes the new code).
        ...(watch ? { watch: {} } : {}),
      },
    });
  return {
    name: 'follow-through:gmail-controls',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (this.meta.watchMode) return;
      await buildControls(false);
    },
    configureServer(server) {
      // After crxjs has written the dev extension into outDir.
      server.httpServer?.once('listening', () => void buildControls(true).catch((error) => server.config.logger.error(String(error))));
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = target === 'firefox' ? 'dist-firefox' : 'dist';
  return {
    plugins: [
      // The service worker's start does not unpack htmlparser2's entity trie (scripts/lazy-html-entities.ts).
      lazyHtmlEntities(),
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // The page-world hook must be one self-contained script (no loader, no chunk imports).
        contentScripts: { standaloneFiles: ['src/content/main-world/index.ts', 'src/content/index.ts'] },
      }),
      gmailControls(outDir),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
