import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import type { HistorySummary } from '../core/protocol/messages';
import { RETENTION_CHOICES, type RetentionMonths } from '../core/retention';
import type { Settings } from '../core/settings';
import { errorMessage, optionsApi } from './api';
import { download, localDate } from './download';
import { Section } from './fields';
import { formatDateTime, useI18n } from './i18n';

export interface HistoryProps {
  client: Client;
  draft: Settings;
  update(change: (s: Settings) => Settings): void;
}

/**
 * How long finished reminders are kept, and — for the value chosen, before it
 * is saved — what the clean-ups of the next 30 days will remove, with an
 * export right there. No prompt elsewhere: the offer is where the decision is.
 */
export function HistorySection({ client, draft, update }: HistoryProps) {
  const { t, locale } = useI18n();
  const api = useMemo(() => optionsApi(client), [client]);
  const months = draft.retentionMonths;
  const [summary, setSummary] = useState<HistorySummary | null>(null);
  const [exported, setExported] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.historySummary(months as RetentionMonths).then(
      (s) => live && setSummary(s),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [api, months]);

  const choice = (m: number) => (m === 0 ? t('optRetentionForever') : m % 12 === 0 ? t('optRetentionYears', [String(m / 12)]) : t('optRetentionMonths', [String(m)]));

  const exportJson = async () => {
    setBusy(true);
    setExported(null);
    try {
      const name = `follow-through-backup-${localDate()}.json`;
      download(await api.exportJson(), name, 'application/json');
      setExported({ ok: true, text: t('optExportDone', [name]) });
    } catch (e) {
      setExported({ ok: false, text: t('optExportFailed', [errorMessage(e)]) });
    } finally {
      setBusy(false);
    }
  };

  const firstRemoval = summary && summary.firstRemovalAt > Date.now() ? formatDateTime(locale, summary.firstRemovalAt) : undefined;
  return (
    <Section id="history" title={t('optHistoryTitle')}>
      <div class="field">
        <label for="opt-retention">{t('optRetention')}</label>
        <select
          id="opt-retention"
          value={String(months)}
          aria-describedby="opt-retention-hint opt-retention-summary"
          onChange={(e) => {
            const value = Number((e.currentTarget as HTMLSelectElement).value);
            update((s) => ({ ...s, retentionMonths: value }));
          }}
        >
          {RETENTION_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {choice(m)}
            </option>
          ))}
        </select>
        <p class="hint" id="opt-retention-hint">
          {t('optRetentionHint')}
        </p>
      </div>
      {/* Not a second role=status: the form has one (save state); the select is described by this text. */}
      <p id="opt-retention-summary" class="hint" aria-live="polite">
        {summary &&
          [
            t('optHistoryCount', [String(summary.finished)]),
            months === 0
              ? t('optHistoryForever')
              : summary.soon === 0
                ? t('optHistoryNone')
                : firstRemoval
                  ? t('optHistorySoonFrom', [String(summary.soon), firstRemoval])
                  : t('optHistorySoon', [String(summary.soon)]),
            summary.lastRun ? t('optHistoryLastRun', [formatDateTime(locale, summary.lastRun.at), String(summary.lastRun.removed)]) : '',
          ]
            .filter(Boolean)
            .join(' ')}
      </p>
      {summary && months !== 0 && summary.soon > 0 && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void exportJson()}>
            {t('optExportJson')}
          </button>
        </div>
      )}
      {exported && (
        <p class={exported.ok ? 'outcome' : 'outcome error'} aria-live="polite">
          {exported.text}
        </p>
      )}
    </Section>
  );
}
