/**
 * The extension APIs a Gmail content script needs, without
 * webextension-polyfill: the polyfill alone (≈10 KB minified) would take
 * 40 % of the content payload budget, and the three calls used here return
 * promises natively in Chrome MV3 and Firefox.
 */
import { createClient } from '../core/protocol/client';
import { ExtensionGoneError } from '../core/protocol/gone';

interface RuntimeLike {
  id: string | undefined;
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
// Kept from load: after an update the old script's runtime loses its id, whatever the globals hold by then.
const runtime = api.runtime;

/**
 * Whether this script's extension context still exists. After the
 * extension is updated, reloaded, disabled or removed, the script left in
 * an open tab is orphaned: `runtime.id` is gone and every call throws
 * "Extension context invalidated".
 */
export function extensionAlive(): boolean {
  try {
    return Boolean(runtime?.id);
  } catch {
    return false;
  }
}


const goneListeners = new Set<() => void>();
let goneNoticed = false;

/** `fn` runs once when a call finds the extension context gone. */
export function onExtensionGone(fn: () => void): () => void {
  goneListeners.add(fn);
  return () => goneListeners.delete(fn);
}

function noticeGone(): ExtensionGoneError {
  if (!goneNoticed) {
    goneNoticed = true;
    for (const fn of goneListeners) {
      try {
        fn();
      } catch {
        // one listener failing must not keep the others from cleaning up
      }
    }
  }
  return new ExtensionGoneError();
}

/** How long a failed call waits to see whether the context is going away (transport failures only: rare). */
const GOING_MS = 1_500;
const STEP_MS = 50;

/**
 * During an update the old background closes its message channels a moment
 * before this script's context is invalidated ("message channel closed
 * before a response was received"): such a failure counts as gone if the
 * context goes within a short while.
 */
async function goneSoon(): Promise<boolean> {
  for (let waited = 0; waited < GOING_MS; waited += STEP_MS) {
    if (!extensionAlive()) return true;
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
  return !extensionAlive();
}

/** `runtime.sendMessage` that turns an orphaned context into ExtensionGoneError (Chrome throws synchronously). */
function send(message: unknown): Promise<unknown> {
  if (!extensionAlive()) return Promise.reject(noticeGone());
  try {
    return runtime.sendMessage(message).catch(async (error: unknown) => {
      throw (await goneSoon()) ? noticeGone() : error;
    });
  } catch (error) {
    return Promise.reject(extensionAlive() ? error : noticeGone());
  }
}

export const request = createClient(send);
export const t = (key: string, substitutions?: string[]) => {
  // An orphan's i18n throws too; its text is never shown once it has stepped aside.
  try {
    return api.i18n.getMessage(key, substitutions);
  } catch {
    return '';
  }
};
export const uiLanguage = () => api.i18n.getUILanguage();

/**
 * Messages from our own background only: same extension id and no tab
 * (a content script or page of another extension would carry one).
 */
export function onBackgroundMessage(fn: (message: unknown) => unknown): void {
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!runtime.id || sender.id !== runtime.id || sender.tab) return undefined;
    const answer = fn(message);
    if (answer === undefined) return undefined;
    // sendResponse plus `true` works in Chrome and Firefox alike (a returned promise only in Firefox).
    Promise.resolve(answer).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
