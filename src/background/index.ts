import { browser, type Runtime } from '../platform/browser';
import { realBackgroundPorts } from '../platform/background-ports';
import { createBackground } from './services';
import { isWatchdogAlarm, NEXT_DUE_ALARM, RETRY_ALARM } from './reconciler';
import { RETENTION_ALARM } from './retention';
import { declaredContentScripts, injectOncePerRun } from './content-injection';
import { realScriptingPort, sessionFlag } from '../platform/scripting';
import { scheduleWakeUp } from './wake';

/*
 * Background entry (Chrome service worker / Firefox event page). The worker
 * can be killed at any moment, so every listener is registered synchronously
 * here and every piece of state lives in IndexedDB or storage.
 */
const bg = createBackground(realBackgroundPorts());

const reconcile = (cause: string) =>
  bg.reconcile(cause).catch((error) => console.error('[follow-through] reconcile failed', error));

// Answered through sendResponse (and `true`: the answer comes later), which Chrome and Firefox both honour; a returned
// promise only Firefox does.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
  // The router answers every message itself; a throw past it still gets an answer, so no sender waits forever.
  void bg.route(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: { code: 'internal', message: String(error) } }));
  return true as const;
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === NEXT_DUE_ALARM || alarm.name === RETRY_ALARM || isWatchdogAlarm(alarm.name)) return reconcile('alarm');
  if (alarm.name === RETENTION_ALARM) return bg.retention.run().catch((error) => console.error('[follow-through] history clean-up failed', error));
  return undefined;
});

browser.runtime.onInstalled.addListener(() => void reconcile('installed'));
browser.runtime.onStartup.addListener(() => void reconcile('startup'));

browser.notifications.onClicked.addListener((id) => void bg.notificationActions.onClicked(id));
// Firefox has no notification buttons; the event may be missing there.
browser.notifications.onButtonClicked?.addListener((id, index) => void bg.notificationActions.onButtonClicked(id, index));

browser.commands.onCommand.addListener((command) => void bg.onCommand(command));

// Any wake-up (a message, an alarm, a restart after being killed) catches up with the database — a moment after the
// start, once the event that woke the worker has been handed to it (wake.ts).
scheduleWakeUp(() => {
  void reconcile('wake');
  // History older than the retention setting goes about once a day (and not before it could be exported).
  void bg.retention.wake().catch((error) => console.error('[follow-through] history clean-up failed', error));
  // Open Gmail tabs run the old version's orphaned script (or none after an install or a re-enable) until they reload.
  // They get the bootstrap only, as a fresh page does: it loads the controls at once when it finds a compose (armed or
  // not) or a send the orphan left awaiting, and buffers Gmail's send responses until they run. Not the controls with
  // it: after a browser start every restored Gmail tab would parse them although its manifest copy is alive.
  const injectionLog = { warn: (message: string, detail?: unknown) => console.warn(`[follow-through] ${message}`, detail ?? '') };
  const openTabScripts = declaredContentScripts(browser.runtime.getManifest());
  void injectOncePerRun(realScriptingPort(), sessionFlag('contentScriptsInjected'), injectionLog, openTabScripts).catch(
    (error) => injectionLog.warn('content scripts not injected into open tabs', error),
  );
}, { setTimer: (fn, ms) => setTimeout(fn, ms), log: { error: (message, detail) => console.error(`[follow-through] ${message}`, detail ?? '') } });
