import type { FollowUpArm, FollowUpDraft } from '../../core/follow-up';
import { insertPlainText } from '../gmail/insert-text';
import { openInThreadReply } from '../gmail/reply';
import type { ThreadMessage, VisibleThread } from '../gmail/thread-view';
import { showToast } from '../ui/toast';
import type { Armed } from '../ui/types';
import type { ContentDeps } from './deps';
import { dueLabel, previewer } from './due-label';

/** Arms the compose that `editor` belongs to (the compose controller's; false when it is no compose). */
export type ArmCompose = (editor: Element, armed: Armed) => boolean;

export type FollowUpOutcome = 'written' | 'present' | 'no-reply' | 'not-inserted';

/**
 * Writes a follow-up in the open thread: Gmail's own reply (Reply all when
 * the draft says so), the nudge at its caret, and the compose armed with the
 * chain's next step. Never presses Send. The toast tells the user what
 * happened, also when Gmail showed no reply (the reminder is unchanged).
 */
export async function writeFollowUpHere(
  deps: ContentDeps,
  thread: VisibleThread,
  draft: FollowUpDraft,
  arm: ArmCompose,
  theme: () => 'light' | 'dark',
): Promise<FollowUpOutcome> {
  const editor = await openInThreadReply(deps.doc, thread, { replyAll: draft.replyAll });
  if (!editor) {
    showToast(deps.doc, deps.t('toastFollowUpNoReply'), theme());
    return 'no-reply';
  }
  const inserted = insertPlainText(editor, draft.text);
  // Armed even when the text was there already: the send is still the follow-up.
  const armed = await armedFor(deps, draft.arm).catch((error) => {
    deps.warnOnce('follow-up arming failed', error);
    return undefined;
  });
  if (armed) arm(editor, armed);
  if (inserted === 'failed') {
    showToast(deps.doc, deps.t('toastFollowUpNotInserted'), theme());
    return 'not-inserted';
  }
  if (inserted === 'inserted') showToast(deps.doc, deps.t('toastFollowUpWritten'), theme());
  return inserted === 'inserted' ? 'written' : 'present';
}

/** The chain's next step as an exact time, or the user's default delay (counted from the send, as any armed preset). */
async function armedFor(deps: ContentDeps, arm: FollowUpArm): Promise<Armed | undefined> {
  if (arm.kind === 'chain') {
    const label = await dueLabel(deps, arm.dueAt);
    // Beyond the planned number (the user writes more than the chain plans) it is still watched, without a number.
    const numbered = arm.n <= arm.of ? { step: arm.n, steps: arm.of, ...(arm.final ? { final: true } : {}) } : {};
    return { due: { at: arm.dueAt }, label, at: arm.dueAt, followUp: true, ...numbered };
  }
  const answer = await previewer(deps)({ preset: arm.preset });
  return answer.ok ? { due: { preset: arm.preset }, label: answer.preview.label, at: answer.preview.at, followUp: true } : undefined;
}

/** The user's own name as the thread's messages show it on theirs (for a template's {myName}). */
export function myNameIn(messages: readonly ThreadMessage[], account: string): string | undefined {
  const own = messages.filter((m) => m.from?.email === account.toLowerCase() && m.from.name);
  const name = own.at(-1)?.from?.name?.trim();
  return name ? name.slice(0, 320) : undefined;
}
