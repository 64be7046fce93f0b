import { browser } from './browser';

/** Opens a URL in a new, focused tab. `tabs.create` needs no `tabs` permission. */
export const openTab = (url: string) => browser.tabs.create({ url, active: true }).then(() => undefined);

/** The options page (Settings), in a tab of its own. */
export const openOptions = () => browser.runtime.openOptionsPage();
