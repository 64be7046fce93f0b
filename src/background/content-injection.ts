/**
 * Puts content scripts into tabs that are already open. Browsers inject a
 * manifest's content scripts only into pages loaded after the extension
 * was (re)loaded, so after an install or an update every open Gmail tab
 * would otherwise run no script at all, or the orphaned script of the old
 * version. Reused for scripts injected on demand: it injects given files
 * into given tabs, nothing here knows about Gmail.
 */

export type ScriptWorld = 'MAIN' | 'ISOLATED';

/** One group of files run together, as a manifest's `content_scripts` entry describes it. */
export interface ContentScriptFiles {
  files: string[];
  matches: string[];
  world: ScriptWorld;
  allFrames: boolean;
}

export interface ScriptingPort {
  /** Runs `files` in order in the tab's `world`; rejects when the tab cannot be scripted (an error page, a discarded tab, no access). */
  inject(target: { tabId: number; allFrames: boolean }, files: string[], world: ScriptWorld): Promise<void>;
  /**
   * Ids of the open tabs whose URL matches one of `patterns`. Host
   * permissions are enough for URL matching: no `tabs` permission.
   * Discarded tabs are left out (they load the manifest's scripts when the user returns to them).
   */
  tabsMatching(patterns: string[]): Promise<number[]>;
}

export interface InjectionLog {
  warn(message: string, detail?: unknown): void;
}

export interface InjectionResult {
  /** Tabs in which every script group ran. */
  injected: number[];
  /** Tabs in which at least one group failed, with the first reason. */
  failed: { tabId: number; world: ScriptWorld; reason: string }[];
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * The manifest's content scripts as the build wrote them (hashed file
 * names and all): read at run time from `runtime.getManifest()`, never
 * hard-coded. Entries without JavaScript (CSS only) are skipped.
 */
export function declaredContentScripts(manifest: unknown): ContentScriptFiles[] {
  const entries = (manifest as { content_scripts?: unknown } | null)?.content_scripts;
  if (!Array.isArray(entries)) return [];
  const out: ContentScriptFiles[] = [];
  for (const entry of entries as Record<string, unknown>[]) {
    if (!entry || !isStringList(entry.js) || entry.js.length === 0 || !isStringList(entry.matches)) continue;
    out.push({
      files: entry.js,
      matches: entry.matches,
      world: entry.world === 'MAIN' ? 'MAIN' : 'ISOLATED',
      allFrames: entry.all_frames === true,
    });
  }
  return out;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Listeners first: into a page that is already running, the isolated
 * script goes before the page-world one, so it hears what the page-world
 * script posts as it starts (a manifest at document_start has the opposite
 * order, for the hook to be early; in a loaded page nothing is earlier).
 */
export function isolatedFirst(scripts: readonly ContentScriptFiles[]): ContentScriptFiles[] {
  return [...scripts.filter((s) => s.world === 'ISOLATED'), ...scripts.filter((s) => s.world === 'MAIN')];
}

/**
 * Runs `scripts` in `tabIds`, groups in the given order within each tab.
 * A failing group does not stop the next: a browser without page-world
 * injection still gets the isolated script, which then does without the
 * send hook. Tabs are done one after another; their failures are logged,
 * never thrown.
 */
export async function injectIntoTabs(
  port: ScriptingPort,
  log: InjectionLog,
  tabIds: readonly number[],
  scripts: readonly ContentScriptFiles[],
): Promise<InjectionResult> {
  const result: InjectionResult = { injected: [], failed: [] };
  for (const tabId of tabIds) {
    let failure: InjectionResult['failed'][number] | undefined;
    for (const script of scripts) {
      try {
        await port.inject({ tabId, allFrames: script.allFrames }, script.files, script.world);
      } catch (error) {
        failure ??= { tabId, world: script.world, reason: reasonOf(error) };
      }
    }
    if (failure) {
      result.failed.push(failure);
      log.warn(`content scripts not (fully) injected into tab ${tabId}`, failure.reason);
    } else {
      result.injected.push(tabId);
    }
  }
  return result;
}

/**
 * Every open tab a declared content script matches gets the scripts that
 * match it, isolated ones first (see isolatedFirst). Used once per run (see injectOncePerRun).
 */
export async function injectIntoOpenTabs(
  port: ScriptingPort,
  log: InjectionLog,
  scripts: readonly ContentScriptFiles[],
): Promise<InjectionResult> {
  const perTab = new Map<number, ContentScriptFiles[]>();
  for (const script of isolatedFirst(scripts)) {
    let tabs: number[];
    try {
      tabs = await port.tabsMatching(script.matches);
    } catch (error) {
      log.warn('open tabs could not be listed', reasonOf(error));
      continue;
    }
    for (const tabId of tabs) perTab.set(tabId, [...(perTab.get(tabId) ?? []), script]);
  }
  const result: InjectionResult = { injected: [], failed: [] };
  for (const [tabId, forTab] of perTab) {
    const one = await injectIntoTabs(port, log, [tabId], forTab);
    result.injected.push(...one.injected);
    result.failed.push(...one.failed);
  }
  return result;
}

/** A flag that lives as long as this run of the extension (storage.session: gone after an update, a disable or a browser restart). */
export interface SessionFlagPort {
  isSet(): Promise<boolean>;
  set(): Promise<void>;
}

/**
 * Injects into open tabs once per run of the extension. Runs on every
 * background start; only the first start after an install, an update, a
 * re-enable or a browser start finds the flag unset. Re-enabling fires no
 * `onInstalled`, and its open Gmail tabs hold only orphans that stepped
 * aside, so `onInstalled` alone would leave them without a control. After a
 * browser start the tabs already run the manifest's copy; the injected
 * copy sees it alive and does not start.
 */
export async function injectOncePerRun(
  port: ScriptingPort,
  flag: SessionFlagPort,
  log: InjectionLog,
  scripts: readonly ContentScriptFiles[],
): Promise<InjectionResult | undefined> {
  try {
    if (await flag.isSet()) return undefined;
    // Set first: a second wake-up while this one injects must not inject again (a copy too many would only exit, but costs a parse).
    await flag.set();
  } catch (error) {
    log.warn('session flag unavailable; injecting anyway', reasonOf(error));
  }
  return injectIntoOpenTabs(port, log, scripts);
}
