import { h, type VNode } from 'preact';
import type { Address } from '../../core/reminder';
import type { PresetId } from '../../core/schedule/presets';
import { composeParts, inlineReplyContext, readCompose, typedRecipients, type ComposeParts } from '../gmail/compose';
import { SEND_BUTTON } from '../gmail/selectors';
import { RemindControl } from '../ui/RemindControl';
import { mountInShadow, type Mounted } from '../ui/mount';
import { showToast } from '../ui/toast';
import type { Armed } from '../ui/types';
import type { AccountSource } from './account';
import { loadArmed, saveArmed } from './armed-store';
import { leaveSends, SENDS_LEFT_EVENT, takeSends, type PendingSend } from './send-handover';
import { isExtensionGone } from '../../core/protocol/gone';
import type { ContentDeps } from './deps';
import { dueLabel, previewer } from './due-label';
import type { Health } from './health';
import { threadIdentityFor, type ThreadContext } from './identity';
import type { SendTracker } from './send-tracker';
import { themeOf } from './theme-of';
import { watchUndo } from './undo-watch';

interface ComposeState {
  armed: Armed | null;
  mounted?: Mounted;
  theme: 'light' | 'dark';
  lastSendAt: number;
  outstanding?: AbortController;
  defaultPreset: PresetId;
}

const HOST_ATTR = 'data-follow-through';
/** One Send can arrive as both a key press and a click. */
const SAME_SEND_MS = 2_000;

/**
 * Puts the "Remind me" control beside Send in every compose and turns an
 * armed send into a stored reminder. State lives per compose root, so when
 * Gmail re-renders the toolbar the control comes back armed as it was.
 */
export function createComposeController(
  deps: ContentDeps,
  tracker: SendTracker,
  accounts: AccountSource,
  health: Health,
  /** Called after a reminder was stored (the thread control of that thread then shows it). */
  onStored: () => void = () => {},
) {
  const states = new WeakMap<Element, ComposeState>();
  const preview = previewer(deps);
  // Ends every listener this controller put on Gmail's composes (the script is being replaced).
  const life = new AbortController();
  const inFlight = new Map<AbortController, PendingSend>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mount takes any component's vnode
  function render(parts: ComposeParts, state: ComposeState): VNode<any> {
    return h(RemindControl, {
      t: deps.t,
      lang: deps.lang,
      armed: state.armed,
      defaultPreset: state.defaultPreset,
      preview,
      onArm: (armed: Armed) => setArmed(parts, state, armed),
      onDisarm: () => setArmed(parts, state, null),
    });
  }

  function setArmed(parts: ComposeParts, state: ComposeState, armed: Armed | null) {
    state.armed = armed;
    saveArmed(parts.root, armed);
    state.mounted?.update(render(parts, state));
  }

  async function attach(el: Element): Promise<void> {
    if (life.signal.aborted) return;
    const parts = composeParts(el);
    if (!parts) return;
    let state = states.get(parts.root);
    if (state?.mounted?.host.isConnected && parts.sendRow.contains(state.mounted.host)) return;
    for (const cell of parts.sendRow.querySelectorAll(`[${HOST_ATTR}]`)) {
      // A copy of our cell (Gmail cloned the row) has a host without a shadow root: nothing renders there.
      if (cell.querySelector('follow-through-control')?.shadowRoot) return;
      cell.remove();
    }

    const isNew = !state;
    // Written by this script or by the one it replaced (an update while the compose was open).
    const stored = isNew ? loadArmed(parts.root) : undefined;
    if (!state) {
      const armed = stored && stored !== 'off' ? stored : null;
      state = { armed, theme: themeOf(deps.win, parts.root), lastSendAt: 0, defaultPreset: 'in-3-days' };
      states.set(parts.root, state);
      listenForSend(parts.root, state);
    }
    state.mounted?.unmount();
    const cell = deps.doc.createElement('td');
    cell.setAttribute(HOST_ATTR, 'compose');
    const host = deps.doc.createElement('follow-through-control');
    cell.append(host);
    parts.sendCell.after(cell);
    state.mounted = mountInShadow(host, render(parts, state), state.theme);
    health.set('composeButton', 'ok');

    const settings = await deps.settings().catch(() => undefined);
    if (!settings) return;
    state.defaultPreset = settings.defaultPreset;
    state.mounted.update(render(parts, state));
    // Only a compose seen for the first time: a re-rendered send row keeps what the user chose (even disarmed).
    if (isNew && stored === undefined && settings.armNewComposes && !state.armed) {
      const answer = await preview({ preset: settings.defaultPreset });
      if (answer.ok && !state.armed) setArmed(parts, state, { due: { preset: settings.defaultPreset }, label: answer.preview.label });
    }
  }

  function listenForSend(root: Element, state: ComposeState) {
    // Capture phase on the compose: we see the send before Gmail's handlers can stop it.
    root.addEventListener('click', (e) => {
      const target = e.target instanceof Element ? e.target : null;
      // Most clicks in a compose are in its body: only a click on a button is worth locating Send for.
      if (!target?.closest('[role=button]')) return;
      const send = composeParts(root)?.sendButton;
      if (send?.contains(target) || target.closest(SEND_BUTTON)) onSend(root, state);
    }, { capture: true, signal: life.signal });
    root.addEventListener('keydown', (e) => {
      const k = e as KeyboardEvent;
      const target = k.target instanceof Element ? k.target : null;
      if (k.key === 'Enter' && (k.ctrlKey || k.metaKey)) return onSend(root, state);
      // Typing Space or Enter in the body is not a Send: only a key on a button is worth locating Send for.
      if ((k.key !== 'Enter' && k.key !== ' ') || !target?.closest('[role=button]')) return;
      if (target === composeParts(root)?.sendButton || target.matches(SEND_BUTTON)) onSend(root, state);
    }, { capture: true, signal: life.signal });
  }

  function onSend(root: Element, state: ComposeState) {
    try {
      const armed = state.armed;
      const now = deps.now();
      // Every send is followed, armed or not: a message the user writes in a thread answers a reply they owed there.
      if (now - state.lastSendAt < SAME_SEND_MS) return;
      const parts = composeParts(root);
      if (!parts) return;
      state.lastSendAt = now;
      const read = readCompose(parts);
      // Addresses still being typed (no chip yet) are sent too.
      const snapshot = { ...read, recipients: [...read.recipients, ...typedRecipients(parts)] };
      const context: ThreadContext | undefined =
        inlineReplyContext(parts) ?? (snapshot.legacyThreadId ? { threadId: snapshot.legacyThreadId, subject: snapshot.subject } : undefined);
      // A newer Send from the same compose (Gmail refused the first, or it was undone and sent again) supersedes the older wait.
      state.outstanding?.abort();
      const outstanding = new AbortController();
      state.outstanding = outstanding;
      if (!armed) {
        void reportSent(snapshot, context, outstanding).catch((error) => deps.warnOnce('reporting the send failed', error));
        return;
      }
      const pending: PendingSend = { id: deps.newId(), snapshot, ...(context ? { context } : {}), armed, theme: state.theme, clickedAt: now };
      void remember(pending, outstanding).catch((error) => deps.warnOnce('storing the reminder failed', error));
    } catch (error) {
      deps.warnOnce('send capture failed', error);
    }
  }

  async function remember(pending: PendingSend, outstanding: AbortController) {
    const { snapshot, context, armed, theme, clickedAt } = pending;
    let sent = pending.sent;
    if (!sent) {
      const undo = watchUndo(deps.doc, () => outstanding.abort());
      inFlight.set(outstanding, pending);
      sent = await tracker.expect(snapshot, outstanding.signal);
      inFlight.delete(outstanding);
      undo.stop();
      // Undone ("Undo send": nothing left), superseded by a newer Send of this compose, or handed over: store nothing here.
      if (!sent && (undo.undone || outstanding.signal.aborted)) return;
    }
    health.set('sendHook', sent ? 'ok' : 'missing', sent ? undefined : 'no send response seen');
    const thread = threadIdentityFor({ subject: snapshot.subject, recipients: snapshot.recipients as Address[] }, sent, context);
    const account = accounts.current() ?? pending.account;
    health.set('account', account ? 'ok' : 'missing');
    health.set('threadId', thread ? 'ok' : 'missing', thread ? undefined : 'sent thread not identified');
    if (!thread || !account) {
      showToast(deps.doc, deps.t('toastNotSet'), theme);
      return;
    }
    try {
      const { reminder } = await deps.request('reminder.create', {
        // Chosen at Send: a hand-over that repeats a create which did arrive replaces it instead of adding a second.
        id: pending.id,
        account,
        thread,
        sentAt: sent?.sentAt ?? clickedAt,
        due: armed.due,
      });
      onStored();
      // Stored: from here on a failure may only cost the label, never claim "not set".
      const label = await dueLabel(deps, reminder.dueAt).catch(() => new Date(reminder.dueAt).toLocaleString(deps.locale));
      showToast(deps.doc, deps.t('toastSet', [label]), theme);
    } catch (error) {
      // This script was orphaned by an update meanwhile: its replacement stores the reminder.
      // Stopped first: this copy must not pick up what it leaves.
      if (isExtensionGone(error)) {
        stop();
        return leaveSends(deps.doc, [{ ...pending, ...(sent ? { sent } : {}), account }]);
      }
      deps.warnOnce('reminder.create failed', error);
      showToast(deps.doc, deps.t('toastNotSet'), theme);
    }
  }

  /**
   * An unarmed send: once Gmail's send response confirms it, the background
   * hears which thread the user wrote in (the replies they owed there are
   * answered). Unconfirmed (undone, failed, hook missing): nothing is said —
   * the thread view and the print view still see the message.
   */
  async function reportSent(snapshot: ReturnType<typeof readCompose>, context: ThreadContext | undefined, outstanding: AbortController) {
    const undo = watchUndo(deps.doc, () => outstanding.abort());
    const sent = await tracker.expect(snapshot, outstanding.signal);
    undo.stop();
    if (!sent) return;
    const thread = threadIdentityFor({ subject: snapshot.subject, recipients: snapshot.recipients as Address[] }, sent, context);
    const account = accounts.current();
    if (!thread || !account) return;
    const { answered } = await deps.request('thread.sent', {
      account,
      ...(thread.threadId ? { threadId: thread.threadId } : {}),
      ...(thread.permThreadId ? { permThreadId: thread.permThreadId } : {}),
      ...(thread.messageId ? { messageId: thread.messageId } : {}),
      sentAt: sent.sentAt ?? deps.now(),
    });
    if (answered.length > 0) onStored();
  }

  /** Stops watching composes: listeners off, sends still waited for left to the script replacing this one. */
  function stop(): void {
    if (life.signal.aborted) return;
    life.abort();
    const account = accounts.current();
    leaveSends(deps.doc, [...inFlight.values()].map((pending) => (account ? { ...pending, account } : pending)));
    for (const outstanding of inFlight.keys()) outstanding.abort();
    inFlight.clear();
  }

  return {
    stop,
    /** Finishes the sends a replaced script left on the page (now and whenever one is left later), as if clicked here. */
    resumeLeftSends(): void {
      const resume = () => {
        for (const pending of takeSends(deps.doc, deps.now())) {
          void remember(pending, new AbortController()).catch((error) => deps.warnOnce('storing the reminder failed', error));
        }
      };
      resume();
      deps.doc.addEventListener(SENDS_LEFT_EVENT, resume, { signal: life.signal });
    },
    attach: (el: Element) => void attach(el).catch((error) => deps.warnOnce('compose attach failed', error)),
    /** The compose holding the focus, or the only open one: the target of the keyboard command. */
    focused(): { parts: ComposeParts; arm(armed: Armed): void } | undefined {
      const active = deps.doc.activeElement;
      const candidates = [...deps.doc.querySelectorAll(`[${HOST_ATTR}=compose]`)]
        .map((cell) => composeParts(cell))
        .filter((p): p is ComposeParts => Boolean(p && states.has(p.root)));
      const parts = candidates.find((p) => active && p.root.contains(active)) ?? (candidates.length === 1 ? candidates[0] : undefined);
      if (!parts) return undefined;
      const state = states.get(parts.root)!;
      return { parts, arm: (armed) => setArmed(parts, state, armed) };
    },
  };
}

export type ComposeController = ReturnType<typeof createComposeController>;
