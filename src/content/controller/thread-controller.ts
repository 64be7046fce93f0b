import { h, type VNode } from 'preact';
import { dayFormatter, explainReminder } from '../../core/explanation';
import { isShownInThread, type Reminder, type ThreadIdentity } from '../../core/reminder';
import { mayChain } from '../../core/chain';
import { chainLabel } from '../../core/chain-text';
import type { PresetId } from '../../core/schedule/presets';
import { isHidden } from '../gmail/dom-util';
import { threadMessages, threadToolbar, visibleThread, type ThreadMessage, type VisibleThread } from '../gmail/thread-view';
import { currentTheme, mountInShadow, type Mounted } from '../ui/mount';
import { showToast } from '../ui/toast';
import { ThreadControl, type ThreadControlProps } from '../ui/ThreadControl';
import { describeRecipients, owedTo } from '../../core/notification-text';
import { openInThreadReply } from '../gmail/reply';
import { offerFor, owedIdentity, ownMatcher, type Offer } from './offer';
import type { Armed } from '../ui/types';
import type { AccountSource } from './account';
import type { ContentDeps } from './deps';
import { dueLabel, previewer } from './due-label';
import type { Health } from './health';
import { anchorFor } from './anchor';
import { browserZone, createThreadObserver, isObservable } from './observe-thread';
import { themeOf } from './theme-of';
import { isExtensionGone } from '../../core/protocol/gone';
import { isFollowUpDue, type FollowUpDraft } from '../../core/follow-up';
import { myNameIn, writeFollowUpHere, type ArmCompose } from './follow-up';

const HOST_ATTR = 'data-follow-through';

interface Shown {
  key: string;
  thread: VisibleThread;
  mounted: Mounted;
  reminder: Reminder | null;
  view: ThreadControlProps['reminder'];
  /** What a new reminder would be (decided from the newest message on each load). */
  offer: Offer;
  defaultPreset: PresetId;
  theme: 'light' | 'dark';
}

/**
 * The thread-view control: add a reminder for mail already sent, or see and
 * change the one that exists. Re-checked whenever Gmail renders a thread
 * heading or toolbar (navigation re-renders both).
 */
export function createThreadController(
  deps: ContentDeps,
  accounts: AccountSource,
  health: Health,
  /** Arms the compose a follow-up was written in (the compose controller's). */
  armCompose: ArmCompose = () => false,
) {
  let shown: Shown | undefined;
  const preview = previewer(deps);
  const observe = createThreadObserver(deps);

  const keyOf = (t: VisibleThread) => t.threadId ?? t.permThreadId ?? '';

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mount takes any component's vnode
  function render(s: Shown): VNode<any> {
    return h(ThreadControl, {
      t: deps.t,
      lang: deps.lang,
      reminder: s.view,
      offer: { kind: s.offer.kind, ...(s.offer.received ? { to: s.offer.received.from.name || s.offer.received.from.email } : {}) },
      defaultPreset: s.defaultPreset,
      preview,
      onCreate: (armed: Armed) => act(s, () => create(s, armed), armed),
      onChange: (armed: Armed) => act(s, () => deps.request('reminder.updateDue', { id: s.reminder!.id, due: armed.due }), armed),
      onSnooze: (armed: Armed) => act(s, () => deps.request('reminder.snooze', { id: s.reminder!.id, due: armed.due }), armed),
      onCancel: () => act(s, () => deps.request('reminder.cancel', { id: s.reminder!.id }), undefined),
      onNotReply: () => act(s, () => deps.request('reminder.notReply', { id: s.reminder!.id }), undefined),
      onAutoAnswer: () => act(s, () => deps.request('reminder.autoAnswer', { id: s.reminder!.id }), undefined),
      onSetRepeat: (repeat: boolean) => act(s, () => deps.request('reminder.setRepeat', { id: s.reminder!.id, repeat }), undefined),
      onWriteFollowUp: () => {
        if (s.reminder) void followUpFor(s, s.reminder.id);
      },
    });
  }

  function identityOf(thread: VisibleThread, account: string, messages: readonly ThreadMessage[]): ThreadIdentity {
    const mine = messages.filter((m) => m.from?.email === account);
    // Who we wait for: the recipients of the user's last message, else everyone else in the thread.
    const recipients =
      mine.at(-1)?.recipients ?? messages.flatMap((m) => [...(m.from ? [m.from] : []), ...m.recipients]);
    const others = [...new Map(recipients.filter((a) => a.email !== account).map((a) => [a.email, a])).values()];
    return {
      provider: 'gmail',
      ...(thread.threadId ? { threadId: thread.threadId } : {}),
      ...(thread.permThreadId ? { permThreadId: thread.permThreadId } : {}),
      subject: thread.subject.slice(0, 2000),
      recipients: others.slice(0, 500),
    };
  }

  async function create(s: Shown, armed: Armed) {
    const account = accounts.current();
    if (!account) throw new Error('No account');
    // Decided again now: the thread may have changed since the control was drawn.
    // Without the settings (worker busy) only the account itself counts as the user: at worst it counts from the click.
    const replies = await deps.settings().then((x) => x.replies, () => ({ aliases: {}, plusAddressing: false }));
    const messages = threadMessages(deps.doc, s.thread);
    const isOwn = ownMatcher(account, { replies });
    const offer = offerFor(messages, isOwn);
    if (offer.kind === 'owed-reply' && offer.received && armed.kind !== 'always') {
      const owed = owedIdentity(s.thread, offer.received, isOwn, deps.now());
      return deps.request('reminder.create', { id: deps.newId(), account, kind: 'owed-reply', ...owed, due: armed.due });
    }
    // Counted from the user's own newest message when it is the thread's latest, else from the click (anchor.ts).
    const { sentAt, anchor } = anchorFor(messages, account, replies, deps.now(), browserZone());
    // "Regardless of replies" is about the thread, whoever wrote last: it counts like a follow-up added here.
    const kind = armed.kind === 'always' ? { kind: 'always' as const } : {};
    return deps.request('reminder.create', { id: deps.newId(), account, thread: identityOf(s.thread, account, messages), sentAt, anchor, due: armed.due, ...kind });
  }

  async function act(s: Shown, run: () => Promise<{ reminder: Pick<Reminder, 'dueAt' | 'kind'> }>, armed: Armed | undefined) {
    try {
      const { reminder } = await run();
      if (armed) {
        // Typed relative words ("in 2 hours") label the choice, not the time: the toast names the time stored.
        const typed = 'after' in armed.due || 'days' in armed.due;
        const label = typed ? await dueLabel(deps, reminder.dueAt).catch(() => armed.label) : armed.label;
        // A new owed reply says what it will remind of: answering, not waiting.
        const toast = reminder.kind === 'owed-reply' ? 'toastOwedSet' : reminder.kind === 'always' ? 'toastAlwaysSet' : 'toastSet';
        showToast(deps.doc, deps.t(toast, [label]), currentTheme(s.mounted.host, s.theme));
      }
    } catch (error) {
      // Orphaned by an update or removal: the control is gone already, and nothing is said.
      if (isExtensionGone(error)) return;
      deps.warnOnce('thread action failed', error);
      showToast(deps.doc, deps.t('toastNotSet'), currentTheme(s.mounted.host, s.theme));
    }
    // Preact drops the promise of a click handler: nothing may escape from here.
    await load(s).catch((error) => deps.warnOnce('thread control reload failed', error));
  }

  async function load(s: Shown) {
    const account = accounts.current();
    if (!account) {
      health.set('account', 'missing', 'account address not found');
      s.view = 'error';
    } else {
      try {
        const { reminder, openReply, followUp } = await deps.request('reminder.getByThread', {
          account,
          ...(s.thread.threadId ? { threadId: s.thread.threadId } : {}),
          ...(s.thread.permThreadId ? { permThreadId: s.thread.permThreadId } : {}),
        });
        const settings = await deps.settings();
        // Read once per load: the offer and the observation below share it.
        const messages = threadMessages(deps.doc, s.thread);
        s.offer = offerFor(messages, ownMatcher(account, settings));
        s.reminder = reminder && isShownInThread(reminder.status) ? reminder : null;
        s.view = s.reminder ? await viewOf(s.reminder) : null;
        s.defaultPreset = settings.defaultPreset;
        // After the view is settled, as before: a reply found here starts a second load, which must not race this
        // one's view. Only cached-settings microtasks lie between the read and here; a message Gmail adds meanwhile
        // is observed by messagesAdded (its own fresh read).
        if (isObservable(s.reminder)) void observeShown(s, messages);
        // "Write follow-up" opened this thread: the reply, filled and armed. "Reply now": Gmail's own reply.
        // (Either is taken once by the background.)
        if (followUp) void followUpFor(s, followUp.reminderId, messages);
        else if (openReply) void openInThreadReply(deps.doc, s.thread).catch((error) => deps.warnOnce('opening the reply failed', error));
      } catch (error) {
        deps.warnOnce('reminder lookup failed', error);
        s.view = 'error';
      }
    }
    if (shown === s) s.mounted.update(render(s));
  }

  /**
   * Writes the follow-up of that reminder in this tab: the background renders the nudge (with the user's name as
   * the thread shows it), the reply opens right here. From the control's "Write follow-up", or a follow-up intent
   * (`messages`: the thread as the load just read it).
   */
  async function followUpFor(s: Shown, reminderId: string, messages?: readonly ThreadMessage[]) {
    const account = accounts.current();
    if (!account) return;
    const theme = () => currentTheme(s.mounted.host, s.theme);
    let draft: FollowUpDraft;
    try {
      const myName = myNameIn(messages ?? threadMessages(deps.doc, s.thread), account);
      ({ draft } = await deps.request('reminder.followUpDraft', { id: reminderId, ...(myName ? { myName } : {}) }));
    } catch (error) {
      if (isExtensionGone(error)) return;
      deps.warnOnce('follow-up draft failed', error);
      showToast(deps.doc, deps.t('toastFollowUpFailed', [error instanceof Error ? error.message : String(error)]), theme());
      // The reminder may have changed (answered meanwhile): show what it is now.
      await load(s).catch((e) => deps.warnOnce('thread control reload failed', e));
      return;
    }
    await writeFollowUpHere(deps, s.thread, draft, armCompose, theme).catch((error) => deps.warnOnce('writing the follow-up failed', error));
  }

  async function viewOf(r: Reminder): Promise<ThreadControlProps['reminder']> {
    const view = { status: r.status, dueAt: r.dueAt, dueLabel: await dueLabel(deps, r.dueAt), kind: r.kind, ...(isFollowUpDue(r, deps.now()) ? { followUpDue: true } : {}) };
    const by = r.status === 'replied' ? r.resolution?.by : undefined;
    const at = r.status === 'replied' ? r.resolution?.at : undefined;
    const again = r.kind === 'owed-reply' && r.status !== 'replied' ? r.check?.wroteAgain : undefined;
    const note = await autoNoteOf(r);
    const chain = chainLabel(r, deps.t);
    return {
      ...view,
      ...(r.kind === 'owed-reply' ? { owedTo: owedTo(r, deps.t) } : {}),
      ...(again
        ? { wroteAgain: deps.t('owedWroteAgain', [describeRecipients([again.by], deps.t), again.at !== undefined ? await dueLabel(deps, again.at) : '—']) }
        : {}),
      ...(r.resolution?.kind === 'answered' ? { answered: true } : {}),
      ...(by ? { repliedBy: by.name || by.email } : {}),
      ...(at !== undefined ? { repliedAt: await dueLabel(deps, at) } : {}),
      ...(note ? { note } : {}),
      ...(chain ? { chain } : {}),
      ...(mayChain(r) ? { repeat: r.chain?.repeat ?? false } : {}),
    };
  }

  /** What an automatic answer did to this reminder, or that the counted reply might be one (the popup's explanation line). */
  async function autoNoteOf(r: Reminder): Promise<string | undefined> {
    const auto = r.status !== 'replied' && r.check?.outcome === 'no-reply' && r.check.autoAnswer;
    const counted = r.status === 'replied' ? r.resolution?.notes?.find((n) => n.id !== undefined && n.id === r.resolution?.messageId) : undefined;
    if (!auto && !(counted?.auto && !counted.auto.certain)) return undefined;
    const labels = new Map<number, string>();
    for (const ms of [r.dueAt, r.resolution?.at]) if (ms !== undefined) labels.set(ms, await dueLabel(deps, ms));
    return explainReminder(r, deps.t, (ms) => labels.get(ms) ?? '', dayFormatter(deps.lang));
  }

  /** Tells the background what the tab shows of the thread (`messages`: read just now); a reply it finds there shows at once. */
  async function observeShown(s: Shown, messages?: readonly ThreadMessage[]) {
    try {
      const account = accounts.current();
      if (!account) return;
      const resolved = await observe(account, s.thread, messages ?? threadMessages(deps.doc, s.thread));
      if (resolved.length > 0 && shown === s) await load(s);
    } catch (error) {
      deps.warnOnce('thread observation failed', error);
    }
  }

  function refresh(): void {
    try {
      const thread = visibleThread(deps.doc);
      if (!thread) return;
      const key = keyOf(thread);
      health.set('threadId', key ? 'ok' : 'missing', key ? undefined : 'thread heading has no id');
      if (!key) return;
      // Same thread, our control still on screen: nothing to do, and no toolbar search on every navigation.
      if (shown?.key === key && shown.mounted.host.isConnected && !isHidden(shown.mounted.host)) return;
      const toolbar = threadToolbar(deps.doc, thread);
      health.set('threadToolbar', toolbar ? 'ok' : 'missing', toolbar ? undefined : 'thread toolbar not found');
      if (!toolbar) return;
      if (shown?.key === key && shown.mounted.host.isConnected && toolbar.contains(shown.mounted.host)) return;
      const existing = toolbar.querySelector(`[${HOST_ATTR}=thread]`);
      // A copy of our control (Gmail cloned the toolbar) has a host without a shadow root: it is replaced.
      if (existing && shown?.key === key && existing.querySelector('follow-through-control')?.shadowRoot) return;
      existing?.remove();

      shown?.mounted.unmount();
      const wrap = deps.doc.createElement('div');
      wrap.setAttribute(HOST_ATTR, 'thread');
      wrap.style.display = 'inline-block';
      wrap.style.verticalAlign = 'middle';
      const host = deps.doc.createElement('follow-through-control');
      wrap.append(host);
      toolbar.append(wrap);
      const theme = themeOf(deps.win, toolbar);
      const s: Shown = { key, thread, reminder: null, view: 'loading', offer: { kind: 'no-reply' }, defaultPreset: 'in-3-days', theme, mounted: undefined as unknown as Mounted };
      s.mounted = mountInShadow(host, render(s), theme);
      shown = s;
      void load(s);
    } catch (error) {
      deps.warnOnce('thread control failed', error);
    }
  }

  return {
    refresh,
    /** Looks up the shown thread's reminder again: one may have been stored from elsewhere (an inline reply). */
    reload(): void {
      const s = shown;
      if (s?.mounted.host.isConnected) load(s).catch((error) => deps.warnOnce('reminder lookup failed', error));
    },
    /** New messages in the open thread: worth telling the background about while its reminder waits. */
    messagesAdded(): void {
      const s = shown;
      if (s?.mounted.host.isConnected && isObservable(s.reminder)) void observeShown(s);
    },
    /** For the keyboard command: add a reminder with the default time to the open thread if it has none. */
    current(): { hasReminder: boolean; create(armed: Armed): Promise<void> } | undefined {
      const s = shown;
      if (!s || !s.mounted.host.isConnected) return undefined;
      // A resolved reminder does not stop a new one (they replied: now the user may owe the answer).
      const waiting = s.reminder !== null && s.reminder.status !== 'replied';
      return { hasReminder: waiting, create: (armed) => act(s, () => create(s, armed), armed) };
    },
  };
}

export type ThreadController = ReturnType<typeof createThreadController>;
