// The one module that names the extension API object: every other module gets browser APIs through ports built here
// (or through this re-export). Firefox's own `browser`, else Chrome's `chrome`, whose MV3 methods return promises
// without a callback (Chrome 116, the manifest's minimum, for all used here). Not webextension-polyfill at run time:
// evaluating its wrappers took the service worker 3–6 ms and 10 KB at every start, before it could answer the message
// that woke it (the Gmail controls after an idle stop). What of it this extension relied on is done where needed: the
// background answers through sendResponse (background/index.ts), and a tab that does not answer a message resolves
// to undefined (background-ports.ts). Its types stay: they describe both browsers' promise APIs.
import type Browser from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
export const browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as typeof Browser;

export type { Runtime, Notifications } from 'webextension-polyfill';
