import { useMemo, useState } from 'preact/hooks';
import { describeRecipients, subjectOf } from '../core/notification-text';
import type { Settings } from '../core/settings';
import { renderFollowUp, type FollowUpTemplate } from '../core/templates';
import { useI18n } from './i18n';
import { sampleReminder } from './template-edits';
import type { PreviewReminders } from './useTemplateReminders';

export interface TemplatePreviewProps {
  template: FollowUpTemplate;
  /** The settings being edited: the preview shows unsaved changes. */
  draft: Settings;
  reminders: PreviewReminders;
  now: number;
}

/** The template filled from one of the user's stored reminders (a labelled sample when there are none). */
export function TemplatePreview({ template, draft, reminders, now }: TemplatePreviewProps) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<string>('');
  const stored = reminders.kind === 'ready' ? reminders.reminders : [];
  const reminder = stored.find((r) => r.id === chosen) ?? stored[0] ?? sampleReminder(template.locale, Object.keys(draft.replies.aliases)[0] ?? 'me@example.com', now);
  // The date reads as the UI language writes it when the template is in that language ("3 December" in en-GB).
  const formatLocale = locale.toLowerCase().startsWith(template.locale) ? locale : template.locale;
  const text = useMemo(
    () => renderFollowUp(reminder, draft, { locale: template.locale, now, templateId: template.id, formatLocale }).text,
    [reminder, draft, template, now, formatLocale],
  );

  return (
    <div class="tpl-preview">
      <h3 id="tpl-preview-title">{t('tplPreviewTitle')}</h3>
      {reminders.kind === 'loading' ? (
        <p class="hint">{t('tplPreviewLoading')}</p>
      ) : stored.length > 0 ? (
        <div class="field">
          <label for="tpl-preview-with">{t('tplPreviewWith')}</label>
          <select id="tpl-preview-with" value={reminder.id} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
            {stored.map((r) => (
              <option key={r.id} value={r.id}>
                {t('tplPreviewOption', [subjectOf(r, t), describeRecipients(r.thread.recipients, t)])}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p class="hint" id="tpl-preview-sample">
          {reminders.kind === 'failed' ? t('tplPreviewFailed') : t('tplPreviewSample')}
        </p>
      )}
      <pre class="preview" id="tpl-preview-text">
        {text}
      </pre>
    </div>
  );
}
