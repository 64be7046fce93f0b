import { isContentCommand, type ShowThreadAnswer, type WhoAmIAnswer } from '../../core/protocol/content-commands';
import { listenToPage, type PageBridgeHandlers } from '../gmail/page-bridge';
import { createAccountSource } from './account';
import { createAccountReporter } from './account-reports';
import { watchAdded, type Watcher } from './added-elements';
import { answerNavigation } from './navigation-commands';
import { WATCH } from './watch-selectors';
import { createComposeController } from './compose-controller';
import { watchTheme } from './theme-watch';
import type { ContentDeps } from './deps';
import { previewer } from './due-label';
import { createHealth, type Health } from './health';
import { createSendTracker } from './send-tracker';
import { createThreadController } from './thread-controller';
import { showToast } from '../ui/toast';

/** Gmail adds a thread's messages in bursts: one look after the burst. */
const MESSAGES_SETTLE_MS = 500;

/**
 * Where the integration's input comes from. Alone (tests, a build without the split), it watches
 * the page and the page-world hook itself; loaded on demand into a Gmail tab, the bootstrap that
 * has been running since the page loaded hands over its observer, its bridge (with what it heard
 * before) and its health report (content/boot/).
 */
export interface IntegrationIo {
  watch(watchers: readonly Watcher[]): () => void;
  listen(handlers: PageBridgeHandlers): () => void;
  health?: Health;
  /** Whether this integration reports the tab's account to the background (the bootstrap does it when there is one). */
  reportsAccounts?: boolean;
}

/**
 * Starts the Gmail integration in one tab: the page-world bridge, one
 * observer for composes, send rows and thread views, and the keyboard
 * command. Returns a stop function: the script steps aside when an update
 * replaces it (see lifecycle.ts); its controls are removed there.
 */
export function startGmailIntegration(
  deps: ContentDeps,
  onCommand?: (fn: (message: unknown) => unknown) => void,
  io: IntegrationIo = { watch: (watchers) => watchAdded(deps.doc, watchers), listen: (handlers) => listenToPage(deps.win, handlers) },
): () => void {
  const accounts = createAccountSource(deps.doc);
  const health = io.health ?? createHealth(deps.request, () => accounts.current());
  const tracker = createSendTracker({ now: deps.now });
  // The thread control arms the reply a follow-up is written in: the compose controller owns composes.
  const threads = createThreadController(deps, accounts, health, (editor, armed) => composes.armAt(editor, armed));
  const composes = createComposeController(deps, tracker, accounts, health, () => threads.reload());

  const reportAccount = io.reportsAccounts === false ? undefined : createAccountReporter(deps);
  // Before the bridge listens: a send the replaced script was waiting for may be answered any moment.
  composes.resumeLeftSends();
  const stopBridge = io.listen({
    onSend: (messages) => tracker.report(messages),
    wantsSends: () => tracker.outstanding > 0,
    onAccount: (email, ik) => {
      accounts.setFromPage(email);
      health.set('account', 'ok');
      reportAccount?.(email, ik);
    },
  });

  // Thread views re-render on navigation without new headings at times: a microtask-batched refresh covers both paths.
  let refreshQueued = false;
  const queueThreadRefresh = () => {
    if (refreshQueued) return;
    refreshQueued = true;
    queueMicrotask(() => {
      refreshQueued = false;
      threads.refresh();
    });
  };

  let messagesTimer: ReturnType<typeof setTimeout> | undefined;
  const onMessagesAdded = () => {
    clearTimeout(messagesTimer);
    messagesTimer = setTimeout(() => threads.messagesAdded(), MESSAGES_SETTLE_MS);
  };

  const stopWatching = io.watch([
    { selector: WATCH.compose, onFound: (els) => els.forEach(composes.attach) },
    { selector: WATCH.sendCell, onFound: (els) => els.forEach(composes.attach) },
    { selector: WATCH.thread, onFound: queueThreadRefresh },
    { selector: WATCH.messages, onFound: onMessagesAdded },
  ]);
  deps.win.addEventListener('hashchange', queueThreadRefresh);
  // A tab brought to the front (e.g. "Reply now" focusing a Gmail tab that already shows the thread) looks again.
  const onVisible = () => {
    if (deps.doc.visibilityState === 'visible') threads.reload();
  };
  deps.doc.addEventListener('visibilitychange', onVisible);
  const stopTheme = watchTheme(deps.doc, deps.win, deps.warnOnce);

  let stopped = false;
  onCommand?.((message): WhoAmIAnswer | ShowThreadAnswer | undefined => {
    // A copy that stepped aside answers nothing: the copy that replaced it does.
    if (stopped) return undefined;
    if (isContentCommand(message)) return void armFromKeyboard();
    // "Open thread" from a notification or the popup: this tab shows the thread if it is the account's.
    const answer = answerNavigation(message, accounts, deps.win);
    // The thread may be on screen already (under this or another hash): then no new thread view looks, so the shown
    // one looks now (a reply to open, a follow-up to write). Another thread's look finds nothing to take.
    if (answer && 'shown' in answer && answer.shown) threads.reload();
    return answer;
  });

  async function armFromKeyboard() {
    try {
      const settings = await deps.settings();
      const due = { preset: settings.defaultPreset };
      const answer = await previewer(deps)(due);
      if (!answer.ok) return;
      const armed = { due, label: answer.preview.label, at: answer.preview.at };
      const compose = composes.focused();
      if (compose) {
        compose.arm(armed);
        showToast(deps.doc, deps.t('toastArmed', [armed.label]), 'light');
        return;
      }
      const thread = threads.current();
      if (thread && !thread.hasReminder) await thread.create(armed);
    } catch (error) {
      deps.warnOnce('keyboard command failed', error);
    }
  }

  return () => {
    stopped = true;
    composes.stop();
    stopBridge();
    stopWatching();
    stopTheme();
    clearTimeout(messagesTimer);
    deps.win.removeEventListener('hashchange', queueThreadRefresh);
    deps.doc.removeEventListener('visibilitychange', onVisible);
  };
}
