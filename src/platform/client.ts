import { createClient } from '../core/protocol/client';
import { browser } from './browser';

/** The typed client bound to the real runtime, for popup, options and content scripts. */
export const request = createClient((message) => browser.runtime.sendMessage(message));

export const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions);
export const uiLocale = () => browser.i18n.getUILanguage();
