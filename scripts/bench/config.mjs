/**
 * Paths and knobs shared by the content-script benchmark (scripts/bench-content.mjs).
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_ROUNDS (measured rounds per strategy, default 9).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const DOCS = join(ROOT, 'docs', 'benchmarks.md');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'gmail', 'dom');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// At least 3 rounds: a median of fewer says little.
export const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS) || 9);
export const MUTATIONS = 1000;
// Fixed seed: every round, and every run, replays the same burst of mutations.
export const SEED = 0x5eed;

/** Debian's headless Chromium, offline (no name resolves, no background traffic), for the page benches; `args` adds flags. */
export function launchOfflineChromium(args = []) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND', '--disable-background-networking', ...args],
  });
}
