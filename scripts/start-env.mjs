// What `npm start` / `npm run start:firefox` decide before launching web-ext, as pure functions
// (environment and file checks passed in) so test/unit/scripts/start-env.test.ts can prove them.

const HEADLESS = { chromium: '--headless=new', firefox: '--headless' };
const COMMAND = { chromium: 'npm start', firefox: 'npm run start:firefox' };

/** Branded Google Chrome (137+) ignores --load-extension: it would start without the extension, silently. */
export const isBrandedChrome = (path) => /google[-/\\ ]chrome/i.test(path);

/**
 * The browser binary to launch, or an error saying what to install.
 * Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Ubuntu's /usr/bin/chromium-browser.
 * Firefox: FIREFOX_PATH, else Debian's /usr/bin/firefox-esr, else whatever `firefox` web-ext finds.
 */
export function pickBinary(target, env, exists) {
  if (target === 'firefox') {
    if (env.FIREFOX_PATH) return { binary: env.FIREFOX_PATH };
    return { binary: exists('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined };
  }
  const chosen = env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(exists);
  if (chosen && isBrandedChrome(chosen)) {
    return {
      error: [
        `CHROMIUM_PATH points at Google Chrome (${chosen}).`,
        'Chrome 137 and later ignore --load-extension, so it would start without the extension.',
        'Use a Chromium (Debian: sudo apt-get install chromium; Ubuntu: sudo apt-get install chromium-browser),',
        'or load it into Chrome by hand: npm run build, open chrome://extensions, switch on Developer mode,',
        'click "Load unpacked" and choose the dist/ folder.',
      ].join('\n'),
    };
  }
  if (!chosen) {
    return {
      error: [
        'npm start needs Chromium, and none was found (looked for /usr/bin/chromium and /usr/bin/chromium-browser).',
        'Debian: sudo apt-get install chromium    Ubuntu: sudo apt-get install chromium-browser',
        'Elsewhere set CHROMIUM_PATH to a Chromium binary. Google Chrome 137+ ignores --load-extension:',
        'for Chrome, npm run build and load dist/ by hand (chrome://extensions, Developer mode, Load unpacked).',
      ].join('\n'),
    };
  }
  return { binary: chosen };
}

/**
 * Why no browser window can open here, or undefined when one can (or the user asked for headless).
 * Without it web-ext dies with a bare `read ECONNRESET` from the browser that could not start.
 */
export function noDisplayProblem(target, env, platform, extraArgs) {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  if (extraArgs.some((a) => a.startsWith('--headless'))) return undefined;
  return [
    `${COMMAND[target]} opens a browser window, but this session has no display`,
    '(neither DISPLAY nor WAYLAND_DISPLAY is set: a server, a container or an SSH login).',
    `Run it from a desktop session (or ssh -X), or check that the extension starts without a window:`,
    `  START_ARGS=${HEADLESS[target]} ${COMMAND[target]}`,
  ].join('\n');
}

/** web-ext arguments for the target; `extraArgs` (START_ARGS) go to the browser. */
export function webExtArgs(target, binary, extraArgs, isRoot) {
  const args =
    target === 'firefox'
      ? ['run', '--target', 'firefox-desktop', '--source-dir', 'dist-firefox', '--start-url', 'https://mail.google.com/']
      : ['run', '--target', 'chromium', '--source-dir', 'dist', '--start-url', 'https://mail.google.com/'];
  if (binary) args.push(target === 'firefox' ? `--firefox=${binary}` : `--chromium-binary=${binary}`);
  // Chromium refuses to run as root with its sandbox on.
  if (target === 'chromium' && isRoot) args.push('--args=--no-sandbox');
  for (const extra of extraArgs) args.push(`--args=${extra}`);
  return args;
}

export const splitArgs = (value) => (value ?? '').split(/\s+/).filter(Boolean);
