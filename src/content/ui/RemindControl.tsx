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

/** "If no reply: Thu 09:00", "Regardless: Fri 09:00", or for a follow-up armed with the chain's step "Follow-up 2 of 3 · Thu 09:00". */
function armedText(t: Translate, armed: Armed): string {
  if (armed.followUp && armed.step && armed.steps) return t('followUpArmedButton', [String(armed.step), String(armed.steps), isolate(armed.label)]);
  // The kind first (a long label is cut off at the end).
  return t(armed.kind === 'always' ? 'armedAlwaysButton' : 'armedButton', [isolate(armed.label)]);
}

/** "Remind me if no reply" (or regardless of replies), beside Gmail's Send button. */
export function RemindControl({ t, lang, armed, problem, defaultPreset, preview, onArm, onDisarm }: RemindControlProps) {
  const always = armed?.kind === 'always';
  return (
    <>
      <Dropdown text={armed ? armedText(t, armed) : t('remindButton')} label={t(always ? 'remindAlwaysLabel' : 'remindLabel')} armed={!!armed}>
        {(close) => (
          <>
            {armed?.followUp && (
              <p class="head" dir="auto">
                {armed.step && armed.steps
                  ? t(armed.final ? 'followUpFinalExplain' : 'followUpArmedExplain', [String(armed.step), String(armed.steps), isolate(armed.label)])
                  : t('followUpDefaultExplain', [isolate(armed.label)])}
              </p>
            )}
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
