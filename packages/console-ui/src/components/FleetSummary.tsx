import type { DeviceStatus } from '@deskside/protocol';
import { STATUS_ORDER, statusLabel } from '../format/status.js';

/** Devices by status as tiles linking to the fleet; online vs not online said in words first. */
export function FleetSummary({ counts, loaded }: { counts: Record<DeviceStatus, number>; loaded: boolean }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  return (
    <section className="panel overview-panel" aria-labelledby="fleet-summary-title" data-testid="overview-fleet">
      <div className="panel-head">
        <h2 id="fleet-summary-title">Devices</h2>
        <a href="#/devices">All devices</a>
      </div>
      <p className="overview-lead" data-testid="overview-online">
        {loaded ? `${counts.online.toLocaleString('en')} of ${total.toLocaleString('en')} online` : 'Loading…'}
      </p>
      <ul className="status-counts compact" aria-label="Devices by status">
        {STATUS_ORDER.map((status) => (
          <li key={status}>
            <a className={`status-count status-${status}`} href="#/devices" data-testid="overview-status" data-status={status}>
              <span className="status-count-value">{counts[status].toLocaleString('en')}</span>
              <span className="status-count-label">
                <span className="status-dot" aria-hidden="true" />
                {statusLabel(status)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
