import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { isLive, type ReminderStatus } from '../../core/reminder';
import type { PresetId } from '../../core/schedule/presets';
import { ClockIcon, Dropdown, isolate, type Close } from './Dropdown';
import { Picker } from './Picker';
import type { Armed, PreviewInput, PreviewResult, Translate } from './types';

/** What the thread's reminder is about, as the control shows it. */
export interface ThreadReminderView {
  status: ReminderStatus;
  dueAt: number;
  dueLabel: string;
  /** `owed-reply`: the user owes the answer; otherwise they wait for one. */
  kind?: 'no-reply' | 'always' | 'owed-reply';
  /** Who the user owes a reply (an owed reply). */
  owedTo?: string;
  /** "Bob wrote again on Tue" (an owed reply whose other side wrote again). */
  wroteAgain?: string;
  /** `repliedBy` (a name or address) and `repliedAt` (formatted) describe the reply of a `replied` reminder, when known. */
  repliedBy?: string;
  repliedAt?: string;
  /** A `replied` owed reply: the user's own answer ended it. */
  answered?: boolean;
  /** What the last look found worth saying (an automatic answer, a possibly automatic reply). */
  note?: string;
  /** Where its follow-up chain stands ("Follow-up 2 of 3", "Last follow-up (3 of 3)", "Answered after 2 follow-ups — chain ended"). */
  chain?: string;
  /** A live no-reply reminder: whether it repeats until answered (the toggle's state); absent: no toggle. */
  repeat?: boolean;
  /** A reminder waiting for their answer has come due: "Write follow-up" is offered first. */
  followUpDue?: boolean;
}

/** What a new reminder for this thread would be: "remind me to reply" when the newest message is someone else's. */
export interface ThreadOffer {
  kind: 'no-reply' | 'owed-reply';
  /** Who sent the newest message (an owed reply). */
  to?: string;
}

export interface ThreadControlProps {
  t: Translate;
  lang: 'en' | 'de';
  reminder: ThreadReminderView | null | 'loading' | 'error';
  /** Absent: "remind me if no reply". */
  offer?: ThreadOffer;
  defaultPreset: PresetId;
  preview(input: PreviewInput): Promise<PreviewResult>;
  onCreate(armed: Armed): void;
  onChange(armed: Armed): void;
  onSnooze(armed: Armed): void;
  onCancel(): void;
  /** "That wasn't a real reply": the reminder waits again. */
  onNotReply(): void;
  /** "That was an automatic answer": the reminder waits again; that message never counts. */
  onAutoAnswer(): void;
  /** "Stop repeating" / "Repeat until answered" (clicking again turns it back). */
  onSetRepeat?(repeat: boolean): void;
  /** Opens the reply in this thread, filled with a nudge and armed with the next follow-up (never sends). */
  onWriteFollowUp?(): void;
}

/** The reminder of the open thread, in Gmail's thread toolbar. */
export function ThreadControl(props: ThreadControlProps) {
  const { t, reminder } = props;
  if (reminder === 'loading' || reminder === 'error') {
    return (
      <span class="wrap">
        <button type="button" class="btn" disabled aria-busy={reminder === 'loading'}>
          <ClockIcon />
          <span>{reminder === 'loading' ? t('threadLoading') : t('threadError')}</span>
        </button>
      </span>
    );
  }
  const picker = (onPick: (a: Armed) => void, close: Close, presetsOnly?: boolean, kinds?: 'no-reply' | 'owed-reply') => (
    <Picker
      t={t}
      lang={props.lang}
      defaultPreset={props.defaultPreset}
      preview={props.preview}
      presetsOnly={presetsOnly}
      {...(kinds ? { kinds } : {})}
      onPick={(a) => {
        close(true);
        onPick(a);
      }}
    />
  );
  const owedOffer = props.offer?.kind === 'owed-reply';
  if (reminder?.status === 'replied') {
    // Name and date are isolated one by one: a right-to-left name must not swallow the date.
    const detail = reminder.answered
      ? reminder.repliedAt && isolate(reminder.repliedAt)
      : [reminder.repliedBy, reminder.repliedAt].filter((x): x is string => !!x).map(isolate).join(' · ');
    const text = reminder.answered
      ? detail ? t('threadAnswered', [detail]) : t('threadAnsweredPlain')
      : detail ? t('threadReplied', [detail]) : t('threadRepliedPlain');
    return (
      <Dropdown text={text} label={t('threadMenuLabel')}>
        {(close) => <Replied {...props} close={close} picker={picker} />}
      </Dropdown>
    );
  }
  if (!reminder || !isLive(reminder.status)) {
    if (owedOffer) {
      const to = props.offer?.to;
      return (
        <Dropdown text={t('owedButton')} label={t('owedLabel')}>
          {(close) => (
            <>
              <p class="head" dir="auto">
                {to ? t('owedOffer', [isolate(to)]) : t('owedOfferPlain')}
              </p>
              {picker(props.onCreate, close, false, 'owed-reply')}
            </>
          )}
        </Dropdown>
      );
    }
    return (
      <Dropdown text={t('remindButton')} label={t('remindLabel')}>
        {(close) => picker(props.onCreate, close, false, 'no-reply')}
      </Dropdown>
    );
  }
  const button = reminder.kind === 'owed-reply' ? 'owedThreadButton' : reminder.kind === 'always' ? 'threadAlwaysButton' : 'threadButton';
  return (
    <Dropdown text={t(button, [isolate(reminder.dueLabel)])} label={t('threadMenuLabel')} armed>
      {(close) => <Existing {...props} close={close} picker={picker} />}
    </Dropdown>
  );
}

/** Which kind of reminder is active, and what ends it. */
function Explain({ t, reminder }: { t: Translate; reminder: ThreadReminderView }) {
  if (reminder.kind === 'always') return <p class="head">{t('alwaysExplain')}</p>;
  if (reminder.kind !== 'owed-reply') return <p class="head">{t('noReplyExplain')}</p>;
  return (
    <>
      <p class="head" dir="auto">
        {reminder.owedTo ? t('owedExplain', [isolate(reminder.owedTo)]) : t('owedExplainPlain')}
      </p>
      {reminder.wroteAgain && (
        <p class="head" dir="auto">
          {reminder.wroteAgain}
        </p>
      )}
    </>
  );
}

type ExistingProps = ThreadControlProps & {
  close: Close;
  picker(onPick: (a: Armed) => void, close: Close, presetsOnly?: boolean, kinds?: 'no-reply' | 'owed-reply'): JSX.Element;
};

/** What the last look found, when there is something to say (an automatic answer, a possibly automatic reply). */
function Note({ reminder }: { reminder: ThreadControlProps['reminder'] }) {
  const note = reminder && typeof reminder === 'object' ? reminder.note : undefined;
  return note ? (
    <p class="head" role="note">
      {note}
    </p>
  ) : null;
}

/** Where the follow-up chain stands. */
function ChainNote({ reminder }: { reminder: ThreadControlProps['reminder'] }) {
  const chain = reminder && typeof reminder === 'object' ? reminder.chain : undefined;
  return chain ? <p class="head chain">{chain}</p> : null;
}

function Existing({ t, close, picker, onChange, onSnooze, onCancel, onSetRepeat, onWriteFollowUp, reminder }: ExistingProps) {
  const repeat = reminder && typeof reminder === 'object' ? reminder.repeat : undefined;
  const [view, setView] = useState<'menu' | 'change' | 'snooze'>('menu');
  if (view === 'change') return picker(onChange, close);
  if (view === 'snooze') {
    return (
      <>
        <p class="head">{t('threadSnoozeUntil')}</p>
        {picker(onSnooze, close, true)}
      </>
    );
  }
  return (
    <>
      {reminder && typeof reminder === 'object' && <Explain t={t} reminder={reminder} />}
      <Note reminder={reminder} />
      <ChainNote reminder={reminder} />
      {reminder && typeof reminder === 'object' && reminder.followUpDue && onWriteFollowUp && (
        <MenuAction close={close} onPick={() => onWriteFollowUp()}>
          {t('actionWriteFollowUp')}
        </MenuAction>
      )}
      <button type="button" class="item" onClick={() => setView('change')}>
        {t('threadChange')}
      </button>
      <button type="button" class="item" onClick={() => setView('snooze')}>
        {t('threadSnooze')}
      </button>
      <MenuAction close={close} onPick={() => onCancel()}>
        {t('removeReminder')}
      </MenuAction>
      {repeat !== undefined && onSetRepeat && (
        <MenuAction close={close} onPick={() => onSetRepeat(!repeat)}>
          {t(repeat ? 'actionStopRepeat' : 'actionRepeat')}
        </MenuAction>
      )}
    </>
  );
}

/** A menu item that closes the menu (focus back on its button), then acts. */
function MenuAction({ close, onPick, children }: { close: Close; onPick(): void; children: ComponentChildren }) {
  return (
    <button
      type="button"
      class="item"
      onClick={() => {
        close(true);
        onPick();
      }}
    >
      {children}
    </button>
  );
}

/** A reply ended the wait: say it was none (the reminder waits again), or start a new wait. */
function Replied(props: ExistingProps) {
  const { t, close, picker, onNotReply, onAutoAnswer, onCreate, reminder } = props;
  const answered = reminder && typeof reminder === 'object' && reminder.answered;
  const [view, setView] = useState<'menu' | 'new'>('menu');
  if (view === 'new') return picker(onCreate, close, false, props.offer?.kind ?? 'no-reply');
  return (
    <>
      <Note reminder={reminder} />
      <ChainNote reminder={reminder} />
      <MenuAction close={close} onPick={() => onNotReply()}>
        {t(answered ? 'threadNotAnswer' : 'threadNotReply')}
      </MenuAction>
      {/* The user's own answer ended an owed reply: there is no automatic answer of theirs to mark. */}
      {!answered && (
        <MenuAction close={close} onPick={() => onAutoAnswer()}>
          {t('threadAutoAnswer')}
        </MenuAction>
      )}
      <button type="button" class="item" onClick={() => setView('new')}>
        {/* They replied and the newest message is theirs: the new reminder is the user's own answer. */}
        {t(props.offer?.kind === 'owed-reply' ? 'owedButton' : 'threadNewReminder')}
      </button>
    </>
  );
}
