import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

/**
 * One manifest for both stores. Chrome/Edge run the background as an MV3
 * service worker; Firefox MV3 runs it as an event page (`background.scripts`).
 * Permissions are the least the features need; `test/unit/manifest.test.ts`
 * pins them so that adding one is a deliberate act.
 */
export function manifestFor(target: Target) {
  return defineManifest({
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Follow-Through',
    description: '__MSG_extDescription__',
    version: pkg.version,
    default_locale: 'en',
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: {
      default_title: '__MSG_extName__',
      default_popup: 'src/popup/index.html',
      default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
    },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    background:
      target === 'firefox'
        ? { scripts: ['src/background/index.ts'], type: 'module' }
        : { service_worker: 'src/background/index.ts', type: 'module' },
    // `scripting`: after an install, update or re-enable, open Gmail tabs get the new content scripts without a reload.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Reply checks read the thread's print view with the user's own Gmail session; nothing else is reached.
    host_permissions: ['https://mail.google.com/*'],
    content_scripts: [
      {
        // Page world, before Gmail's own scripts: sees Gmail's send responses (Chrome 111+, Firefox 128+).
        matches: ['https://mail.google.com/*'],
        js: ['src/content/main-world/index.ts'],
        run_at: 'document_start',
        world: 'MAIN',
      },
      {
        matches: ['https://mail.google.com/*'],
        js: ['src/content/index.ts'],
        run_at: 'document_idle',
      },
    ],
    commands: {
      'arm-reminder': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandArm__',
      },
    },
    ...(target === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'follow-through@follow-through.app',
              // 140 introduced data_collection_permissions (142 on Android).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  });
}
