import type { Client } from '../core/protocol/client';
import { FAILURE_KEYS } from '../core/explanation';
import { INTEGRATION_CHECKS, type CheckState, type IntegrationCheck, type StoredIntegration } from '../core/integration';
import type { CheckFailure, ReminderStatus } from '../core/reminder';
import type { Translate } from '../core/notification-text';
import { DeleteAll } from './DeleteAll';
import { Section } from './fields';
import { formatDateTime, useI18n } from './i18n';
import type { DiagnosticsState } from './useDiagnostics';

export interface DiagnosticsProps {
  client: Client;
  diagnostics: DiagnosticsState;
  onDeleted(): void;
}

const STATUSES: readonly ReminderStatus[] = ['pending', 'snoozed', 'notified', 'replied', 'done', 'cancelled'];

function checkName(t: Translate, check: IntegrationCheck): string {
  switch (check) {
    case 'composeButton':
      return t('optCheckComposeButton');
    case 'sendHook':
      return t('optCheckSendHook');
    case 'threadId':
      return t('optCheckThreadId');
    case 'threadToolbar':
      return t('optCheckThreadToolbar');
    case 'account':
      return t('optCheckAccount');
  }
}

function statusName(t: Translate, status: ReminderStatus): string {
  switch (status) {
    case 'pending':
      return t('optStatusPending');
    case 'snoozed':
      return t('optStatusSnoozed');
    case 'notified':
      return t('optStatusNotified');
    case 'replied':
      return t('optStatusReplied');
    case 'done':
      return t('optStatusDone');
    case 'cancelled':
      return t('optStatusCancelled');
  }
}

const SYMBOL: Record<CheckState, string> = { ok: '✓', missing: '✗', unknown: '?' };

function stateText(t: Translate, state: CheckState): string {
  return state === 'ok' ? t('optCheckOk') : state === 'missing' ? t('optCheckMissing') : t('optCheckUnknown');
}

const failureText = (t: Translate, failure: string) =>
  Object.hasOwn(FAILURE_KEYS, failure) ? t(FAILURE_KEYS[failure as CheckFailure]) : failure;

function IntegrationReport({ report }: { report: StoredIntegration }) {
  const { t, locale } = useI18n();
  const account = report.account ?? t('optUnknownAccount');
  return (
    <div class="report">
      <h4>{account}</h4>
      <p class="hint">{t('optReportedAt', [formatDateTime(locale, report.at)])}</p>
      <ul class="checks" aria-label={t('optChecksOf', [account])}>
        {INTEGRATION_CHECKS.map((check) => {
          const state = report.checks[check] ?? 'unknown';
          return (
            <li key={check} class={`state-${state}`}>
              <span class="check-name">{checkName(t, check)}</span>{' '}
              <span class="symbol" aria-hidden="true">
                {SYMBOL[state]}
              </span>{' '}
              <span class="state">{stateText(t, state)}</span>
            </li>
          );
        })}
      </ul>
      {report.notes.length > 0 && (
        <ul class="notes" aria-label={t('optNotes')}>
          {report.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function DiagnosticsSection({ client, diagnostics, onDeleted }: DiagnosticsProps) {
  const { t, locale } = useI18n();
  const { data, integration, error, loading } = diagnostics;
  const when = (ms: number) => formatDateTime(locale, ms);

  return (
    <Section id="diagnostics" title={t('optDiagnosticsTitle')}>
      {error && (
        <p class="error" role="alert">
          {t('optDiagnosticsError', [error])}
        </p>
      )}
      {loading && !data && <p class="hint">{t('optLoading')}</p>}

      <h3>{t('optIntegrationTitle')}</h3>
      {integration.length === 0 ? (
        <p class="hint">{t('optIntegrationNone')}</p>
      ) : (
        integration.map((report) => <IntegrationReport key={report.account ?? ''} report={report} />)
      )}

      {data && (
        <>
          <h3>{t('optReplyChecksTitle')}</h3>
          {data.lastChecks.length === 0 ? (
            <p class="hint">{t('optReplyChecksNone')}</p>
          ) : (
            <ul class="plain">
              {data.lastChecks.map((c) => (
                <li key={c.account}>
                  <strong>{c.account}</strong>
                  <div>{c.lastOk !== undefined ? t('optLastCheckOk', [when(c.lastOk)]) : t('optLastCheckNever')}</div>
                  {c.lastFailure && <div class="error">{t('optLastFailure', [when(c.lastFailure.at), failureText(t, c.lastFailure.failure)])}</div>}
                </li>
              ))}
            </ul>
          )}

          <h3>{t('optRecentErrorsTitle')}</h3>
          {data.recentErrors.length === 0 ? (
            <p class="hint">{t('optRecentErrorsNone')}</p>
          ) : (
            <ul class="plain errors">
              {data.recentErrors.map((e, i) => (
                <li key={i}>
                  <time dateTime={new Date(e.at).toISOString()}>{when(e.at)}</time> <span class="message">{e.message}</span>
                </li>
              ))}
            </ul>
          )}

          <h3>{t('optRemindersTitle')}</h3>
          <dl class="counts">
            {STATUSES.map((s) => (
              <div key={s}>
                <dt>{statusName(t, s)}</dt>
                <dd>{data.counts[s] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <p>{t('optVersion', [data.version])}</p>
        </>
      )}
      <button type="button" onClick={() => void diagnostics.reload()} disabled={loading}>
        {t('optRefresh')}
      </button>

      <DeleteAll client={client} onDeleted={onDeleted} />
    </Section>
  );
}
