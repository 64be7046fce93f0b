import { describe, expect, it } from 'vitest';
import {
  declaredContentScripts,
  injectIntoOpenTabs,
  injectIntoTabs,
  injectOncePerRun,
  type ContentScriptFiles,
  type ScriptingPort,
  type ScriptWorld,
} from '../../../src/background/content-injection';

/** The content_scripts of a built manifest (crxjs writes the output file names). */
const BUILT = {
  content_scripts: [
    { js: ['src/content/main-world/index.js'], matches: ['https://mail.google.com/*'], run_at: 'document_start', world: 'MAIN' },
    { js: ['src/content/index.js'], matches: ['https://mail.google.com/*'], run_at: 'document_idle' },
  ],
};

function fakePort(tabs: Record<string, number[]>, refuse: (tabId: number, world: ScriptWorld) => string | undefined = () => undefined) {
  const calls: { tabId: number; allFrames: boolean; files: string[]; world: ScriptWorld }[] = [];
  const port: ScriptingPort = {
    async inject(target, files, world) {
      const reason = refuse(target.tabId, world);
      if (reason) throw new Error(reason);
      calls.push({ ...target, files, world });
    },
    async tabsMatching(patterns) {
      return [...new Set(patterns.flatMap((p) => tabs[p] ?? []))];
    },
  };
  const warnings: string[] = [];
  return { port, calls, warnings, log: { warn: (m: string, d?: unknown) => warnings.push(`${m} ${String(d ?? '')}`) } };
}

describe('declaredContentScripts', () => {
  it('reads the built file names and worlds from the manifest, in order', () => {
    expect(declaredContentScripts(BUILT)).toEqual([
      { files: ['src/content/main-world/index.js'], matches: ['https://mail.google.com/*'], world: 'MAIN', allFrames: false },
      { files: ['src/content/index.js'], matches: ['https://mail.google.com/*'], world: 'ISOLATED', allFrames: false },
    ]);
  });

  it('keeps all_frames and skips CSS-only or malformed entries', () => {
    expect(
      declaredContentScripts({
        content_scripts: [
          { css: ['a.css'], matches: ['https://x/*'] },
          { js: [], matches: ['https://x/*'] },
          { js: ['a.js'] },
          { js: [1], matches: ['https://x/*'] },
          null,
          { js: ['b.js'], matches: ['https://x/*'], all_frames: true, world: 'ISOLATED' },
        ],
      }),
    ).toEqual([{ files: ['b.js'], matches: ['https://x/*'], world: 'ISOLATED', allFrames: true }]);
    expect(declaredContentScripts({})).toEqual([]);
    expect(declaredContentScripts(undefined)).toEqual([]);
  });
});

describe('injectIntoOpenTabs', () => {
  const scripts = declaredContentScripts(BUILT);

  it('puts the isolated script, then the page-world hook (whose first post it must hear), into every open Gmail tab', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [4, 9] });
    const result = await injectIntoOpenTabs(f.port, f.log, scripts);
    expect(result).toEqual({ injected: [4, 9], failed: [] });
    expect(f.calls.map((c) => `${c.tabId} ${c.world} ${c.files.join()}`)).toEqual([
      '4 ISOLATED src/content/index.js',
      '4 MAIN src/content/main-world/index.js',
      '9 ISOLATED src/content/index.js',
      '9 MAIN src/content/main-world/index.js',
    ]);
    expect(f.warnings).toEqual([]);
  });

  it('does nothing without open Gmail tabs', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [] });
    expect(await injectIntoOpenTabs(f.port, f.log, scripts)).toEqual({ injected: [], failed: [] });
    expect(f.calls).toEqual([]);
  });

  it('still injects the isolated script where the page world is refused, and reports the tab', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [4] }, (_tab, world) => (world === 'MAIN' ? 'world MAIN unsupported' : undefined));
    const result = await injectIntoOpenTabs(f.port, f.log, scripts);
    expect(f.calls.map((c) => c.world)).toEqual(['ISOLATED']);
    expect(result).toEqual({ injected: [], failed: [{ tabId: 4, world: 'MAIN', reason: 'world MAIN unsupported' }] });
    expect(f.warnings).toHaveLength(1);
  });

  it('a tab that cannot be scripted (an error page) does not stop the others', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [4, 5] }, (tab) => (tab === 4 ? 'Cannot access contents of the page' : undefined));
    const result = await injectIntoOpenTabs(f.port, f.log, scripts);
    expect(result.injected).toEqual([5]);
    expect(result.failed.map((x) => x.tabId)).toEqual([4]);
    expect(f.calls.map((c) => c.tabId)).toEqual([5, 5]);
  });

  it('a failing tab query is logged, not thrown', async () => {
    const f = fakePort({});
    f.port.tabsMatching = async () => {
      throw new Error('no host access');
    };
    expect(await injectIntoOpenTabs(f.port, f.log, scripts)).toEqual({ injected: [], failed: [] });
    expect(f.warnings.join()).toContain('no host access');
  });

  it('each tab gets only the groups whose patterns match it', async () => {
    const groups: ContentScriptFiles[] = [
      { files: ['a.js'], matches: ['https://a/*'], world: 'ISOLATED', allFrames: false },
      { files: ['b.js'], matches: ['https://b/*'], world: 'ISOLATED', allFrames: true },
    ];
    const f = fakePort({ 'https://a/*': [1], 'https://b/*': [2] });
    await injectIntoOpenTabs(f.port, f.log, groups);
    expect(f.calls).toEqual([
      { tabId: 1, allFrames: false, files: ['a.js'], world: 'ISOLATED' },
      { tabId: 2, allFrames: true, files: ['b.js'], world: 'ISOLATED' },
    ]);
  });
});

describe('injectIntoTabs', () => {
  it('injects given files into given tabs (on-demand bundles)', async () => {
    const f = fakePort({});
    const ui: ContentScriptFiles = { files: ['ui.js'], matches: [], world: 'ISOLATED', allFrames: false };
    expect(await injectIntoTabs(f.port, f.log, [7], [ui])).toEqual({ injected: [7], failed: [] });
    expect(f.calls).toEqual([{ tabId: 7, allFrames: false, files: ['ui.js'], world: 'ISOLATED' }]);
  });
});

describe('injectOncePerRun', () => {
  const scripts = declaredContentScripts(BUILT);
  const memoryFlag = () => {
    let set = false;
    return { isSet: async () => set, set: async () => void (set = true) };
  };

  it('the first background start of a run injects; later wake-ups (the worker restarted) do not', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [4] });
    const flag = memoryFlag();
    expect(await injectOncePerRun(f.port, flag, f.log, scripts)).toEqual({ injected: [4], failed: [] });
    expect(await injectOncePerRun(f.port, flag, f.log, scripts)).toBeUndefined();
    expect(f.calls).toHaveLength(2);
  });

  it('a new run (update, re-enable, browser start: the session flag is gone) injects again', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [4] });
    await injectOncePerRun(f.port, memoryFlag(), f.log, scripts);
    await injectOncePerRun(f.port, memoryFlag(), f.log, scripts);
    expect(f.calls).toHaveLength(4);
  });

  it('without session storage it injects anyway (a copy too many only exits) and says why', async () => {
    const f = fakePort({ 'https://mail.google.com/*': [4] });
    const broken = { isSet: async () => Promise.reject(new Error('storage.session unavailable')), set: async () => undefined };
    expect(await injectOncePerRun(f.port, broken, f.log, scripts)).toEqual({ injected: [4], failed: [] });
    expect(f.warnings.join()).toContain('storage.session unavailable');
  });
});
