import { isContentCommand, isShowThreadCommand, isWhoAmICommand, type ShowThreadAnswer, type WhoAmIAnswer } from '../../core/protocol/content-commands';
import { listenToPage } from '../gmail/page-bridge';
import { createAccountSource } from './account';
import { watchAdded } from './added-elements';
import { WATCH } from './watch-selectors';
import { createComposeController } from './compose-controller';
import { watchTheme } from './theme-watch';
import type { ContentDeps } from './deps';
import { previewer } from './due-label';
import { createHealth } from './health';
import { createSendTracker } from './send-tracker';
import { createThreadController } from './thread-controller';
import { showToast } from '../ui/toast';

/** Gmail adds a thread's messages in bursts: one look after the burst. */
const MESSAGES_SETTLE_MS = 500;
/** Distinct (account, page key) pairs one tab reports; a real tab has one or two. */
const MAX_ACCOUNT_REPORTS = 8;

/**
 * Starts the Gmail integration in one tab: the page-world bridge, one
 * observer for composes, send rows and thread views, and the keyboard
 * command. Returns a stop function: the script steps aside when an update
 * replaces it (see lifecycle.ts); its controls are removed there.
 */
export function startGmailIntegration(deps: ContentDeps, onCommand?: (fn: (message: unknown) => unknown) => void): () => void {
  const accounts = createAccountSource(deps.doc);
  const health = createHealth(deps.request, () => accounts.current());
  const tracker = createSendTracker({ now: deps.now });
  // The thread control arms the reply a follow-up is written in: the compose controller owns composes.
  const threads = createThreadController(deps, accounts, health, (editor, armed) => composes.armAt(editor, armed));
  const composes = createComposeController(deps, tracker, accounts, health, () => threads.reload());

  // Before the bridge listens: a send the replaced script was waiting for may be answered any moment.
  composes.resumeLeftSends();
  const stopBridge = listenToPage(deps.win, {
    onSend: (messages) => tracker.report(messages),
    wantsSends: () => tracker.outstanding > 0,
    onAccount: (email, ik) => {
      accounts.setFromPage(email);
      health.set('account', 'ok');
      reportAccount(email, ik);
    },
  });

  // The page re-posts its info before every send: the background hears each (account, key) pair once per tab,
  // and a page posting ever new pairs (it can forge them) gets only a few through.
  const reported = new Set<string>();
  function reportAccount(account: string, ik: string | undefined) {
    const key = `${account} ${ik ?? ''}`;
    if (reported.has(key) || reported.size >= MAX_ACCOUNT_REPORTS) return;
    reported.add(key);
    deps.request('account.seen', { account, ...(ik ? { ik } : {}) }).catch((error) => deps.warnOnce('account report failed', error));
  }

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

  const stopWatching = watchAdded(deps.doc, [
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
    if (isContentCommand(message)) void armFromKeyboard();
    // "Open thread" from a notification or the popup: this tab shows the thread if it is the account's.
    else if (isWhoAmICommand(message)) return { account: accounts.current()?.toLowerCase() ?? null };
    else if (isShowThreadCommand(message)) return { shown: showThread(message.account, message.hash) };
    return undefined;
  });

  function showThread(account: string, hash: string): boolean {
    if (accounts.current()?.toLowerCase() !== account) return false;
    // Gmail's own navigation: the hash moves the open tab to the thread without a reload.
    if (deps.win.location.hash !== hash) deps.win.location.hash = hash;
    // The thread may be on screen already (under this or another hash): then no new thread view looks, so the shown
    // one looks now (a reply to open, a follow-up to write). Another thread's look finds nothing to take.
    threads.reload();
    return true;
  }

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
