import type { DeviceSummary } from '@deskside/protocol';
import { memo } from 'react';
import { Bytes } from './Bytes.js';
import { RelativeTime } from './RelativeTime.js';
import { SafeText } from './SafeText.js';
import { StatusBadge } from './StatusBadge.js';
import { UsageMeter } from './UsageMeter.js';
import { devicePath } from '../app/routes.js';

/** Unresolved, not snoozed alerts of one device per severity. */
export interface DeviceAlertCounts {
  critical: number;
  warning: number;
  info: number;
}

/** One fleet row. Memoized: a coalesced change re-renders only the devices it carries. */
export const DeviceRow = memo(function DeviceRow({ device, now, alerts }: { device: DeviceSummary; now: number; alerts?: DeviceAlertCounts }) {
  return (
    <tr data-testid="fleet-row" data-device-id={device.id} data-status={device.status}>
      <th scope="row" className="col-hostname">
        <a href={`#${devicePath(device.id)}`}>
          <SafeText value={device.hostname} />
        </a>
      </th>
      <td>
        <StatusBadge status={device.status} />
      </td>
      {alerts && (
        <td className="col-alerts" data-testid="fleet-alerts">
          {alerts.critical + alerts.warning + alerts.info === 0 ? (
            <span className="muted">None</span>
          ) : (
            <a href={`#${devicePath(device.id)}?tab=alerts`} className="fleet-alert-link">
              {alerts.critical > 0 && <span className="severity-badge severity-critical"><span className="severity-mark" aria-hidden="true" />{alerts.critical} critical</span>}
              {alerts.warning > 0 && <span className="severity-badge severity-warning"><span className="severity-mark" aria-hidden="true" />{alerts.warning} warning</span>}
              {alerts.critical + alerts.warning === 0 && <span className="severity-badge severity-info"><span className="severity-mark" aria-hidden="true" />{alerts.info} info</span>}
            </a>
          )}
        </td>
      )}
      <td className="col-os">
        <SafeText value={device.os} />
      </td>
      <td className="col-cpu">
        <SafeText value={device.cpu} />
      </td>
      <td className="num">
        <Bytes value={device.ramBytes} />
      </td>
      <td className="col-disk">
        <UsageMeter used={device.diskUsedBytes} total={device.diskTotalBytes} label="Disk" />
      </td>
      <td className="col-ip mono">
        <SafeText value={device.ip} />
      </td>
      <td className="col-seen">
        <RelativeTime value={device.lastSeen} now={now} />
      </td>
    </tr>
  );
});
