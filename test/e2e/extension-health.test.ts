/**
 * The built extension is healthy and least-privileged: no console errors in
 * the service worker or any page during a full run, the BUILT manifest (not
 * just manifest.config.ts) asks for nothing more than the source does, and
 * the built code neither evaluates strings nor loads remote scripts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST, removeProfileDir } from './harness';
import { fullFlow, PROBE, realProblems, type FlowRun } from './full-flow';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const rel = (path: string) => relative(DIST, path).split('\\').join('/');

describe('built dist/: manifest', () => {
  const m = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Record<string, any>;

  it('asks for the same permissions as the source manifest, nothing more', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
    expect(m.host_permissions).toEqual(['https://mail.google.com/*']);
    for (const key of ['optional_permissions', 'optional_host_permissions', 'content_security_policy', 'externally_connectable', 'sandbox', 'update_url', 'key']) {
      expect(m, key).not.toHaveProperty(key);
    }
  });

  it('exposes no web-accessible resource (if a build ever adds one, only to Gmail)', () => {
    const war = (m.web_accessible_resources ?? []) as { matches?: string[]; extension_ids?: string[]; use_dynamic_url?: boolean }[];
    for (const entry of war) {
      expect(entry.matches ?? []).toEqual(['https://mail.google.com/*']);
      expect(entry).not.toHaveProperty('extension_ids');
    }
    // Today the content scripts are self-contained, so there are none at all.
    expect(war).toEqual([]);
  });

  it('content scripts run on Gmail only; popup, options page, icons and scripts are files in the package', () => {
    expect(m.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['https://mail.google.com/*'], ['https://mail.google.com/*']]);
    const referenced = [
      m.action.default_popup,
      m.options_ui.page,
      m.background.service_worker,
      ...Object.values(m.icons),
      ...Object.values(m.action.default_icon),
      ...m.content_scripts.flatMap((c: { js: string[]; css?: string[] }) => [...c.js, ...(c.css ?? [])]),
    ] as string[];
    expect(m.action.default_popup).toBe('src/popup/index.html');
    expect(m.options_ui.page).toBe('src/options/index.html');
    for (const path of referenced) {
      expect(path, path).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
      expect(statSync(join(DIST, path)).isFile(), path).toBe(true);
    }
  });

  it('names no URL except the Gmail match pattern', () => {
    const urls = JSON.stringify(m).match(/[a-z][a-z0-9+.-]*:\/\/[^"]*/gi) ?? [];
    expect(new Set(urls)).toEqual(new Set(['https://mail.google.com/*']));
  });
});

describe('built dist/: code', () => {
  const all = files(DIST);
  const code = all.filter((f) => /\.(m?js|html)$/.test(f));

  /**
   * URLs that may appear in the built code without being fetched: XML
   * namespaces Preact uses for createElementNS (strings, never requested),
   * and Gmail itself. Anything else must be justified here.
   */
  const URL_ALLOWLIST = [
    /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace)$/,
    /^https:\/\/mail\.google\.com(\/|$)/,
  ];

  it('has code to check', () => {
    expect(code.length).toBeGreaterThan(5);
  });

  it('holds no source maps and no test files', () => {
    expect(all.map(rel).filter((f) => /\.map$|(^|\/)test\/|\.test\.|\.spec\./.test(f))).toEqual([]);
    for (const f of code) expect(readFileSync(f, 'utf8'), rel(f)).not.toMatch(/sourceMappingURL=/);
  });

  it('never evaluates strings as code', () => {
    const found = code.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [/\beval\s*\(/g, /\bnew\s+Function\s*\(/g, /\bFunction\s*\(\s*["'`]/g, /\bset(Timeout|Interval)\s*\(\s*["'`]/g]
        .flatMap((re) => [...text.matchAll(re)])
        .map((match) => `${rel(f)}: …${text.slice(Math.max(0, match.index! - 40), match.index! + 40)}…`);
    });
    expect(found).toEqual([]);
  });

  it('loads no remote script: no remote <script src>, import(), importScripts() or stylesheet', () => {
    const found = code.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [
        /<script[^>]*\ssrc=["']?(https?:)?\/\//gi,
        /<link[^>]*\shref=["']?(https?:)?\/\//gi,
        /\bimport\s*\(\s*["'`](https?:)?\/\//g,
        /\bimportScripts\s*\(/g,
        /@import\s+(url\()?["']?(https?:)?\/\//g,
      ].flatMap((re) => [...text.matchAll(re)].map((match) => `${rel(f)}: ${match[0]}`));
    });
    expect(found).toEqual([]);
  });

  it('mentions no URL outside the allowlist (Gmail and XML namespaces)', () => {
    const urls = new Set(code.flatMap((f) => readFileSync(f, 'utf8').match(/\bhttps?:\/\/[^\s"'`<>)\\]+/g) ?? []));
    expect([...urls].filter((u) => !URL_ALLOWLIST.some((re) => re.test(u)))).toEqual([]);
  });
});

describe('no console errors during a full run', () => {
  let run: FlowRun | undefined;
  afterAll(async () => {
    if (!run) return;
    await run.l.close().catch(() => undefined);
    removeProfileDir(run.l.profileDir);
  });

  it('service worker, popup, options page and the Gmail tab log no error and throw nothing', async () => {
    run = await fullFlow();
    // The recorder works: it heard the probes logged in the worker and the popup.
    const probes = run.problems.filter((p) => p.text.includes(PROBE)).map((p) => p.where);
    expect(probes.some((w) => w.startsWith('service worker'))).toBe(true);
    expect(probes.some((w) => w.includes('/src/popup/'))).toBe(true);

    expect(realProblems(run)).toEqual([]);
  }, 90_000);
});
