import { browser } from './browser';

/** The options page (Settings), in a tab of its own. */
export const openOptions = () => browser.runtime.openOptionsPage();
