import { DeviceStatusSchema, type DeviceStatus, type Group } from '@deskside/protocol';
import { revealControlsText } from '../format/reveal-controls.js';
import { STATUS_ORDER, statusLabel } from '../format/status.js';
import { DEVICE_ALERT_FILTERS, parseDeviceAlertFilter, type DeviceAlertFilter } from '../state/device-alert-filter.js';

export interface FleetFiltersProps {
  query: string;
  status: DeviceStatus | 'all';
  onQuery: (query: string) => void;
  onStatus: (status: DeviceStatus | 'all') => void;
  /** The alert-state filter; shown only when given. */
  alertState?: DeviceAlertFilter;
  onAlertState?: (filter: DeviceAlertFilter) => void;
  /** A line under the search box (the hub-side inventory search in progress). */
  searchNote?: string | null;
  /** The group filter (resolved by the hub); shown only when groups are given. */
  groups?: readonly Group[];
  group?: string;
  onGroup?: (group: string) => void;
}

/**
 * Search box, status and alert-state filters above the fleet table. The list's own fields are
 * filtered in the browser; the hub searches the inventories (user, model, serial, software).
 */
export function FleetFilters({ query, status, onQuery, onStatus, alertState, onAlertState, searchNote, groups, group = '', onGroup }: FleetFiltersProps) {
  return (
    <form className="fleet-filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="fleet-search">Search</label>
        <input
          id="fleet-search"
          type="search"
          data-testid="fleet-search"
          placeholder="Hostname, user, OS, model, serial, software…"
          value={query}
          maxLength={128}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onQuery(event.target.value)}
        />
        {searchNote && (
          <span className="field-note muted" role="status" data-testid="fleet-search-note">
            {searchNote}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="fleet-status">Status</label>
        <select
          id="fleet-status"
          data-testid="fleet-status-filter"
          value={status}
          onChange={(event) => {
            const parsed = DeviceStatusSchema.safeParse(event.target.value);
            onStatus(parsed.success ? parsed.data : 'all');
          }}
        >
          <option value="all">All statuses</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      {alertState !== undefined && onAlertState && (
        <div className="field">
          <label htmlFor="fleet-alert-filter">Alerts</label>
          <select
            id="fleet-alert-filter"
            data-testid="fleet-alert-filter"
            value={alertState}
            onChange={(event) => onAlertState(parseDeviceAlertFilter(event.target.value))}
          >
            {DEVICE_ALERT_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {groups !== undefined && groups.length > 0 && onGroup && (
        <div className="field">
          <label htmlFor="fleet-group">Group</label>
          <select id="fleet-group" data-testid="fleet-group-filter" value={group} onChange={(event) => onGroup(event.target.value)}>
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {/* An <option> holds text only: SafeText's plain-text form. */}
                {revealControlsText(g.name)}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}
