import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { manifestFor } from '../../manifest.config';
import { ARM_COMMAND } from '../../src/core/protocol/content-commands';

/** Adding a permission must be a deliberate change to this list. */
const ALLOWED_PERMISSIONS = ['storage', 'alarms', 'notifications', 'scripting'];

const locale = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('manifest', () => {
  for (const target of ['chrome', 'firefox'] as const) {
    const m = manifestFor(target) as chrome.runtime.ManifestV3 & Record<string, unknown>;

    it(`${target}: least privilege`, () => {
      expect(m.manifest_version).toBe(3);
      expect(m.permissions).toEqual(ALLOWED_PERMISSIONS);
      expect(m.host_permissions).toEqual(['https://mail.google.com/*']);
      expect(m).not.toHaveProperty('externally_connectable');
      expect(m).not.toHaveProperty('content_security_policy');
      expect(JSON.stringify(m)).not.toContain('<all_urls>');
    });

    it(`${target}: content scripts run on Gmail only, the page-world one before Gmail's own scripts`, () => {
      const scripts = (m as Record<string, any>).content_scripts as { matches: string[]; js: string[]; run_at: string; world?: string }[];
      expect(scripts.map((c) => c.matches)).toEqual([['https://mail.google.com/*'], ['https://mail.google.com/*']]);
      expect(scripts[0]).toMatchObject({ js: ['src/content/main-world/index.ts'], run_at: 'document_start', world: 'MAIN' });
      expect(scripts[1]).toMatchObject({ js: ['src/content/index.ts'], run_at: 'document_idle' });
      expect(scripts[1]).not.toHaveProperty('world');
      expect(m).not.toHaveProperty('web_accessible_resources');
    });

    it(`${target}: keeps the browser's default strict policy and exposes nothing to web pages or other extensions`, () => {
      for (const key of ['content_security_policy', 'externally_connectable', 'web_accessible_resources', 'sandbox', 'update_url', 'key', 'oauth2', 'optional_permissions', 'optional_host_permissions']) {
        expect(m, key).not.toHaveProperty(key);
      }
    });

    it(`${target}: the popup, options page and icons are our own packaged files`, () => {
      const mm = m as Record<string, any>;
      expect(mm.action.default_popup).toBe('src/popup/index.html');
      expect(mm.options_ui.page).toBe('src/options/index.html');
      for (const page of [mm.action.default_popup, mm.options_ui.page]) expect(existsSync(page), page).toBe(true);
      for (const icon of [...Object.values(mm.icons), ...Object.values(mm.action.default_icon)] as string[]) {
        expect(icon).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
        expect(existsSync(`public/${icon}`), icon).toBe(true);
      }
    });

    it(`${target}: names no remote URL; the only URLs are the Gmail match patterns`, () => {
      const urls: string[] = [];
      const walk = (value: unknown): void => {
        if (typeof value === 'string') {
          if (/^[a-z][a-z0-9+.-]*:|\/\//i.test(value) || value.includes('://')) urls.push(value);
        } else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) {
            if (k.includes('://')) urls.push(k);
            walk(v);
          }
        }
      };
      walk(m);
      expect(new Set(urls)).toEqual(new Set(['https://mail.google.com/*']));
    });

    it(`${target}: version comes from package.json`, () => {
      const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      expect(m.version).toBe(pkg.version);
    });
  }

  it('chrome runs a service worker, firefox an event page with a gecko id and no data collection', () => {
    const chromeM = manifestFor('chrome') as Record<string, any>;
    const firefoxM = manifestFor('firefox') as Record<string, any>;
    expect(chromeM.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(firefoxM.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(firefoxM.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(firefoxM.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('opens the options page in a tab, from the extension itself', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      expect((manifestFor(target) as Record<string, any>).options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
    }
  });

  it('declares the keyboard command the background relays to Gmail', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      expect((manifestFor(target) as Record<string, any>).commands).toHaveProperty([ARM_COMMAND, 'suggested_key', 'default']);
    }
  });

  it('every __MSG_ key and every key English has is translated into German', () => {
    const en = locale('en');
    const de = locale('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const used = JSON.stringify(manifestFor('chrome')).match(/__MSG_(\w+)__/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const ref of used) expect(en).toHaveProperty(ref.slice(6, -2));
    for (const [key, { message }] of Object.entries(de)) expect(message.trim(), key).not.toBe('');
  });
});
