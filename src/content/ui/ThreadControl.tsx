import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { isLive, type ReminderStatus } from '../../core/reminder';
import type { PresetId } from '../../core/schedule/presets';
import { ClockIcon, Dropdown, isolate, type Close } from './Dropdown';
import { Picker } from './Picker';
import type { Armed, PreviewInput, PreviewResult, Translate } from './types';

export interface ThreadControlProps {
  t: Translate;
  lang: 'en' | 'de';
  /** `repliedBy` (a name or address) and `repliedAt` (formatted) describe the reply of a `replied` reminder, when known. */
  reminder: { status: ReminderStatus; dueAt: number; dueLabel: string; repliedBy?: string; repliedAt?: string } | null | 'loading' | 'error';
  defaultPreset: PresetId;
  preview(input: PreviewInput): Promise<PreviewResult>;
  onCreate(armed: Armed): void;
  onChange(armed: Armed): void;
  onSnooze(armed: Armed): void;
  onCancel(): void;
  /** "That wasn't a real reply": the reminder waits again. */
  onNotReply(): void;
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
  const picker = (onPick: (a: Armed) => void, close: Close, presetsOnly?: boolean) => (
    <Picker
      t={t}
      lang={props.lang}
      defaultPreset={props.defaultPreset}
      preview={props.preview}
      presetsOnly={presetsOnly}
      onPick={(a) => {
        close(true);
        onPick(a);
      }}
    />
  );
  if (reminder?.status === 'replied') {
    // Name and date are isolated one by one: a right-to-left name must not swallow the date.
    const detail = [reminder.repliedBy, reminder.repliedAt].filter((x): x is string => !!x).map(isolate).join(' · ');
    return (
      <Dropdown text={detail ? t('threadReplied', [detail]) : t('threadRepliedPlain')} label={t('threadMenuLabel')}>
        {(close) => <Replied {...props} close={close} picker={picker} />}
      </Dropdown>
    );
  }
  if (!reminder || !isLive(reminder.status)) {
    return (
      <Dropdown text={t('remindButton')} label={t('remindLabel')}>
        {(close) => picker(props.onCreate, close)}
      </Dropdown>
    );
  }
  return (
    <Dropdown text={t('threadButton', [isolate(reminder.dueLabel)])} label={t('threadMenuLabel')} armed>
      {(close) => <Existing {...props} close={close} picker={picker} />}
    </Dropdown>
  );
}

type ExistingProps = ThreadControlProps & {
  close: Close;
  picker(onPick: (a: Armed) => void, close: Close, presetsOnly?: boolean): JSX.Element;
};

function Existing({ t, close, picker, onChange, onSnooze, onCancel }: ExistingProps) {
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
      <button type="button" class="item" onClick={() => setView('change')}>
        {t('threadChange')}
      </button>
      <button type="button" class="item" onClick={() => setView('snooze')}>
        {t('threadSnooze')}
      </button>
      <button
        type="button"
        class="item"
        onClick={() => {
          close(true);
          onCancel();
        }}
      >
        {t('removeReminder')}
      </button>
    </>
  );
}

/** A reply ended the wait: say it was none (the reminder waits again), or start a new wait. */
function Replied({ t, close, picker, onNotReply, onCreate }: ExistingProps) {
  const [view, setView] = useState<'menu' | 'new'>('menu');
  if (view === 'new') return picker(onCreate, close);
  return (
    <>
      <button
        type="button"
        class="item"
        onClick={() => {
          close(true);
          onNotReply();
        }}
      >
        {t('threadNotReply')}
      </button>
      <button type="button" class="item" onClick={() => setView('new')}>
        {t('threadNewReminder')}
      </button>
    </>
  );
}
