import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import type { StoredIntegration } from '../core/integration';
import { errorMessage, optionsApi, type Diagnostics } from './api';

export interface DiagnosticsState {
  data: Diagnostics | null;
  /** Integration reports: from diagnostics, or from integration.get when diagnostics failed. */
  integration: StoredIntegration[];
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads diagnostics.get (and falls back to integration.get for the accounts if that fails). */
export function useDiagnostics(client: Client): DiagnosticsState {
  const api = useMemo(() => optionsApi(client), [client]);
  const [data, setData] = useState<Diagnostics | null>(null);
  const [integration, setIntegration] = useState<StoredIntegration[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const d = await api.diagnostics();
      setData(d);
      setIntegration(d.integration);
      setError(null);
    } catch (e) {
      setData(null);
      setError(errorMessage(e));
      setIntegration(await api.integration().catch(() => []));
    } finally {
      setLoading(false);
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);

  return { data, integration, error, loading, reload };
}
