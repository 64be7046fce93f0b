import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { CHAIN_LIMITS } from '../core/chain';
import { Checkbox, FieldError } from './fields';
import { useI18n } from './i18n';
import { parseSteps, type SettingsProblems } from './validate';

export interface FollowUpFieldsProps {
  draft: Settings;
  problems: SettingsProblems;
  update(change: (s: Settings) => Settings): void;
}

/**
 * The defaults of a new reminder's follow-up chain: repeat until answered,
 * the escalating steps ("3, 7, 14") and the cap. The steps are typed as
 * text: what the user typed stays as typed while it is invalid (the draft
 * holds NaN for a bad piece, so saving is blocked and the error shows).
 */
export function FollowUpFields({ draft, problems, update }: FollowUpFieldsProps) {
  const { t } = useI18n();
  const f = draft.followUps;
  const [stepsText, setStepsText] = useState(f.steps.join(', '));
  // A reload or a save from elsewhere: show the stored steps unless the text already means them.
  useEffect(() => {
    if (parseSteps(stepsText).join() !== f.steps.join()) setStepsText(f.steps.join(', '));
  }, [f.steps.join()]);
  const set = (change: Partial<Settings['followUps']>) => update((s) => ({ ...s, followUps: { ...s.followUps, ...change } }));
  const invalid = (p: unknown) => (p ? 'true' : undefined);

  return (
    <fieldset class="group">
      <legend>{t('optFollowUps')}</legend>
      <Checkbox id="opt-fu-repeat" label={t('optFollowUpsRepeat')} hint={t('optFollowUpsRepeatHint')} checked={f.repeat} onChange={(on) => set({ repeat: on })} />
      <div class="field">
        <label for="opt-fu-steps">{t('optFollowUpsSteps')}</label>
        <input
          type="text"
          id="opt-fu-steps"
          inputMode="numeric"
          autoComplete="off"
          value={stepsText}
          aria-invalid={invalid(problems.followUpSteps)}
          aria-describedby="opt-fu-steps-hint opt-fu-steps-error"
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setStepsText(text);
            set({ steps: parseSteps(text) });
          }}
        />
        <p class="hint" id="opt-fu-steps-hint">
          {t('optFollowUpsStepsHint', [String(CHAIN_LIMITS.maxDays), String(CHAIN_LIMITS.maxSteps)])}
        </p>
        <FieldError id="opt-fu-steps-error" message={problems.followUpSteps && t('optFollowUpsStepsError', [String(CHAIN_LIMITS.maxSteps), String(CHAIN_LIMITS.maxDays)])} />
      </div>
      <div class="field">
        <label for="opt-fu-cap">{t('optFollowUpsCap')}</label>
        <input
          type="number"
          id="opt-fu-cap"
          min={CHAIN_LIMITS.minCap}
          max={CHAIN_LIMITS.maxCap}
          step={1}
          value={Number.isFinite(f.cap) ? String(f.cap) : ''}
          aria-invalid={invalid(problems.followUpCap)}
          aria-describedby="opt-fu-cap-hint opt-fu-cap-error"
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            set({ cap: raw.trim() === '' ? NaN : Number(raw) });
          }}
        />
        <p class="hint" id="opt-fu-cap-hint">
          {t('optFollowUpsCapHint')}
        </p>
        <FieldError id="opt-fu-cap-error" message={problems.followUpCap && t('optFollowUpsCapError', [String(CHAIN_LIMITS.minCap), String(CHAIN_LIMITS.maxCap)])} />
      </div>
    </fieldset>
  );
}
