import type { Alert } from '@deskside/protocol';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AlertList } from './AlertList.js';
import { MaintenanceToggle } from './MaintenanceToggle.js';
import type { HttpClient } from '../api/http-client.js';
import { useAlertQuery } from '../pages/use-alert-query.js';
import { compareAlerts } from '../state/alerts-store.js';
import type { AlertsView } from '../state/use-alerts.js';

export interface DeviceAlertsPanelProps {
  deviceId: string;
  api: HttpClient;
  alerts: AlertsView;
  /** The device detail's alerts, used until the live feed has its snapshot. */
  detailAlerts: readonly Alert[] | undefined;
  maintenanceUntil: string | null | undefined;
  now: number;
}

const HISTORY = 10;

/** A device's unresolved alerts (live, with actions), maintenance mode, and its recently resolved alerts. */
export function DeviceAlertsPanel({ deviceId, api, alerts, detailAlerts, maintenanceUntil, now }: DeviceAlertsPanelProps) {
  const open = useMemo(() => {
    const source = alerts.state.loaded ? alerts.state.live : [...(detailAlerts ?? [])].sort(compareAlerts);
    return source.filter((a) => a.deviceId === deviceId && a.state !== 'resolved');
  }, [alerts.state.loaded, alerts.state.live, detailAlerts, deviceId]);

  // Fetch the history again when one of this device's alerts leaves the live list (it resolved).
  const [generation, setGeneration] = useState(0);
  const shown = useRef<readonly string[]>([]);
  const openKey = open.map((a) => a.id).join(' ');
  useEffect(() => {
    const ids = new Set(openKey.split(' ').filter(Boolean));
    if (shown.current.some((id) => !ids.has(id))) setGeneration((n) => n + 1);
    shown.current = [...ids];
  }, [openKey]);

  const history = useAlertQuery(api, { deviceId, state: 'resolved' }, generation);
  const resolved = useMemo(
    () =>
      history.kind === 'loaded'
        ? [...history.alerts].sort((a, b) => Date.parse(b.resolvedAt ?? b.updatedAt) - Date.parse(a.resolvedAt ?? a.updatedAt)).slice(0, HISTORY)
        : [],
    [history],
  );

  return (
    <section className="panel device-alerts" aria-labelledby="device-alerts-title" data-testid="device-alerts">
      <div className="panel-head">
        <h2 id="device-alerts-title">
          Alerts <span className="muted">({open.length})</span>
        </h2>
        <MaintenanceToggle deviceId={deviceId} api={api} initial={maintenanceUntil} now={now} />
      </div>
      <AlertList
        alerts={open}
        now={now}
        actions={alerts.actions}
        failure={alerts.failure}
        showDevice={false}
        label="Unresolved alerts of this device"
        testId="device-alert-list"
        emptyText="No unresolved alerts on this device."
      />
      <details className="alert-history" data-testid="device-alert-history">
        <summary>Recently resolved</summary>
        {history.kind === 'error' ? (
          <p className="muted">{history.message}</p>
        ) : (
          <AlertList
            alerts={resolved}
            now={now}
            actions={null}
            showDevice={false}
            label="Recently resolved alerts"
            testId="device-alert-history-list"
            emptyText={history.kind === 'loaded' ? 'Nothing resolved recently.' : 'Loading…'}
          />
        )}
      </details>
    </section>
  );
}
