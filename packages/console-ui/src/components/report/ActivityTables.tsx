import type { ActivityReport } from '@deskside/protocol';
import { devicePath } from '../../app/routes.js';
import { formatPercent } from '../../format/report-period.js';
import { SafeText } from '../SafeText.js';

/** SLA compliance per priority: first response and resolution, met / breached / %. */
export function SlaTable({ report }: { report: ActivityReport }) {
  const rows = [{ label: 'All', fr: report.summary.sla.firstResponse, res: report.summary.sla.resolution }, ...report.byPriority.map((p) => ({ label: p.priority, fr: p.firstResponse, res: p.resolution }))];
  return (
    <table className="table report-table" data-testid="sla-table">
      <thead>
        <tr><th>Priority</th><th>First response met</th><th>Breached</th><th>%</th><th>Resolution met</th><th>Breached</th><th>%</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.fr.met}</td><td>{r.fr.breached}</td><td>{formatPercent(r.fr.percent)}</td>
            <td>{r.res.met}</td><td>{r.res.breached}</td><td>{formatPercent(r.res.percent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Recurring categories, devices with many tickets, alert checks on the most devices. */
export function RecurringTables({ report }: { report: ActivityReport }) {
  const { recurring } = report;
  return (
    <div className="report-grid">
      <div>
        <h3>Devices with {recurring.deviceThreshold}+ tickets</h3>
        {recurring.devices.length === 0 ? (
          <p className="muted">No device had {recurring.deviceThreshold} or more tickets.</p>
        ) : (
          <table className="table report-table" data-testid="recurring-devices">
            <thead><tr><th>Device</th><th>Tickets</th><th>Categories</th></tr></thead>
            <tbody>
              {recurring.devices.map((d) => (
                <tr key={d.deviceId}>
                  <td><a href={`#${devicePath(d.deviceId)}`}><SafeText value={d.hostname} /></a></td>
                  <td>{d.tickets}</td>
                  <td>{d.categories.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3>Alert checks that recur</h3>
        {recurring.checks.length === 0 ? (
          <p className="muted">No alerts were raised in this period.</p>
        ) : (
          <table className="table report-table" data-testid="recurring-checks">
            <thead><tr><th>Check</th><th>Devices</th><th>Occurrences</th></tr></thead>
            <tbody>
              {recurring.checks.slice(0, 15).map((c) => (
                <tr key={c.check}><td><SafeText value={c.check} /></td><td>{c.devices}</td><td>{c.occurrences}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3>Categories</h3>
        {recurring.categories.length === 0 ? (
          <p className="muted">No tickets were opened in this period.</p>
        ) : (
          <table className="table report-table" data-testid="recurring-categories">
            <thead><tr><th>Category</th><th>Tickets</th><th>Devices</th></tr></thead>
            <tbody>
              {recurring.categories.map((c) => (
                <tr key={c.category}><td>{c.category}</td><td>{c.tickets}</td><td>{c.devices}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** Devices with the most tickets and alert occurrences. */
export function TopDevicesTable({ report }: { report: ActivityReport }) {
  if (report.topDevices.length === 0) return <p className="muted">No device had tickets or alerts in this period.</p>;
  return (
    <table className="table report-table" data-testid="top-devices">
      <thead><tr><th>Device</th><th>Tickets</th><th>Alerts</th></tr></thead>
      <tbody>
        {report.topDevices.map((d) => (
          <tr key={d.deviceId}>
            <td><a href={`#${devicePath(d.deviceId)}`}><SafeText value={d.hostname} /></a></td>
            <td>{d.tickets}</td>
            <td>{d.alerts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
