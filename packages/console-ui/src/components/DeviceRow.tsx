import type { DeviceSummary } from '@deskside/protocol';
import { memo } from 'react';
import { Bytes } from './Bytes.js';
import { RelativeTime } from './RelativeTime.js';
import { SafeText } from './SafeText.js';
import { StatusBadge } from './StatusBadge.js';
import { UsageMeter } from './UsageMeter.js';
import { devicePath } from '../app/routes.js';

/** One fleet row. Memoized: a coalesced change re-renders only the devices it carries. */
export const DeviceRow = memo(function DeviceRow({ device, now }: { device: DeviceSummary; now: number }) {
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
