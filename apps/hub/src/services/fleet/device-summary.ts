import type { DeviceStatus, DeviceSummary } from '@deskside/protocol';
import type { DeviceRecord } from '@deskside/store';

/**
 * Turns a stored device into the row the console and `GET /api/v1/devices` show. `status` comes
 * from the live presence table, never from the row (the row's `lastStatus` is only a restart hint).
 */
export function toDeviceSummary(record: DeviceRecord, status: DeviceStatus): DeviceSummary {
  return {
    id: record.id,
    siteId: record.siteId,
    hostname: record.hostname,
    status,
    lastSeen: record.lastSeenAt ? record.lastSeenAt.toISOString() : null,
    os: record.os,
    cpu: record.cpu,
    ramBytes: record.ramBytes,
    diskUsedBytes: record.diskUsedBytes,
    diskTotalBytes: record.diskTotalBytes,
    ip: record.ip,
    enrolledAt: record.enrolledAt.toISOString(),
  };
}
