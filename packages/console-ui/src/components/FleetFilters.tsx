import { DeviceStatusSchema, type DeviceStatus } from '@deskside/protocol';
import { STATUS_ORDER, statusLabel } from '../format/status.js';

export interface FleetFiltersProps {
  query: string;
  status: DeviceStatus | 'all';
  onQuery: (query: string) => void;
  onStatus: (status: DeviceStatus | 'all') => void;
}

/** Search box and status filter above the fleet table; filtering happens in the browser. */
export function FleetFilters({ query, status, onQuery, onStatus }: FleetFiltersProps) {
  return (
    <form className="fleet-filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="fleet-search">Search</label>
        <input
          id="fleet-search"
          type="search"
          data-testid="fleet-search"
          placeholder="Hostname, OS, CPU or IP"
          value={query}
          maxLength={128}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onQuery(event.target.value)}
        />
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
    </form>
  );
}
