import type { DeviceStatus } from '@deskside/protocol';
import { StatusBadge } from './StatusBadge.js';
import { STATUS_ORDER } from '../format/status.js';
import { formatNumber } from '../format/relative-time.js';

/** Devices by status, online vs the rest said in words first; each line links to the fleet. */
export function FleetSummary({ counts, loaded }: { counts: Record<DeviceStatus, number>; loaded: boolean }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <section className="panel overview-panel" aria-labelledby="fleet-summary-title" data-testid="overview-fleet">
      <div className="panel-head">
        <h2 id="fleet-summary-title">Devices</h2>
        <a href="#/devices">All devices</a>
      </div>
      <p className="overview-lead" data-testid="overview-online">
        {loaded ? `${formatNumber(counts.online)} of ${formatNumber(total)} online` : 'Loading…'}
      </p>
      <ul className="status-list" aria-label="Devices by status">
        {STATUS_ORDER.map((status) => (
          <li key={status} data-testid="overview-status" data-status={status}>
            <StatusBadge status={status} />
            <span className={`status-list-count${counts[status] === 0 ? ' muted' : ''}`}>{formatNumber(counts[status])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
