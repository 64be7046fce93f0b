import { browser } from './browser';
import type { ScriptingPort, ScriptWorld, SessionFlagPort } from '../background/content-injection';
import type { FrameScriptingPort } from '../background/controls-injection';

/**
 * `scripting.executeScript` and a URL-filtered `tabs.query` in the shape
 * background/content-injection.ts expects. Needs the `scripting`
 * permission and host access to the tabs' URLs; `tabs.query` by URL works
 * with host permissions alone.
 */
export function realScriptingPort(): ScriptingPort {
  return {
    async inject(target, files, world: ScriptWorld) {
      await browser.scripting.executeScript({
        target: { tabId: target.tabId, allFrames: target.allFrames },
        files,
        // Firefox before 128 knew no `world`: the isolated one is its default either way.
        ...(world === 'MAIN' ? { world } : {}),
      });
    },
    async tabsMatching(patterns) {
      const tabs = await browser.tabs.query({ url: patterns });
      return tabs.filter((t) => t.id !== undefined && !t.discarded).map((t) => t.id!);
    },
  };
}

/** A flag in storage.session (in memory; cleared when the extension is updated, reloaded or disabled, and at browser restart). */
export function sessionFlag(key: string): SessionFlagPort {
  return {
    async isSet() {
      return (await browser.storage.session.get(key))[key] === true;
    },
    async set() {
      await browser.storage.session.set({ [key]: true });
    },
  };
}

/** `scripting.executeScript` into one frame's isolated world (Chrome: into that document only). */
export function realFrameScripting(): FrameScriptingPort {
  return {
    async injectIntoFrame(target, files) {
      await browser.scripting.executeScript({
        // documentIds where the browser knows them (Chrome 106+): a frame that navigated meanwhile is left alone.
        target: target.documentId ? { tabId: target.tabId, documentIds: [target.documentId] } : { tabId: target.tabId, frameIds: [target.frameId] },
        files: [...files],
        // The page is loaded already: no reason to wait for the browser's idle point (Chrome 102+, Firefox 102+).
        injectImmediately: true,
      } as Parameters<typeof browser.scripting.executeScript>[0]);
    },
  };
}
