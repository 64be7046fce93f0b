import { h, type VNode } from 'preact';
import { chainPosition } from '../../core/chain';
import type { Address } from '../../core/reminder';
import { isRelativeDue } from '../../core/schedule/intent';
import type { PresetId } from '../../core/schedule/presets';
import { composeParts, inlineReplyContext, readCompose, typedRecipients, type ComposeParts } from '../gmail/compose';
import { SEND_BUTTON } from '../gmail/selectors';
import { RemindControl } from '../ui/RemindControl';
import { currentTheme, mountInShadow, type Mounted } from '../ui/mount';
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
import { expectScheduled, scheduledTimeOf, watchScheduleSend } from './schedule-send';
import { listenForSendGesture } from './send-gesture';
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
  /** Why the last Send was held back, shown beside the control until the user chooses again. */
  problem: string | null;
  /** The compose's current parts, for re-rendering from an event. */
  parts?: ComposeParts;
  /** Fires when an armed absolute time passes while the compose is still open. */
  expiry?: ReturnType<typeof setTimeout>;
}

/**
 * `held`: a Send we held back, watched only in case Gmail sent it anyway.
 * `scheduled`: Gmail's "Schedule send" was chosen; the reminder counts from the scheduled time.
 */
type SendMode = 'send' | 'held' | 'scheduled';

/** Longest delay setTimeout honours (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

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
  const stopScheduleWatch = watchScheduleSend(deps.doc, {
    now: deps.now,
    onChosen: (root) => {
      const state = states.get(root);
      if (state) onSend(root, state, 'scheduled');
    },
    holdReason: (root) => {
      const state = states.get(root);
      return state ? passedReason(state) : null;
    },
    onHeld: (root, reason) => {
      const state = states.get(root);
      if (state) showProblem(state, reason);
    },
    warn: deps.warnOnce,
  });

  /** An absolute time that has passed is refused before the mail leaves (Send or Schedule send), never after. */
  function passedReason(state: ComposeState): string | null {
    const armed = state.armed;
    return armed && !isRelativeDue(armed.due) && armed.at <= deps.now() ? deps.t('composeRefusedPast', [armed.label]) : null;
  }

  function showProblem(state: ComposeState, reason: string) {
    state.problem = reason;
    if (state.mounted && state.parts) state.mounted.update(render(state.parts, state));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mount takes any component's vnode
  function render(parts: ComposeParts, state: ComposeState): VNode<any> {
    return h(RemindControl, {
      t: deps.t,
      lang: deps.lang,
      armed: state.armed,
      problem: state.problem,
      defaultPreset: state.defaultPreset,
      preview,
      onArm: (armed: Armed) => setArmed(parts, state, armed),
      onDisarm: () => setArmed(parts, state, null),
    });
  }

  function setArmed(parts: ComposeParts, state: ComposeState, armed: Armed | null) {
    state.armed = armed;
    state.problem = null;
    saveArmed(parts.root, armed);
    state.mounted?.update(render(parts, state));
    // Say so as soon as an absolute time passes, not only when Send is pressed.
    clearTimeout(state.expiry);
    const wait = armed && !isRelativeDue(armed.due) ? armed.at - deps.now() : Infinity;
    if (wait < MAX_TIMER_MS) {
      state.expiry = setTimeout(() => {
        if (state.armed === armed && state.mounted?.host.isConnected) showProblem(state, deps.t('composeTimePassed', [armed!.label]));
      }, Math.max(0, wait));
    }
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
      state = { armed, theme: themeOf(deps.win, parts.root), lastSendAt: 0, defaultPreset: 'in-3-days', problem: null };
      states.set(parts.root, state);
      listenForSend(parts.root, state);
    }
    state.parts = parts;
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
      if (answer.ok && !state.armed) setArmed(parts, state, { due: { preset: settings.defaultPreset }, label: answer.preview.label, at: answer.preview.at });
    }
  }

  function listenForSend(root: Element, state: ComposeState) {
    listenForSendGesture(root, {
      signal: life.signal,
      isSend: (target) => Boolean(composeParts(root)?.sendButton?.contains(target) || target.closest(SEND_BUTTON)),
      onSend: () => onSend(root, state),
      holdReason: () => passedReason(state),
      onHeld: (reason) => {
        showProblem(state, reason);
        // Should Gmail send anyway (a path we did not see), the user still learns that no reminder was set.
        onSend(root, state, 'held');
      },
      warn: deps.warnOnce,
    });
  }

  function onSend(root: Element, state: ComposeState, mode: SendMode = 'send') {
    try {
      const armed = state.armed;
      const now = deps.now();
      // Every Send is followed, armed or not: a message the user writes in a thread answers a reply they owed there.
      // Unarmed, only a plain Send says so (a held one is only ever armed; a scheduled one answers nobody yet).
      if (!armed && mode !== 'send') return;
      if (mode === 'send' && now - state.lastSendAt < SAME_SEND_MS) return;
      const parts = composeParts(root);
      if (!parts) return;
      if (mode === 'send') state.lastSendAt = now;
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
        const theme = currentTheme(state.mounted?.host, state.theme);
        void reportSent(snapshot, context, outstanding, theme).catch((error) => deps.warnOnce('reporting the send failed', error));
        return;
      }
      const theme = currentTheme(state.mounted?.host, state.theme);
      const pending: PendingSend = { id: deps.newId(), snapshot, ...(context ? { context } : {}), armed, theme, clickedAt: now };
      void remember(pending, outstanding, mode, root).catch((error) => deps.warnOnce('storing the reminder failed', error));
    } catch (error) {
      deps.warnOnce('send capture failed', error);
    }
  }

  async function remember(pending: PendingSend, outstanding: AbortController, mode: SendMode = 'send', root?: Element) {
    const { snapshot, context, armed, theme, clickedAt } = pending;
    let sent = pending.sent;
    if (!sent) {
      const undo = watchUndo(deps.doc, () => outstanding.abort());
      // Only a plain Send is handed to a replacing script: a held one stores nothing, a scheduled one waits on this page.
      if (mode === 'send') inFlight.set(outstanding, pending);
      sent =
        mode === 'scheduled' && root
          ? await expectScheduled(tracker, deps.doc, root, snapshot, outstanding.signal)
          : await tracker.expect(snapshot, outstanding.signal);
      inFlight.delete(outstanding);
      undo.stop();
      // Undone ("Undo send": nothing left), superseded by a newer Send of this compose, or handed over: store nothing here.
      if (!sent && (undo.undone || outstanding.signal.aborted)) return;
    }
    if (mode === 'held') {
      // We held this Send back; only if Gmail sent it all the same is there something to say.
      const same = sent && (sent.clientMessageId && snapshot.clientMessageId ? sent.clientMessageId === snapshot.clientMessageId : sent.subject.trim() === snapshot.subject.trim());
      if (same) showToast(deps.doc, deps.t('toastNotSetPast', [armed.label]), theme);
      return;
    }
    let scheduledAt: number | undefined;
    if (mode === 'scheduled' || sent?.scheduled) {
      // The schedule dialog was closed without scheduling: the compose is still open and still armed.
      if (!sent && root?.isConnected) return;
      scheduledAt = scheduledTimeOf(sent, clickedAt);
      if (scheduledAt === undefined) return showToast(deps.doc, deps.t('toastScheduledNotSet'), theme);
      if (!isRelativeDue(armed.due) && armed.at <= scheduledAt) {
        const when = await dueLabel(deps, scheduledAt).catch(() => new Date(scheduledAt!).toLocaleString(deps.locale));
        return showToast(deps.doc, deps.t('toastScheduledBefore', [armed.label, when]), theme);
      }
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
        // A scheduled send leaves at its scheduled time: relative reminders count from there.
        sentAt: scheduledAt ?? sent?.sentAt ?? clickedAt,
        pressedAt: clickedAt,
        due: armed.due,
        // "Regardless of replies" travels with the armed choice (also through a hand-over to a new script).
        ...(armed.kind === 'always' ? { kind: 'always' as const } : {}),
      });
      onStored();
      // Stored: from here on a failure may only cost the label, never claim "not set".
      const label = await dueLabel(deps, reminder.dueAt).catch(() => new Date(reminder.dueAt).toLocaleString(deps.locale));
      const toast = reminder.kind === 'always' ? 'toastAlwaysSet' : scheduledAt === undefined ? 'toastSet' : 'toastScheduledSet';
      showToast(deps.doc, deps.t(toast, [label]), theme);
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
  async function reportSent(snapshot: ReturnType<typeof readCompose>, context: ThreadContext | undefined, outstanding: AbortController, theme: 'light' | 'dark') {
    const undo = watchUndo(deps.doc, () => outstanding.abort());
    const sent = await tracker.expect(snapshot, outstanding.signal);
    undo.stop();
    // A scheduled message answers nobody until it leaves; the print view sees it then.
    if (!sent || sent.scheduled) return;
    const thread = threadIdentityFor({ subject: snapshot.subject, recipients: snapshot.recipients as Address[] }, sent, context);
    const account = accounts.current();
    if (!thread || !account) return;
    const { answered, followedUp } = await deps.request('thread.sent', {
      account,
      ...(thread.threadId ? { threadId: thread.threadId } : {}),
      ...(thread.permThreadId ? { permThreadId: thread.permThreadId } : {}),
      ...(thread.messageId ? { messageId: thread.messageId } : {}),
      sentAt: sent.sentAt ?? deps.now(),
    });
    // A follow-up continued a repeating chain: the thread control shows its new position.
    if (answered.length > 0 || (followedUp?.length ?? 0) > 0) onStored();
    // …and the user hears that their send re-armed it, and until when (never a silent change of a reminder).
    const chained = followedUp?.[0];
    const pos = chained && chainPosition(chained);
    if (chained && pos) {
      const label = await dueLabel(deps, chained.dueAt).catch(() => new Date(chained.dueAt).toLocaleString(deps.locale));
      showToast(deps.doc, pos.final ? deps.t('toastChainLast', [String(pos.n), label]) : deps.t('toastChainNext', [String(pos.n), String(pos.of), label]), theme);
    }
  }

  /** Stops watching composes: listeners off, sends still waited for left to the script replacing this one. */
  function stop(): void {
    if (life.signal.aborted) return;
    life.abort();
    stopScheduleWatch();
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
    /**
     * Arms the compose `el` is in ("Write follow-up" arms the reply it opened). A compose not attached yet
     * gets the choice on its root, where attaching it reads it back.
     */
    armAt(el: Element, armed: Armed): boolean {
      const parts = composeParts(el);
      if (!parts) return false;
      const state = states.get(parts.root);
      if (state) setArmed(parts, state, armed);
      else {
        saveArmed(parts.root, armed);
        void attach(parts.root).catch((error) => deps.warnOnce('compose attach failed', error));
      }
      return true;
    },
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
