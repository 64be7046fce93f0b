import { useState } from 'preact/hooks';
import { Picker } from '../content/ui/Picker';
import type { Armed, PreviewInput, PreviewResult } from '../content/ui/types';
import { isLive, watchesReplies, type Reminder } from '../core/reminder';
import { mayChain } from '../core/chain';
import { chainHistory, chainLabel } from '../core/chain-text';
import { isFollowUpDue } from '../core/follow-up';
import type { PresetId } from '../core/schedule/presets';
import { Dialog } from './Dialog';
import type { Translate } from './types';

export type ActionsView = 'menu' | 'snooze' | 'change';

export interface RowActionsProps {
  t: Translate;
  lang: 'en' | 'de';
  reminder: Reminder;
  subject: string;
  /** When the list was read: decides whether the reminder has come due ("Write follow-up"). */
  now: number;
  view: ActionsView;
  snoozePreset: PresetId;
  defaultPreset: PresetId;
  preview(input: PreviewInput): Promise<PreviewResult>;
  onClose(): void;
  onOpen(): void;
  onSnooze(a: Armed): void;
  onChange(a: Armed): void;
  onCheckNow(): void;
  onNotReply(): void;
  /** An owed reply: open the thread with its reply open. */
  onReplyNow(): void;
  /** A due "if no reply": open the thread with the reply filled with a nudge and armed (never sent). */
  onWriteFollowUp(): void;
  /** "That was an automatic answer": waits again, and that message never counts. */
  onAutoAnswer(): void;
  /** "Stop repeating" / "Repeat until answered" of a no-reply reminder's follow-up chain. */
  onSetRepeat(repeat: boolean): void;
  /** The exact time, as the rest of the popup shows it. */
  formatDate(ms: number): string;
  onDelete(): void;
}

/** Everything one can do with a reminder, in a dialog; snooze and change open the Gmail picker. */
export function RowActions(props: RowActionsProps) {
  const { t, reminder: r, subject } = props;
  const [view, setView] = useState<ActionsView>(props.view);
  const waiting = isLive(r.status);
  const owed = r.kind === 'owed-reply';
  // Regardless of replies: no look is made for it, and no reply ended it (nothing to say it was none).
  const watches = watchesReplies(r);
  const then = (f: () => void) => () => {
    props.onClose();
    f();
  };

  if (view !== 'menu') {
    const snooze = view === 'snooze';
    return (
      <Dialog label={snooze ? t('snoozeTitle', [subject]) : t('changeTitle', [subject])} onClose={props.onClose}>
        <p class="head" dir="auto">
          {snooze ? t('threadSnoozeUntil') : t('threadChange')}
        </p>
        <div class="picker">
          <Picker
            t={t}
            lang={props.lang}
            defaultPreset={snooze ? props.snoozePreset : props.defaultPreset}
            preview={props.preview}
            onPick={(a) => then(() => (snooze ? props.onSnooze(a) : props.onChange(a)))()}
          />
        </div>
        <button type="button" class="item" onClick={props.onClose}>
          {t('cancel')}
        </button>
      </Dialog>
    );
  }

  return (
    <Dialog label={t('actionsTitle', [subject])} onClose={props.onClose}>
      <p class="head" dir="auto" title={subject}>
        {subject}
      </p>
      {owed && waiting && (
        <button type="button" class="item" onClick={then(props.onReplyNow)}>
          {t('actionReplyNow')}
        </button>
      )}
      {isFollowUpDue(r, props.now) && (
        <button type="button" class="item" onClick={then(props.onWriteFollowUp)}>
          {t('actionWriteFollowUp')}
        </button>
      )}
      <button type="button" class="item" onClick={then(props.onOpen)}>
        {t('actionOpenThread')}
      </button>
      {waiting && (
        <>
          <button type="button" class="item" onClick={() => setView('snooze')}>
            {t('actionSnoozeMenu')}
          </button>
          <button type="button" class="item" onClick={() => setView('change')}>
            {t('threadChange')}
          </button>
          {watches && (
            <button type="button" class="item" onClick={then(props.onCheckNow)}>
              {t('actionCheckNow')}
            </button>
          )}
        </>
      )}
      {r.status === 'replied' && watches && (
        <>
          <button type="button" class="item" onClick={then(props.onNotReply)}>
            {t(r.resolution?.kind === 'answered' ? 'threadNotAnswer' : 'threadNotReply')}
          </button>
          {/* The user's own answer ended an owed reply: there is no automatic answer of theirs to mark. */}
          {r.resolution?.kind !== 'answered' && (
            <button type="button" class="item" onClick={then(props.onAutoAnswer)}>
              {t('threadAutoAnswer')}
            </button>
          )}
        </>
      )}
      {mayChain(r) && (
        // One click, undone from the snackbar like every other action.
        <button type="button" class="item" onClick={then(() => props.onSetRepeat(!r.chain?.repeat))}>
          {t(r.chain?.repeat ? 'actionStopRepeat' : 'actionRepeat')}
        </button>
      )}
      <ChainDetails t={t} reminder={r} formatDate={props.formatDate} />
      <button type="button" class="item danger" onClick={then(props.onDelete)}>
        {t('actionDelete')}
      </button>
    </Dialog>
  );
}

/** Where the chain stands and each follow-up sent, as a disclosure (keyboard: Tab to it, Enter or Space opens it). */
function ChainDetails({ t, reminder: r, formatDate }: { t: RowActionsProps['t']; reminder: Reminder; formatDate(ms: number): string }) {
  const label = chainLabel(r, t);
  const history = chainHistory(r, t, formatDate);
  if (!label && history.length === 0) return null;
  return (
    <div class="chain-info">
      {label && <p class="chain-state">{label}</p>}
      {history.length > 0 && (
        <details class="chain-history">
          <summary>{t('chainHistory', [String(history.length)])}</summary>
          <ol aria-label={t('chainHistory', [String(history.length)])}>
            {history.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
