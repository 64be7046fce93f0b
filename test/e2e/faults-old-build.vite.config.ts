/**
 * Test-only build config: the production build (vite.config.ts, unchanged)
 * with its database capped at an older version, to stand in for a previous
 * release in the extension-update e2e test (test/e2e/faults.test.ts).
 *
 *   FT_DB_VERSION_CAP=1 npx vite build --config test/e2e/faults-old-build.vite.config.ts --outDir /tmp/old
 *
 * Only `DB_VERSION` in src/storage/migrations.ts is rewritten (to
 * `Math.min(MIGRATIONS.length, cap)`), so the build opens the database at
 * that version and runs only the first `cap` migrations — exactly what a
 * build from before the later migrations did. Production code has no test
 * switch: this rewrite exists only in builds made with this file, and it
 * fails loudly if the line it rewrites ever changes.
 */
import { defineConfig, type ConfigEnv, type Plugin, type UserConfig } from 'vite';
import productionConfig from '../../vite.config.ts';

const DB_VERSION_LINE = 'export const DB_VERSION = MIGRATIONS.length;';

function capDbVersion(cap: number): Plugin {
  let rewritten = false;
  return {
    name: 'follow-through-test:cap-db-version',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/storage/migrations.ts')) return undefined;
      if (!code.includes(DB_VERSION_LINE)) this.error(`migrations.ts no longer contains "${DB_VERSION_LINE}": update ${import.meta.filename}`);
      rewritten = true;
      return code.replace(DB_VERSION_LINE, `export const DB_VERSION = Math.min(MIGRATIONS.length, ${cap});`);
    },
    buildEnd() {
      if (!rewritten) this.error('src/storage/migrations.ts was not part of the build: the database version cap was not applied');
    },
  };
}

export default defineConfig(async (env: ConfigEnv): Promise<UserConfig> => {
  const base = typeof productionConfig === 'function' ? await productionConfig(env) : await productionConfig;
  const cap = Number(process.env.FT_DB_VERSION_CAP);
  if (!Number.isInteger(cap) || cap < 1) throw new Error('Set FT_DB_VERSION_CAP to the database version the old build should use (≥ 1)');
  return { ...base, plugins: [capDbVersion(cap), ...(base.plugins ?? [])] };
});
