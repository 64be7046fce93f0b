/**
 * The extension APIs a Gmail content script needs, without
 * webextension-polyfill: the polyfill alone (≈10 KB minified) would take
 * 40 % of the content payload budget, and the three calls used here return
 * promises natively in Chrome MV3 and Firefox.
 */
import { createClient } from '../core/protocol/client';

interface RuntimeLike {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(fn: (message: unknown, sender: { id?: string; tab?: unknown; url?: string }, sendResponse: (answer: unknown) => void) => boolean | void): void;
  };
}
interface ExtensionApi {
  runtime: RuntimeLike;
  i18n: { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string };
}

const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
const api = (g.browser ?? g.chrome) as ExtensionApi;

export const request = createClient((message) => api.runtime.sendMessage(message));
export const t = (key: string, substitutions?: string[]) => api.i18n.getMessage(key, substitutions);
export const uiLanguage = () => api.i18n.getUILanguage();

/**
 * Messages from our own background only: same extension id and no tab
 * (a content script or page of another extension would carry one).
 */
export function onBackgroundMessage(fn: (message: unknown) => unknown): void {
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || sender.tab) return undefined;
    const answer = fn(message);
    if (answer === undefined) return undefined;
    // sendResponse plus `true` works in Chrome and Firefox alike (a returned promise only in Firefox).
    Promise.resolve(answer).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
