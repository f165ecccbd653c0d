import { useEffect, useMemo, useState } from 'react';
import { useAlertQuery } from './use-alert-query.js';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { AlertFilters } from '../components/AlertFilters.js';
import { AlertList } from '../components/AlertList.js';
import { alertDevices, DEFAULT_ALERT_FILTER, filterAlerts, type AlertFilter } from '../state/alert-filter.js';
import { compareAlerts } from '../state/alerts-store.js';
import type { AlertsView } from '../state/use-alerts.js';
import { formatNumber } from '../format/relative-time.js';

export interface AlertsPageProps {
  alerts: AlertsView;
  api: HttpClient;
}

/** The live alert feed with filters and actions; resolved alerts come from the hub's history on request. */
export function AlertsPage({ alerts, api }: AlertsPageProps) {
  const [filter, setFilter] = useState<AlertFilter>(DEFAULT_ALERT_FILTER);
  const now = useNow(15_000);
  const history = filter.state === 'resolved';
  const query = history
    ? { state: 'resolved' as const, ...(filter.severity === 'all' ? {} : { severity: filter.severity }), ...(filter.deviceId === 'all' ? {} : { deviceId: filter.deviceId }) }
    : null;
  const resolved = useAlertQuery(api, query);

  useEffect(() => {
    document.title = 'Alerts · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, []);

  const live = alerts.state.live;
  const source = history ? (resolved.kind === 'loaded' ? [...resolved.alerts].sort(compareAlerts) : []) : live;
  const visible = useMemo(() => filterAlerts(source, filter), [source, filter]);
  const devices = useMemo(() => {
    const list = alertDevices(history ? source : live);
    // Keep the chosen device pickable even after its last alert went away.
    if (filter.deviceId !== 'all' && !list.some((d) => d.id === filter.deviceId)) list.unshift({ id: filter.deviceId, hostname: 'Selected device' });
    return list;
  }, [history, source, live, filter.deviceId]);

  const loading = history ? resolved.kind === 'loading' || resolved.kind === 'idle' : !alerts.state.loaded;
  return (
    <>
      <div className="page-header">
        <h1>Alerts</h1>
        <p className="page-meta" aria-live="polite" data-testid="alerts-count">
          {loading ? 'Loading…' : `${formatNumber(visible.length)} ${history ? 'resolved' : 'unresolved'} alert${visible.length === 1 ? '' : 's'}`}
        </p>
      </div>
      {alerts.error !== null && !history && (
        <p className="stale-note" role="status">
          Live alerts are not up to date: {alerts.error}
        </p>
      )}
      <AlertFilters filter={filter} devices={devices} onChange={setFilter} />
      {history && resolved.kind === 'error' ? (
        <p className="form-error" role="alert">
          {resolved.message}
        </p>
      ) : (
        <AlertList
          alerts={visible}
          now={now}
          actions={history ? null : alerts.actions}
          failure={alerts.failure}
          label={history ? 'Resolved alerts' : 'Live alerts'}
          testId="alert-feed"
          emptyText={
            loading
              ? 'Loading alerts…'
              : history
                ? 'No resolved alert matches these filters.'
                : live.length === 0
                  ? 'No unresolved alerts. Everything the agents check is fine.'
                  : 'No alert matches these filters.'
          }
        />
      )}
    </>
  );
}
