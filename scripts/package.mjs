#!/usr/bin/env node
/**
 * `npm run package`: the store packages, in packages/ (git-ignored).
 *
 *   follow-through-<version>-chrome.zip   the contents of dist/ (Chrome Web Store, Edge Add-ons)
 *   follow-through-<version>-firefox.zip  the contents of dist-firefox/ (addons.mozilla.org)
 *   follow-through-<version>-source.zip   the committed sources for AMO review (`git archive HEAD`),
 *                                         without tests; how to rebuild: docs/amo-review.md
 *
 * Builds both targets first (`--skip-build` packages the existing dist folders),
 * then reads every zip back and fails if one holds a source map, a test
 * file or anything from node_modules. Plain Node: no shell, no zip binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'packages');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const base = `${name}-${version}`;
const skipBuild = process.argv.includes('--skip-build');

/** Never in any package. */
const FORBIDDEN = [
  [/\.map$/i, 'a source map'],
  [/(^|\/)node_modules\//, 'a file from node_modules'],
  [/(^|\/)test\//, 'a test file'],
  [/\.(test|spec|bench)\.[cm]?[jt]sx?$/i, 'a test file'],
  [/(^|\/)\.(env|git|ci)(\/|$)/, 'a private or tooling file'],
];
/** Kept out of the source package (tests, benchmarks, CI, test config). */
const SOURCE_EXCLUDES = ['test', '.ci', 'scripts/bench', 'scripts/bench-content.mjs', 'vitest.config.ts'];

function build(mode) {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [vite, 'build', ...(mode ? ['--mode', mode] : [])];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`vite build${mode ? ` --mode ${mode}` : ''} failed`);
}

async function zipDir(sourceDir, filename) {
  if (!existsSync(join(sourceDir, 'manifest.json'))) throw new Error(`${sourceDir} has no manifest.json: build it first`);
  // web-ext build zips a folder and leaves out dot files, zips and node_modules by default.
  await webExt.cmd.build(
    { sourceDir, artifactsDir: OUT, filename, overwriteDest: true, ignoreFiles: ['**/*.map'] },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  return join(OUT, filename);
}

function git(...args) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
}

function sourceZip(filename) {
  const dirty = git('status', '--porcelain', '--untracked-files=normal', '--', '.', ...SOURCE_EXCLUDES.map((p) => `:(exclude)${p}`)).trimEnd();
  if (dirty) {
    console.warn(
      `\nWARNING: the source package is the last commit (HEAD); these changes are not in it, so it may not rebuild the other two packages:\n${dirty}\n`,
    );
  }
  const file = join(OUT, filename);
  git('archive', '--format=zip', `--prefix=${base}/`, '-o', file, 'HEAD', '--', '.', ...SOURCE_EXCLUDES.map((p) => `:(exclude)${p}`));
  return file;
}

/** The names in a zip, read from its central directory. */
function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function check(file, { extension }) {
  const names = zipEntries(file);
  const problems = [];
  for (const entry of names) {
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(entry)) problems.push(`${entry}: ${what}`);
  }
  if (extension && !names.includes('manifest.json')) problems.push('no manifest.json at the top level');
  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return names.filter((n) => !n.endsWith('/')).length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  if (!skipBuild) {
    build();
    build('firefox');
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const made = [
    { file: await zipDir(join(ROOT, 'dist'), `${base}-chrome.zip`), extension: true },
    { file: await zipDir(join(ROOT, 'dist-firefox'), `${base}-firefox.zip`), extension: true },
    { file: sourceZip(`${base}-source.zip`), extension: false },
  ];
  console.log('\nPackages:');
  for (const { file, extension } of made) {
    const files = check(file, { extension });
    console.log(`  ${file.slice(ROOT.length + 1).padEnd(46)} ${kb(statSync(file).size).padStart(10)}  (${files} files)`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
