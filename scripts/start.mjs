// `npm start` / `npm run start:firefox` (`--firefox`): build, then launch a browser with the extension
// loaded, through web-ext. Which binary, and what is checked before the build: scripts/start-env.mjs.
// Extra browser flags: START_ARGS="--headless=new" npm start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { noDisplayProblem, pickBinary, splitArgs, webExtArgs } from './start-env.mjs';

const target = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const extraArgs = splitArgs(process.env.START_ARGS);

const picked = pickBinary(target, process.env, existsSync);
for (const message of [noDisplayProblem(target, process.env, process.platform, extraArgs), picked.error]) {
  if (message) {
    console.error(`\n${message}\n`);
    process.exit(1);
  }
}

const build = spawnSync('npm', ['run', target === 'firefox' ? 'build:firefox' : 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn('npx', ['web-ext', ...webExtArgs(target, picked.binary, extraArgs, process.getuid?.() === 0)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
