/**
 * Answers `controls.load`: a Gmail frame's bootstrap (content/boot/) asks
 * for the controls on its first compose or thread view, and they are
 * injected into exactly that frame's isolated world (the sender's tab and
 * frame; in Chrome also its document, so a frame that navigated meanwhile
 * gets nothing). No state outlives a request but the in-flight ones: after
 * the worker is killed the next request simply injects, and the controls
 * script itself starts once per document (content/boot/handoff.ts).
 * Failures are logged (the diagnostics' error list) and answered as an
 * error: the tab reports them in its health and retries; nothing throws
 * into Gmail.
 */
import type { SenderInfo } from '../core/protocol/sender';
import type { Logger } from './ports';

export interface FrameTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export interface FrameScriptingPort {
  /** Runs `files` in order in that frame's isolated world; rejects when it cannot (the frame is gone, no access). */
  injectIntoFrame(target: FrameTarget, files: readonly string[]): Promise<void>;
}

export class ControlsNotLoadedError extends Error {
  readonly code = 'invalid-request';
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The frame that sent the message, or undefined for any sender that is not a content script in a tab's frame. */
export function frameOf(sender: SenderInfo | undefined): FrameTarget | undefined {
  if (!sender || !isId(sender.tab?.id) || !isId(sender.frameId)) return undefined;
  const documentId = typeof sender.documentId === 'string' && sender.documentId.length > 0 ? sender.documentId : undefined;
  return { tabId: sender.tab.id, frameId: sender.frameId, ...(documentId ? { documentId } : {}) };
}

export function createControlsLoader(deps: { scripting?: FrameScriptingPort; files: readonly string[]; log: Logger }) {
  // One injection per frame (and document) at a time: a burst of requests shares it.
  const inFlight = new Map<string, Promise<{ injected: true }>>();

  return async function load(_payload: unknown, sender?: SenderInfo): Promise<{ injected: true }> {
    const target = frameOf(sender);
    // The router has checked that this is a content script of a Gmail tab; the frame is what it cannot check.
    if (!target) throw new ControlsNotLoadedError('controls.load needs a sending tab and frame');
    const scripting = deps.scripting;
    if (!scripting) throw new ControlsNotLoadedError('this browser cannot inject the Gmail controls');
    const key = `${target.tabId}:${target.frameId}:${target.documentId ?? ''}`;
    const running = inFlight.get(key);
    if (running) return running;
    const injection = scripting
      .injectIntoFrame(target, deps.files)
      .then(() => ({ injected: true as const }))
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        deps.log.warn(`Gmail controls not injected into tab ${target.tabId} frame ${target.frameId}`, reason);
        throw new ControlsNotLoadedError(`the Gmail controls could not be injected: ${reason}`);
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, injection);
    return injection;
  };
}
