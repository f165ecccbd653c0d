import type { DeviceSummary } from '@deskside/protocol';
import { DeviceRow, type DeviceAlertCounts } from './DeviceRow.js';
import { formatNumber } from '../format/relative-time.js';

/** More rows than anyone reads; past this the table asks for a narrower search instead of freezing. */
const MAX_ROWS = 1000;
const NO_ALERTS: DeviceAlertCounts = { critical: 0, warning: 0, info: 0 };

export interface DeviceTableProps {
  devices: readonly DeviceSummary[];
  now: number;
  /** Shown in place of rows when there are none. */
  emptyText: string;
  /** Unresolved, not snoozed alerts per device (the Alerts column); absent: no column. */
  alertCounts?: ReadonlyMap<string, DeviceAlertCounts>;
}

/** The fleet table: one row per device, problems first (the order comes from the store). */
export function DeviceTable({ devices, now, emptyText, alertCounts }: DeviceTableProps) {
  const shown = devices.length > MAX_ROWS ? devices.slice(0, MAX_ROWS) : devices;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table fleet-table" data-testid="fleet-table">
        <caption className="visually-hidden">Devices, problems first, then by hostname</caption>
        <thead>
          <tr>
            <th scope="col">Hostname</th>
            <th scope="col">Status</th>
            {alertCounts && <th scope="col">Alerts</th>}
            <th scope="col">Operating system</th>
            <th scope="col" className="col-cpu">CPU</th>
            <th scope="col" className="num">
              RAM
            </th>
            <th scope="col">Disk use</th>
            <th scope="col">IP address</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((device) => (
            <DeviceRow key={device.id} device={device} now={now} {...(alertCounts ? { alerts: alertCounts.get(device.id) ?? NO_ALERTS } : {})} />
          ))}
          {devices.length === 0 && (
            <tr className="empty-row">
              <td colSpan={alertCounts ? 9 : 8}>{emptyText}</td>
            </tr>
          )}
        </tbody>
      </table>
      {devices.length > MAX_ROWS && (
        <p className="table-note" role="status">
          Showing the first {formatNumber(MAX_ROWS)} of {formatNumber(devices.length)} devices. Narrow
          the search to see the rest.
        </p>
      )}
    </div>
  );
}
