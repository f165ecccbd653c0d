import type { Alert, AlertListQuery } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';

export type AlertQueryState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; alerts: Alert[] } | { kind: 'error'; message: string };

/**
 * `GET /api/v1/alerts` for what the live feed does not carry (resolved history). `query` null: no
 * request. `generation` re-runs it (e.g. after an alert was resolved on the page).
 */
export function useAlertQuery(api: HttpClient, query: AlertListQuery | null, generation = 0): AlertQueryState {
  const [state, setState] = useState<AlertQueryState>({ kind: 'idle' });
  // Compared by value: callers build the query object inline on every render.
  const key = query === null ? null : JSON.stringify([query.state ?? null, query.severity ?? null, query.deviceId ?? null]);

  useEffect(() => {
    if (key === null || query === null) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState((previous) => (previous.kind === 'loaded' ? previous : { kind: 'loading' }));
    api.listAlerts(query).then(
      (alerts) => {
        if (!cancelled) setState({ kind: 'loaded', alerts });
      },
      () => {
        if (!cancelled) setState({ kind: 'error', message: 'The hub could not load these alerts.' });
      },
    );
    return () => {
      cancelled = true;
    };
    // `key` stands for `query`, which callers build inline on every render.
  }, [api, key, generation]);

  return state;
}
