import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import type { Translate } from '../core/notification-text';
import { AddressesSection } from './AddressesSection';
import { BackupSection } from './BackupSection';
import { DefaultsSection } from './DefaultsSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { I18nContext, useI18n } from './i18n';
import { NotificationsSection } from './NotificationsSection';
import { HistorySection } from './HistorySection';
import { ReplyRulesSection } from './ReplyRulesSection';
import { TemplatesSection } from './TemplatesSection';
import { useDiagnostics } from './useDiagnostics';
import { useSettingsForm, type SettingsForm } from './useSettings';

export interface AppProps {
  client: Client;
  t: Translate;
  locale: string;
}

/** The options page: settings (saved with one button), backup, diagnostics. */
export function App({ client, t, locale }: AppProps) {
  const i18n = useMemo(() => ({ t, locale }), [t, locale]);
  return (
    <I18nContext.Provider value={i18n}>
      <Options client={client} />
    </I18nContext.Provider>
  );
}

function statusText(t: Translate, form: SettingsForm): string {
  switch (form.status.kind) {
    case 'saving':
      return t('optSaving');
    case 'saved':
      return t('optSaved');
    case 'invalid':
      return t('optInvalid');
    case 'failed':
      return t('optSaveFailed', [form.status.message]);
    case 'idle':
      return form.dirty ? t('optUnsaved') : '';
  }
}

function Options({ client }: { client: Client }) {
  const { t } = useI18n();
  const form = useSettingsForm(client);
  const diagnostics = useDiagnostics(client);
  const formRef = useRef<HTMLFormElement>(null);
  const accounts = diagnostics.integration.flatMap((r) => (r.account ? [r.account] : []));

  useEffect(() => {
    if (!form.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [form.dirty]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (await form.save()) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };
  const refreshAll = () => {
    void form.reload();
    void diagnostics.reload();
  };
  const status = statusText(t, form);

  return (
    <div class="page">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('optNavLabel')}>
          <ul>
            <li><a href="#defaults">{t('optDefaultsTitle')}</a></li>
            <li><a href="#addresses">{t('optAddressesTitle')}</a></li>
            <li><a href="#reply-rules">{t('optReplyRulesTitle')}</a></li>
            <li><a href="#notifications">{t('optNotificationsTitle')}</a></li>
            <li><a href="#templates">{t('tplTitle')}</a></li>
            <li><a href="#history">{t('optHistoryTitle')}</a></li>
            <li><a href="#backup">{t('optBackupTitle')}</a></li>
            <li><a href="#diagnostics">{t('optDiagnosticsTitle')}</a></li>
          </ul>
        </nav>
      </header>
      <main>
        {form.loadError && (
          <p class="error" role="alert">
            {t('optLoadError', [form.loadError])}
          </p>
        )}
        {form.draft && (
          <form ref={formRef} noValidate aria-label={t('optSettingsForm')} onSubmit={(e) => void submit(e)}>
            <DefaultsSection client={client} draft={form.draft} saved={form.saved} problems={form.problems} update={form.update} />
            <AddressesSection draft={form.draft} knownAccounts={accounts} update={form.update} />
            <ReplyRulesSection draft={form.draft} update={form.update} />
            <NotificationsSection draft={form.draft} update={form.update} />
            <TemplatesSection client={client} draft={form.draft} problems={form.problems} update={form.update} />
            <HistorySection client={client} draft={form.draft} update={form.update} />
            <div class="savebar">
              <button type="submit" class="primary" disabled={form.status.kind === 'saving'}>
                {t('optSave')}
              </button>
              <p class={form.status.kind === 'invalid' || form.status.kind === 'failed' ? 'status error' : 'status'} role="status" aria-live="polite">
                {status}
              </p>
            </div>
          </form>
        )}
        <BackupSection client={client} onImported={refreshAll} />
        <DiagnosticsSection client={client} diagnostics={diagnostics} onDeleted={refreshAll} />
      </main>
    </div>
  );
}
