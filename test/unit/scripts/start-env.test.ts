import { describe, expect, it } from 'vitest';
import { isBrandedChrome, noDisplayProblem, pickBinary, splitArgs, webExtArgs } from '../../../scripts/start-env.mjs';

const onDisk = (...paths: string[]) => (p: string) => paths.includes(p);

describe('npm start: a session without a display', () => {
  it('is refused before launching on Linux with neither DISPLAY nor WAYLAND_DISPLAY, saying what to do', () => {
    const problem = noDisplayProblem('chromium', {}, 'linux', []);
    expect(problem).toContain('no display');
    expect(problem).toContain('START_ARGS=--headless=new npm start');
    expect(noDisplayProblem('firefox', {}, 'linux', [])).toContain('START_ARGS=--headless npm run start:firefox');
  });

  it('is fine with X11, Wayland, a headless flag, or on macOS and Windows', () => {
    expect(noDisplayProblem('chromium', { DISPLAY: ':0' }, 'linux', [])).toBeUndefined();
    expect(noDisplayProblem('chromium', { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', [])).toBeUndefined();
    expect(noDisplayProblem('chromium', {}, 'linux', ['--headless=new'])).toBeUndefined();
    expect(noDisplayProblem('firefox', {}, 'linux', ['--headless'])).toBeUndefined();
    expect(noDisplayProblem('chromium', {}, 'darwin', [])).toBeUndefined();
    expect(noDisplayProblem('chromium', {}, 'win32', [])).toBeUndefined();
  });

  it('counts an empty DISPLAY as none', () => {
    expect(noDisplayProblem('chromium', { DISPLAY: '' }, 'linux', [])).toBeDefined();
  });
});

describe('npm start: which browser', () => {
  it('takes CHROMIUM_PATH first, then Debian\'s chromium, then Ubuntu\'s chromium-browser', () => {
    expect(pickBinary('chromium', { CHROMIUM_PATH: '/opt/chromium/chrome' }, onDisk('/usr/bin/chromium'))).toEqual({ binary: '/opt/chromium/chrome' });
    expect(pickBinary('chromium', {}, onDisk('/usr/bin/chromium', '/usr/bin/chromium-browser'))).toEqual({ binary: '/usr/bin/chromium' });
    expect(pickBinary('chromium', {}, onDisk('/usr/bin/chromium-browser'))).toEqual({ binary: '/usr/bin/chromium-browser' });
  });

  it('without a Chromium, says which package to install and what works with Google Chrome', () => {
    const { binary, error } = pickBinary('chromium', {}, onDisk());
    expect(binary).toBeUndefined();
    expect(error).toContain('apt-get install chromium');
    expect(error).toContain('Load unpacked');
  });

  it('refuses branded Google Chrome, which ignores --load-extension since 137', () => {
    for (const path of ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']) {
      expect(isBrandedChrome(path), path).toBe(true);
      expect(pickBinary('chromium', { CHROMIUM_PATH: path }, onDisk()).error, path).toContain('Load unpacked');
    }
    for (const path of ['/usr/bin/chromium', '/opt/chrome-linux64/chrome', '/usr/lib/chromium/chromium']) expect(isBrandedChrome(path), path).toBe(false);
  });

  it('Firefox: FIREFOX_PATH, else Debian\'s firefox-esr, else web-ext\'s own search', () => {
    expect(pickBinary('firefox', { FIREFOX_PATH: '/opt/ff/firefox' }, onDisk('/usr/bin/firefox-esr'))).toEqual({ binary: '/opt/ff/firefox' });
    expect(pickBinary('firefox', {}, onDisk('/usr/bin/firefox-esr'))).toEqual({ binary: '/usr/bin/firefox-esr' });
    expect(pickBinary('firefox', {}, onDisk())).toEqual({ binary: undefined });
  });
});

describe('npm start: web-ext arguments', () => {
  it('chromium: the binary, no sandbox as root, START_ARGS passed on', () => {
    expect(webExtArgs('chromium', '/usr/bin/chromium', splitArgs(' --headless=new  --lang=de '), true)).toEqual([
      'run', '--target', 'chromium', '--source-dir', 'dist', '--start-url', 'https://mail.google.com/',
      '--chromium-binary=/usr/bin/chromium', '--args=--no-sandbox', '--args=--headless=new', '--args=--lang=de',
    ]);
    expect(webExtArgs('chromium', '/usr/bin/chromium', [], false)).not.toContain('--args=--no-sandbox');
  });

  it('firefox: the Firefox build and binary', () => {
    expect(webExtArgs('firefox', '/usr/bin/firefox-esr', ['--headless'], true)).toEqual([
      'run', '--target', 'firefox-desktop', '--source-dir', 'dist-firefox', '--start-url', 'https://mail.google.com/',
      '--firefox=/usr/bin/firefox-esr', '--args=--headless',
    ]);
    expect(webExtArgs('firefox', undefined, [], false).some((a) => a.startsWith('--firefox'))).toBe(false);
  });
});
