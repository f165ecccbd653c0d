import type { DeviceDetail, DeviceMergeResponse, DeviceSummary, Ticket } from '@deskside/protocol';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useDeviceDetail } from './use-device-detail.js';
import type { AssetApi } from '../api/asset-api.js';
import { AssetPanel } from '../components/AssetPanel.js';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { DeviceAlertsPanel } from '../components/DeviceAlertsPanel.js';
import { HealthChart } from '../components/HealthChart.js';
import { InventoryPanels, type InventoryPanelName } from '../components/InventoryPanels.js';
import { ChangesPanel } from '../components/inventory/ChangesPanel.js';
import { SafeText } from '../components/SafeText.js';
import { DeviceHeader } from '../components/device/DeviceHeader.js';
import { DeviceTickets } from '../components/device/DeviceTickets.js';
import { JumpBar } from '../components/device/JumpBar.js';
import { FixPanel } from '../components/fixes/FixPanel.js';
import { formatDateTime } from '../format/relative-time.js';
import { latestWifi } from '../format/wifi-signal.js';
import { revealControlsText } from '../format/reveal-controls.js';
import type { AlertsView } from '../state/use-alerts.js';

export interface DevicePageProps {
  id: string;
  api: HttpClient;
  /** The device's row from the live feed: the header follows it as changes arrive. */
  summary: DeviceSummary | undefined;
  /** Asset fields (issue 6); the panel is left out when absent. */
  assetApi?: AssetApi;
  /** The live alerts and their actions (the device's Alerts panel). */
  alerts: AlertsView;
  /** The live tickets (the device's Tickets panel). */
  tickets?: { byId: ReadonlyMap<string, Ticket>; loaded: boolean };
  /** The section to scroll to (`?tab=software`). */
  section?: string | undefined;
  /**
   * Whether this user may merge a reinstalled PC's old record (it revokes that record: admins
   * only, as the hub enforces). Without it the candidate is only named.
   */
  canMerge?: boolean;
}

const HARDWARE: readonly InventoryPanelName[] = ['system', 'os', 'cpu', 'memory', 'disks', 'volumes', 'network', 'hardware', 'graphics', 'monitors', 'battery', 'printers', 'usbDevices'];

/** One device: a summary header, a sticky jump bar, then alerts and tickets, health, hardware, software, security, services, history, asset. */
export function DevicePage({ assetApi, id, api, summary, alerts, tickets, section, canMerge = false }: DevicePageProps) {
  const { state, reload } = useDeviceDetail(api, id);
  const now = useNow(15_000);
  const detail = state.kind === 'loaded' ? state.detail : null;
  const head: DeviceSummary | DeviceDetail | null = summary ?? detail;
  // A new loader for each loaded detail, so Refresh (which reloads the detail) also re-fetches the
  // 7- and 30-day hours the chart shows.
  const loadHourly = useCallback((from: Date, to: Date) => api.deviceHealthHourly(id, from, to), [api, id, detail]);
  const deviceTickets = useMemo(
    () => [...(tickets?.byId.values() ?? [])].filter((t) => t.deviceId === id && t.status !== 'closed' && t.mergedIntoId === null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [tickets, id],
  );
  const inv = detail?.inventory ?? null;

  useEffect(() => {
    document.title = head ? `${revealControlsText(head.hostname)} · Deskside` : 'Device · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, [head]);
  // A link to a section (`?tab=software`, a search result) scrolls there once the page has it.
  useEffect(() => {
    if (section && detail) document.getElementById(`dev-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section, detail !== null]);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/devices">Devices</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{head ? <SafeText value={head.hostname} /> : 'Device'}</span>
      </nav>
      <DeviceHeader
        id={id}
        head={head}
        detail={detail}
        alerts={alerts.state.live}
        openTickets={deviceTickets.length}
        now={now}
        refreshing={state.kind === 'loading' || (state.kind === 'loaded' && state.refreshing)}
        onRefresh={reload}
      />
      {state.kind === 'loading' && (
        <div className="skeleton-page" role="status" aria-live="polite">
          <span className="visually-hidden">Loading device…</span>
          <div className="skeleton skeleton-block" aria-hidden="true" />
        </div>
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
        <>
          <JumpBar
            deviceId={id}
            targets={[
              { id: 'alerts', label: 'Alerts & tickets' },
              { id: 'health', label: 'Health' },
              { id: 'hardware', label: 'Hardware' },
              { id: 'software', label: 'Software', count: inv?.software?.length },
              { id: 'security', label: 'Security & users' },
              { id: 'services', label: 'Services', count: inv?.services?.length },
              { id: 'history', label: 'History', count: detail.changes?.length },
              ...(assetApi ? [{ id: 'asset', label: 'Asset' }] : []),
            ]}
          />
          <div className="device-body">
            <div className="device-work" id="dev-alerts" tabIndex={-1}>
              <DeviceAlertsPanel deviceId={id} api={api} alerts={alerts} detailAlerts={detail.alerts} maintenanceUntil={detail.maintenanceUntil} now={now} />
              <DeviceTickets deviceId={id} tickets={deviceTickets} now={now} loaded={tickets?.loaded ?? false} />
              <FixPanel api={api} deviceId={id} online={head?.status === 'online'} now={now} />
            </div>
            <section className="panel" id="dev-health" tabIndex={-1} aria-labelledby="health-title" data-testid="health-section">
              <h2 id="health-title">Health</h2>
              <HealthChart health={detail.health} loadHourly={loadHourly} />
            </section>
            <InventoryGroups detail={detail} />
            <div id="dev-history" tabIndex={-1}>
              <DeviceHistory detail={detail} merge={canMerge ? (oldId, intoId) => api.mergeDevice(oldId, intoId) : undefined} onMerged={reload} />
            </div>
            {assetApi && (
              <div id="dev-asset" tabIndex={-1}>
                <AssetPanel api={assetApi} deviceId={id} />
              </div>
            )}
          </div>
        </>
      )}
    </>
  );
}

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="device-group" id={`dev-${id}`} tabIndex={-1} aria-label={title} data-testid={`device-group-${id}`}>
      <h2 className="device-group-title">{title}</h2>
      {children}
    </section>
  );
}

function InventoryGroups({ detail }: { detail: DeviceDetail }) {
  if (detail.inventory === null) {
    return (
      <section className="panel empty-state" id="dev-hardware" data-testid="no-inventory">
        <h2>No inventory yet</h2>
        <p className="muted">The agent has not sent an inventory for this device. It does so shortly after it first connects; check that the agent is running.</p>
      </section>
    );
  }
  const inventory = detail.inventory;
  const wifi = latestWifi(detail.health);
  return (
    <>
      <Group id="hardware" title="Hardware and network">
        <p className="muted inventory-meta">
          Inventory collected {formatDateTime(inventory.collectedAt)} by agent <SafeText value={inventory.agentVersion} />
          {detail.inventoryUpdatedAt ? `, received ${formatDateTime(detail.inventoryUpdatedAt)}` : ''}
        </p>
        <InventoryPanels inventory={inventory} wifiSignal={wifi} only={HARDWARE} />
      </Group>
      <Group id="software" title="Software">
        <InventoryPanels inventory={inventory} only={['software']} wide />
      </Group>
      <Group id="security" title="Security and users">
        <InventoryPanels inventory={inventory} only={['security', 'users']} />
      </Group>
      <Group id="services" title="Services and start-up">
        <InventoryPanels inventory={inventory} only={['services', 'startupItems', 'probes']} wide />
      </Group>
    </>
  );
}

interface DeviceHistoryProps {
  detail: DeviceDetail;
  /** Absent for users who may not merge: the candidate is shown without the action. */
  merge: ((oldId: string, intoId: string) => Promise<DeviceMergeResponse>) | undefined;
  onMerged: () => void;
}

function DeviceHistory({ detail, merge, onMerged }: DeviceHistoryProps) {
  return (
    <ChangesPanel
      changes={detail.changes ?? []}
      candidate={detail.sameAssetCandidate}
      mergedIntoId={detail.mergedIntoId}
      merge={merge ? { deviceId: detail.id, hasInventory: detail.inventory !== null, call: merge, onMerged } : undefined}
    />
  );
}
