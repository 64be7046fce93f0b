import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import { PRESET_IDS, type PresetId } from '../core/schedule/presets';
import type { Settings, Weekday } from '../core/settings';
import { optionsApi } from './api';
import { Checkbox, FieldError, Section } from './fields';
import { useI18n } from './i18n';
import { endTimeToMinutes, minutesToTime, timeToMinutes, type SettingsProblems } from './validate';
import { dayName, weekOrder } from './week';
import { FollowUpFields } from './FollowUpFields';

/** Same key scheme as the Gmail picker (`presetKey` in src/content/ui/Picker.tsx). */
const presetKey = (id: PresetId) => `preset_${id.replace(/-/g, '_')}`;

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

let zones: string[] | undefined;
const timeZones = () => (zones ??= Intl.supportedValuesOf('timeZone'));

export interface DefaultsProps {
  client: Client;
  draft: Settings;
  /** The stored settings: examples are computed from them, so they refresh after each save. */
  saved: Settings | null;
  problems: SettingsProblems;
  update(change: (s: Settings) => Settings): void;
}

/** "e.g. Thu, Dec 3, 09:00" for a preset, from due.preview. */
function usePresetExample(client: Client, preset: PresetId, saved: Settings | null): string {
  const { t } = useI18n();
  const api = useMemo(() => optionsApi(client), [client]);
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    api.preview(preset).then(
      (p) => live && setText(`${t('optExample', [p.label])}${p.moved ? ` ${t('pickerMoved')}` : ''}`),
      () => live && setText(''),
    );
    return () => void (live = false);
  }, [api, preset, saved]);
  return text;
}

export function DefaultsSection({ client, draft, saved, problems, update }: DefaultsProps) {
  const { t, locale } = useI18n();
  const wh = draft.schedule.workingHours;
  const schedule = (change: Partial<Settings['schedule']>) => update((s) => ({ ...s, schedule: { ...s.schedule, ...change } }));
  const hours = (change: Partial<Settings['schedule']['workingHours']>) =>
    update((s) => ({ ...s, schedule: { ...s.schedule, workingHours: { ...s.schedule.workingHours, ...change } } }));
  const toggleDay = (day: Weekday, on: boolean) =>
    hours({ days: on ? [...wh.days.filter((d) => d !== day), day].sort() : wh.days.filter((d) => d !== day) });
  const scheduleChanged = saved !== null && JSON.stringify(saved.schedule) !== JSON.stringify(draft.schedule);
  const defaultExample = usePresetExample(client, draft.defaultPreset, saved);
  const snoozeExample = usePresetExample(client, draft.snoozePreset, saved);
  const zoneList = timeZones().includes(draft.schedule.timeZone) ? timeZones() : [draft.schedule.timeZone, ...timeZones()];
  const here = browserTimeZone();
  const invalid = (p: unknown) => (p ? 'true' : undefined);

  const presetSelect = (id: string, label: string, value: PresetId, example: string, set: (p: PresetId) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-describedby={`${id}-example`} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value as PresetId)}>
        {PRESET_IDS.map((p) => (
          <option key={p} value={p}>
            {t(presetKey(p))}
          </option>
        ))}
      </select>
      <p class="hint" id={`${id}-example`}>
        {example}
        {example && scheduleChanged && ` ${t('optExampleAfterSave')}`}
      </p>
    </div>
  );

  return (
    <Section id="defaults" title={t('optDefaultsTitle')}>
      {presetSelect('opt-default-preset', t('optDefaultPreset'), draft.defaultPreset, defaultExample, (p) =>
        update((s) => ({ ...s, defaultPreset: p })),
      )}
      {presetSelect('opt-snooze-preset', t('optSnoozePreset'), draft.snoozePreset, snoozeExample, (p) =>
        update((s) => ({ ...s, snoozePreset: p })),
      )}
      <div class="field">
        <label for="opt-default-time">{t('optDefaultTime')}</label>
        <input
          type="time"
          id="opt-default-time"
          value={minutesToTime(draft.schedule.defaultTime)}
          aria-invalid={invalid(problems.defaultTime)}
          aria-describedby="opt-default-time-hint opt-default-time-error"
          onInput={(e) => schedule({ defaultTime: timeToMinutes((e.currentTarget as HTMLInputElement).value) })}
        />
        <p class="hint" id="opt-default-time-hint">
          {t('optDefaultTimeHint')}
        </p>
        <FieldError id="opt-default-time-error" message={problems.defaultTime && t('optErrorTime')} />
      </div>
      <Checkbox
        id="opt-arm-new"
        label={t('optArmNewComposes')}
        hint={t('optArmNewComposesHint')}
        checked={draft.armNewComposes}
        onChange={(on) => update((s) => ({ ...s, armNewComposes: on }))}
      />
      <Checkbox
        id="opt-follow-up-reply-all"
        label={t('optFollowUpReplyAll')}
        hint={t('optFollowUpReplyAllHint')}
        checked={draft.followUpReplyAll}
        onChange={(on) => update((s) => ({ ...s, followUpReplyAll: on }))}
      />

      <FollowUpFields draft={draft} problems={problems} update={update} />

      <fieldset class="group">
        <legend>{t('optWorkingHours')}</legend>
        <Checkbox id="opt-wh-enabled" label={t('optWorkingHoursEnabled')} checked={wh.enabled} onChange={(on) => hours({ enabled: on })} />
        <fieldset class="days" disabled={!wh.enabled} aria-describedby="opt-days-hint opt-days-error">
          <legend>{t('optWorkingDays')}</legend>
          {weekOrder(locale).map((day) => (
            <span class="day" key={day}>
              <input
                type="checkbox"
                id={`opt-day-${day}`}
                checked={wh.days.includes(day)}
                aria-invalid={invalid(problems.days)}
                onChange={(e) => toggleDay(day, (e.currentTarget as HTMLInputElement).checked)}
              />
              <label for={`opt-day-${day}`}>{dayName(locale, day)}</label>
            </span>
          ))}
          <p class="hint" id="opt-days-hint">
            {t('optWorkingDaysHint')}
          </p>
          <FieldError id="opt-days-error" message={problems.days && t('optErrorNoDays')} />
        </fieldset>
        <div class="row">
          <div class="field">
            <label for="opt-wh-start">{t('optWorkStart')}</label>
            <input
              type="time"
              id="opt-wh-start"
              disabled={!wh.enabled}
              value={minutesToTime(wh.start)}
              aria-invalid={invalid(problems.start)}
              aria-describedby="opt-wh-start-error"
              onInput={(e) => hours({ start: timeToMinutes((e.currentTarget as HTMLInputElement).value) })}
            />
            <FieldError id="opt-wh-start-error" message={problems.start && t('optErrorTime')} />
          </div>
          <div class="field">
            <label for="opt-wh-end">{t('optWorkEnd')}</label>
            <input
              type="time"
              id="opt-wh-end"
              disabled={!wh.enabled}
              value={minutesToTime(wh.end)}
              aria-invalid={invalid(problems.end)}
              aria-describedby="opt-wh-end-error"
              onInput={(e) => hours({ end: endTimeToMinutes((e.currentTarget as HTMLInputElement).value) })}
            />
            <FieldError
              id="opt-wh-end-error"
              message={problems.end === 'beforeStart' ? t('optErrorEndBeforeStart') : problems.end && t('optErrorTime')}
            />
          </div>
        </div>
      </fieldset>

      <div class="field">
        <label for="opt-time-zone">{t('optTimeZone')}</label>
        <select
          id="opt-time-zone"
          value={draft.schedule.timeZone}
          aria-invalid={invalid(problems.timeZone)}
          aria-describedby="opt-time-zone-error"
          onChange={(e) => schedule({ timeZone: (e.currentTarget as HTMLSelectElement).value })}
        >
          {zoneList.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        {draft.schedule.timeZone !== here && (
          <button type="button" class="link" onClick={() => schedule({ timeZone: here })}>
            {t('optUseBrowserTimeZone', [here.replace(/_/g, ' ')])}
          </button>
        )}
        <FieldError id="opt-time-zone-error" message={problems.timeZone && t('optErrorTimeZone')} />
      </div>
    </Section>
  );
}
