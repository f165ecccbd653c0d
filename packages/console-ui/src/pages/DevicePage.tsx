import type { DeviceDetail, DeviceMergeResponse, DeviceSummary } from '@deskside/protocol';
import { useCallback, useEffect } from 'react';
import { useDeviceDetail } from './use-device-detail.js';
import type { AssetApi } from '../api/asset-api.js';
import { AssetPanel } from '../components/AssetPanel.js';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { DeviceAlertsPanel } from '../components/DeviceAlertsPanel.js';
import { HealthChart } from '../components/HealthChart.js';
import { InventoryPanels } from '../components/InventoryPanels.js';
import { ChangesPanel } from '../components/inventory/ChangesPanel.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { SafeText } from '../components/SafeText.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDateTime } from '../format/relative-time.js';
import { latestWifi } from '../format/wifi-signal.js';
import { revealControlsText } from '../format/reveal-controls.js';
import type { AlertsView } from '../state/use-alerts.js';
import type { LoadHourly } from '../state/use-hourly-health.js';

export interface DevicePageProps {
  id: string;
  api: HttpClient;
  /** The device's row from the live feed: the header follows it as changes arrive. */
  summary: DeviceSummary | undefined;
  /** Asset fields (issue 6); the panel is left out when absent. */
  assetApi?: AssetApi;
  /** The live alerts and their actions (the device's Alerts panel). */
  alerts: AlertsView;
}

/** One device: live header, then its inventory, probe reports and recent health. */
export function DevicePage({ assetApi, id, api, summary, alerts }: DevicePageProps) {
  const { state, reload } = useDeviceDetail(api, id);
  const now = useNow(15_000);
  const detail = state.kind === 'loaded' ? state.detail : null;
  const head: DeviceSummary | DeviceDetail | null = summary ?? detail;
  // A new loader for each loaded detail, so Refresh (which reloads the detail) also re-fetches the
  // 7- and 30-day hours the chart shows.
  const loadHourly = useCallback((from: Date, to: Date) => api.deviceHealthHourly(id, from, to), [api, id, detail]);

  useEffect(() => {
    document.title = head ? `${revealControlsText(head.hostname)} · Deskside` : 'Device · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, [head]);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/devices">Devices</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{head ? <SafeText value={head.hostname} /> : 'Device'}</span>
      </nav>
      <div className="page-header device-header">
        <h1 data-testid="device-hostname">{head ? <SafeText value={head.hostname} /> : 'Device'}</h1>
        {head && <StatusBadge status={head.status} testId="device-status" />}
        {head && (
          <span className="page-meta">
            Last seen <RelativeTime value={head.lastSeen} now={now} />
          </span>
        )}
        <button
          type="button"
          className="button header-action"
          onClick={reload}
          disabled={state.kind === 'loading' || (state.kind === 'loaded' && state.refreshing)}
        >
          {state.kind === 'loaded' && state.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>

      {state.kind === 'loading' && (
        <p className="panel muted" role="status">
          Loading device…
        </p>
      )}
      {state.kind === 'error' && (
        <div className="panel error-panel" role="alert" data-testid="device-error">
          <p>{state.message}</p>
          <p>
            {state.notFound ? <a href="#/devices">Back to the device list</a> : <button type="button" className="button" onClick={reload}>Try again</button>}
          </p>
        </div>
      )}
      {detail && (
        <DeviceAlertsPanel
          deviceId={id}
          api={api}
          alerts={alerts}
          detailAlerts={detail.alerts}
          maintenanceUntil={detail.maintenanceUntil}
          now={now}
        />
      )}
      {detail && assetApi && <AssetPanel api={assetApi} deviceId={id} />}
      {detail && <DeviceBody detail={detail} loadHourly={loadHourly} merge={(oldId, intoId) => api.mergeDevice(oldId, intoId)} onMerged={reload} />}
    </>
  );
}

interface DeviceBodyProps {
  detail: DeviceDetail;
  loadHourly: LoadHourly;
  merge: (oldId: string, intoId: string) => Promise<DeviceMergeResponse>;
  onMerged: () => void;
}

function DeviceBody({ detail, loadHourly, merge, onMerged }: DeviceBodyProps) {
  return (
    <div className="device-body">
      <section className="panel" aria-labelledby="health-title" data-testid="health-section">
        <h2 id="health-title">Health</h2>
        <HealthChart health={detail.health} loadHourly={loadHourly} />
      </section>
      {detail.inventory === null ? (
        <section className="panel empty-state" data-testid="no-inventory">
          <h2>No inventory yet</h2>
          <p className="muted">
            The agent has not sent an inventory for this device. It does so shortly after it first connects; check
            that the agent is running.
          </p>
        </section>
      ) : (
        <>
          <p className="muted inventory-meta">
            Inventory collected {formatDateTime(detail.inventory.collectedAt)} by agent{' '}
            <SafeText value={detail.inventory.agentVersion} />
            {detail.inventoryUpdatedAt ? `, received ${formatDateTime(detail.inventoryUpdatedAt)}` : ''}
          </p>
          <InventoryPanels inventory={detail.inventory} wifiSignal={latestWifi(detail.health)} />
        </>
      )}
      <ChangesPanel
        changes={detail.changes ?? []}
        candidate={detail.sameAssetCandidate}
        mergedIntoId={detail.mergedIntoId}
        merge={{ deviceId: detail.id, hasInventory: detail.inventory !== null, call: merge, onMerged }}
      />
    </div>
  );
}
