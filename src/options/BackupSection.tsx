import { useMemo, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import { MAX_BACKUP_CHARS } from '../core/protocol/schemas';
import { errorMessage, optionsApi } from './api';
import { download, localDate } from './download';
import { Section } from './fields';
import { useI18n } from './i18n';

export interface BackupProps {
  client: Client;
  /** Called after a successful import (settings and counts may have changed). */
  onImported(): void;
}

type Outcome = { ok: boolean; text: string } | null;

export function BackupSection({ client, onImported }: BackupProps) {
  const { t } = useI18n();
  const api = useMemo(() => optionsApi(client), [client]);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Outcome>(null);
  const [imported, setImported] = useState<Outcome>(null);

  const run = async (work: () => Promise<string>, show: (o: Outcome) => void, failed: (message: string) => string) => {
    setBusy(true);
    show(null);
    try {
      show({ ok: true, text: await work() });
    } catch (e) {
      show({ ok: false, text: failed(errorMessage(e)) });
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () =>
    run(
      async () => {
        const name = `follow-through-backup-${localDate()}.json`;
        download(await api.exportJson(), name, 'application/json');
        return t('optExportDone', [name]);
      },
      setExported,
      (m) => t('optExportFailed', [m]),
    );

  const exportIcs = () =>
    run(
      async () => {
        const name = `follow-through-reminders-${localDate()}.ics`;
        download(await api.exportIcs(), name, 'text/calendar');
        return t('optExportDone', [name]);
      },
      setExported,
      (m) => t('optExportFailed', [m]),
    );

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void run(
      async () => {
        if (file.size > MAX_BACKUP_CHARS) throw new Error(t('optImportTooLarge'));
        const result = await api.importJson(await file.text());
        onImported();
        return t('optImportDone', [String(result.imported), String(result.replaced)]);
      },
      setImported,
      // The message is followed by ". Nothing was changed.": drop its own final full stop.
      (m) => t('optImportFailed', [m.replace(/[.\s]+$/, '')]),
    ).finally(() => (input.value = ''));
  };

  return (
    <Section id="backup" title={t('optBackupTitle')}>
      <p class="intro">{t('optBackupIntro')}</p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void exportJson()}>
          {t('optExportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportIcs()}>
          {t('optExportIcs')}
        </button>
      </div>
      <p class={exported?.ok === false ? 'outcome error' : 'outcome'} role="status" aria-live="polite">
        {exported?.text}
      </p>
      <div class="field">
        <label for="opt-import">{t('optImport')}</label>
        <input
          type="file"
          id="opt-import"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby="opt-import-hint opt-import-result"
          onChange={(e) => importFile(e.currentTarget as HTMLInputElement)}
        />
        <p class="hint" id="opt-import-hint">
          {t('optImportHint')}
        </p>
        <p id="opt-import-result" class={imported?.ok === false ? 'outcome error' : 'outcome'} role="status" aria-live="polite">
          {imported?.text}
        </p>
      </div>
    </Section>
  );
}
