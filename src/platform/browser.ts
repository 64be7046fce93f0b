// The one module that imports the polyfill: every other module gets
// browser APIs through ports built here (or through this re-export).
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Notifications } from 'webextension-polyfill';
