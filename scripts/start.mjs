// `npm start`: launch a browser with the freshly built extension loaded (web-ext's chromium target).
// CHROMIUM_PATH picks the binary; otherwise Debian's /usr/bin/chromium, otherwise web-ext finds Chrome.
// Extra Chromium flags: START_ARGS="--headless=new" npm start.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const binary = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['run', '--target', 'chromium', '--source-dir', 'dist', '--start-url', 'https://mail.google.com/'];
if (binary) args.push('--chromium-binary', binary);
// Chromium refuses to run as root with its sandbox on.
if (process.getuid?.() === 0) args.push('--args=--no-sandbox');
for (const extra of (process.env.START_ARGS ?? '').split(/\s+/).filter(Boolean)) args.push(`--args=${extra}`);

const child = spawn('npx', ['web-ext', ...args], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
