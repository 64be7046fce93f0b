import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import type { Settings } from '../core/settings';
import { errorMessage, optionsApi } from './api';
import { hasProblems, validateSettings, type SettingsProblems } from './validate';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

export interface SettingsForm {
  /** The edited copy; null until loaded. */
  draft: Settings | null;
  saved: Settings | null;
  loadError: string | null;
  problems: SettingsProblems;
  dirty: boolean;
  status: SaveStatus;
  update(change: (s: Settings) => Settings): void;
  /** Saves the draft unless it has problems; resolves to whether it was saved. */
  save(): Promise<boolean>;
  reload(): Promise<void>;
}

const same = (a: Settings | null, b: Settings | null) => JSON.stringify(a) === JSON.stringify(b);

/** Loads the settings, keeps an edited draft, validates it and saves it with settings.set. */
export function useSettingsForm(client: Client): SettingsForm {
  const api = useMemo(() => optionsApi(client), [client]);
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef<Settings | null>(null);
  latest.current = draft;

  const reload = useCallback(
    () =>
      api.getSettings().then(
        (s) => {
          setSaved(s);
          setDraft(s);
          setLoadError(null);
        },
        (e: unknown) => setLoadError(errorMessage(e)),
      ),
    [api],
  );
  useEffect(() => void reload(), [reload]);

  const problems = useMemo(() => (draft ? validateSettings(draft) : {}), [draft]);

  const update = useCallback((change: (s: Settings) => Settings) => {
    setDraft((d) => (d ? change(d) : d));
    setStatus({ kind: 'idle' });
  }, []);

  const save = async (): Promise<boolean> => {
    const sent = latest.current;
    if (!sent) return false;
    if (hasProblems(validateSettings(sent))) {
      setStatus({ kind: 'invalid' });
      return false;
    }
    setStatus({ kind: 'saving' });
    try {
      const stored = await api.saveSettings(sent);
      setSaved(stored);
      // Edits made while saving stay in the draft.
      setDraft((d) => (d === sent ? stored : d));
      setStatus(latest.current === sent ? { kind: 'saved' } : { kind: 'idle' });
      return true;
    } catch (e) {
      setStatus({ kind: 'failed', message: errorMessage(e) });
      return false;
    }
  };

  return { draft, saved, loadError, problems, dirty: !same(draft, saved), status, update, save, reload };
}
