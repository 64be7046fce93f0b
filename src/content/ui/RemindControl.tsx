import type { PresetId } from '../../core/schedule/presets';
import { Dropdown, isolate } from './Dropdown';
import { Picker } from './Picker';
import type { Armed, PreviewInput, PreviewResult, Translate } from './types';

export interface RemindControlProps {
  t: Translate;
  lang: 'en' | 'de';
  armed: Armed | null;
  /** Why Send was held back (e.g. the time has passed): shown beside the button as an alert. */
  problem?: string | null;
  defaultPreset: PresetId;
  preview(input: PreviewInput): Promise<PreviewResult>;
  onArm(armed: Armed): void;
  onDisarm(): void;
}

/** "Remind me if no reply" (or regardless of replies), beside Gmail's Send button. */
export function RemindControl({ t, lang, armed, problem, defaultPreset, preview, onArm, onDisarm }: RemindControlProps) {
  const always = armed?.kind === 'always';
  // The button says which kind is armed, kind first (a long label is cut off at the end): "If no reply: Fri 09:00" or "Regardless: Fri 09:00".
  const text = armed ? t(always ? 'armedAlwaysButton' : 'armedButton', [isolate(armed.label)]) : t('remindButton');
  return (
    <>
      <Dropdown text={text} label={t(always ? 'remindAlwaysLabel' : 'remindLabel')} armed={!!armed}>
        {(close) => (
          <>
            <Picker
              t={t}
              lang={lang}
              defaultPreset={defaultPreset}
              preview={preview}
              kinds="no-reply"
              {...(always ? { initialKind: 'always' as const } : {})}
              onPick={(a) => {
                close(true);
                onArm(a);
              }}
            />
            {armed && (
              <>
                <hr />
                <button
                  type="button"
                  class="item"
                  onClick={() => {
                    close(true);
                    onDisarm();
                  }}
                >
                  {t('removeReminder')}
                </button>
              </>
            )}
          </>
        )}
      </Dropdown>
      {problem && (
        <span class="problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
