import type { Alert, DeviceStatus } from '@deskside/protocol';
import { useMemo, useState } from 'react';
import { deviceAlertCounts } from '../state/alert-summary.js';
import type { ConnectionState } from '../api/socket.js';
import { useNow } from '../app/use-now.js';
import type { AssetApi } from '../api/asset-api.js';
import type { HttpClient } from '../api/http-client.js';
import { DeviceTable } from '../components/DeviceTable.js';
import { ExportMenu } from '../components/ExportMenu.js';
import { FleetFilters } from '../components/FleetFilters.js';
import { StatusCounts } from '../components/StatusCounts.js';
import { filterDevices } from '../state/fleet-filter.js';
import { countByStatus, type FleetState } from '../state/fleet-store.js';
import { filterByAlertState, type DeviceAlertFilter } from '../state/device-alert-filter.js';
import { mergeMatches } from '../state/merge-matches.js';
import { useInventorySearch } from '../state/use-inventory-search.js';
import { useGroupFilter } from '../state/use-group-filter.js';
import { formatNumber } from '../format/relative-time.js';

/** How often "last seen" is re-rendered. */
const CLOCK_MS = 15_000;

/** The fleet: counts by status, search and status filter, and the live device table. */
export function FleetPage({
  fleet,
  connection,
  assetApi,
  api,
  alerts,
}: {
  fleet: FleetState;
  connection: ConnectionState;
  assetApi?: AssetApi;
  /** For the hub-side search of what the rows do not carry (user, model, serial, software). */
  api?: HttpClient;
  /** The live unresolved alerts, for the alert-state filter. */
  alerts?: readonly Alert[];
}) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DeviceStatus | 'all'>('all');
  const [alertState, setAlertState] = useState<DeviceAlertFilter>('all');
  const now = useNow(CLOCK_MS);
  const inventorySearch = useInventorySearch(api, query);
  const [group, setGroup] = useState('');
  const groupFilter = useGroupFilter(api, group);

  const counts = useMemo(() => countByStatus(fleet.sorted), [fleet.sorted]);
  const alertCounts = useMemo(() => (alerts ? deviceAlertCounts(alerts) : undefined), [alerts]);
  const visible = useMemo(() => {
    const local = filterDevices(fleet.sorted, { query, status });
    const merged = inventorySearch.ids === null ? local : mergeMatches(fleet.sorted, local, inventorySearch.ids, status);
    const inGroup = group === '' ? merged : merged.filter((d) => groupFilter.ids?.has(d.id) === true);
    return filterByAlertState(inGroup, alerts ?? [], alertState);
  }, [fleet.sorted, query, status, inventorySearch.ids, alerts, alertState, group, groupFilter.ids]);
  const filtered = query.trim() !== '' || status !== 'all' || alertState !== 'all' || group !== '';

  return (
    <>
      <div className="page-header">
        <h1>Devices</h1>
        <p className="page-meta" aria-live="polite">
          {fleet.loaded
            ? filtered
              ? `${formatNumber(visible.length)} of ${formatNumber(fleet.sorted.length)} devices`
              : `${formatNumber(fleet.sorted.length)} devices`
            : 'Loading…'}
        </p>
      </div>
      {fleet.loaded && (connection === 'reconnecting' || connection === 'refused') && (
        <p className="stale-note" role="status">
          {connection === 'refused'
            ? 'The hub closed the live connection. Reload the page to reconnect; this list is no longer updated.'
            : 'Connection to the hub lost, reconnecting… The list may be out of date until it is back.'}
        </p>
      )}
      <StatusCounts counts={counts} active={status} onSelect={setStatus} />
      <FleetFilters
        query={query}
        status={status}
        onQuery={setQuery}
        onStatus={setStatus}
        {...(alerts ? { alertState, onAlertState: setAlertState } : {})}
        searchNote={
          inventorySearch.searching
            ? 'Searching inventories…'
            : inventorySearch.failed
              ? 'Inventory search failed; showing list matches only.'
              : groupFilter.loading
                ? 'Loading the group…'
                : groupFilter.failed
                  ? 'The group could not be loaded; no device is shown.'
                  : null
        }
        groups={groupFilter.groups}
        group={group}
        onGroup={setGroup}
      />
      {assetApi && (
        <div className="fleet-asset-tools">
          <ExportMenu
            api={assetApi}
            filters={{ ...(query.trim() ? { q: query.trim() } : {}), ...(status !== 'all' ? { status } : {}) }}
            groups={groupFilter.groups}
            group={group}
          />
          <a href="#/assets/warranty" data-testid="link-warranty">Warranty ending soon</a>
          <a href="#/assets/not-seen" data-testid="link-not-seen">Not seen recently</a>
        </div>
      )}
      <DeviceTable
        devices={visible}
        now={now}
        alertCounts={alertCounts}
        emptyText={
          !fleet.loaded
            ? 'Loading devices…'
            : fleet.sorted.length === 0
              ? 'No devices have enrolled yet. Install the agent on a PC with the enrolment token to see it here.'
              : groupFilter.loading
                ? 'Loading the group…'
                : 'No device matches this search.'
        }
      />
    </>
  );
}
