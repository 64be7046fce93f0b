import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import { errorMessage, optionsApi } from './api';
import { FieldError } from './fields';
import { useI18n } from './i18n';

export interface DeleteAllProps {
  client: Client;
  /** Called after everything was deleted. */
  onDeleted(): void;
}

/** "Delete all my data": a second step where the user types a word before anything is sent. */
export function DeleteAll({ client, onDeleted }: DeleteAllProps) {
  const { t } = useI18n();
  const api = useMemo(() => optionsApi(client), [client]);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [wrongWord, setWrongWord] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const word = t('optDeleteWord');

  useEffect(() => {
    if (confirming) input.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    setTyped('');
    setWrongWord(false);
    // After the re-render that shows the opener again.
    setTimeout(() => opener.current?.focus());
  };

  const confirm = async () => {
    if (typed.trim().toLocaleLowerCase() !== word.toLocaleLowerCase()) return setWrongWord(true);
    setBusy(true);
    try {
      const deleted = await api.deleteAll();
      setOutcome({ ok: true, text: t('optDeleted', [String(deleted)]) });
      setConfirming(false);
      setTyped('');
      onDeleted();
    } catch (e) {
      setOutcome({ ok: false, text: t('optDeleteFailed', [errorMessage(e)]) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="danger">
      <h3>{t('optDeleteTitle')}</h3>
      <p class="intro">{t('optDeleteIntro')}</p>
      {!confirming ? (
        <button
          type="button"
          class="danger-button"
          ref={opener}
          onClick={() => {
            setOutcome(null);
            setConfirming(true);
          }}
        >
          {t('optDeleteAll')}
        </button>
      ) : (
        <div
          class="confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <div class="field">
            <label for="opt-delete-confirm">
              {t('optDeleteConfirmLabel', [word])}
            </label>
            <input
              type="text"
              id="opt-delete-confirm"
              ref={input}
              value={typed}
              autoComplete="off"
              aria-invalid={wrongWord ? 'true' : undefined}
              aria-describedby="opt-delete-confirm-error"
              onInput={(e) => {
                setTyped((e.currentTarget as HTMLInputElement).value);
                setWrongWord(false);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void confirm();
                }
              }}
            />
            <FieldError id="opt-delete-confirm-error" message={wrongWord ? t('optDeleteWrongWord', [word]) : undefined} />
          </div>
          <div class="actions">
            <button type="button" class="danger-button" disabled={busy} onClick={() => void confirm()}>
              {t('optDeleteConfirm')}
            </button>
            <button type="button" onClick={cancel}>
              {t('optCancel')}
            </button>
          </div>
        </div>
      )}
      <p class={outcome?.ok === false ? 'outcome error' : 'outcome'} role="status" aria-live="polite">
        {outcome?.text}
      </p>
    </div>
  );
}
