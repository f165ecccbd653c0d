import type { Selectable, Updateable } from 'kysely';
import { DeviceStatusSchema } from '@deskside/protocol';
import { fromMs, fromMsOrNull, numberOrNull } from '../mapping/time.js';
import type { DevicesTable } from '../schema.js';
import type { DeclaredPresence, DeviceRecord, DeviceSummaryFields } from '../types.js';
import { toApproval } from './device-approvals.js';

/** A devices row as the record services see. */
export function toDevice(row: Selectable<DevicesTable>): DeviceRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    machineId: row.machine_id,
    hostname: row.hostname,
    keyHash: row.key_hash,
    enrolledAt: fromMs(row.enrolled_at),
    lastSeenAt: fromMsOrNull(row.last_seen_at),
    declaredPresence: toDeclaredPresence(row.declared_presence),
    lastStatus: row.last_status === null ? null : DeviceStatusSchema.parse(row.last_status),
    inventoryHash: row.inventory_hash,
    inventoryUpdatedAt: fromMsOrNull(row.inventory_updated_at),
    revokedAt: fromMsOrNull(row.revoked_at),
    os: row.os,
    cpu: row.cpu,
    ramBytes: numberOrNull(row.ram_bytes),
    diskUsedBytes: numberOrNull(row.disk_used_bytes),
    diskTotalBytes: numberOrNull(row.disk_total_bytes),
    ip: row.ip,
    approval: toApproval(row.approval),
  };
}

/** The columns to set for the summary fields present in `summary` (absent means "leave as is"). */
export function summaryColumns(summary: Partial<DeviceSummaryFields>): Updateable<DevicesTable> {
  const columns: Updateable<DevicesTable> = {};
  if (summary.os !== undefined) columns.os = summary.os;
  if (summary.cpu !== undefined) columns.cpu = summary.cpu;
  if (summary.ramBytes !== undefined) columns.ram_bytes = summary.ramBytes;
  if (summary.diskUsedBytes !== undefined) columns.disk_used_bytes = summary.diskUsedBytes;
  if (summary.diskTotalBytes !== undefined) columns.disk_total_bytes = summary.diskTotalBytes;
  if (summary.ip !== undefined) columns.ip = summary.ip;
  return columns;
}

function toDeclaredPresence(value: string | null): DeclaredPresence {
  if (value === null || value === 'asleep' || value === 'shut-down') return value;
  throw new Error(`Unexpected declared_presence in devices row: ${JSON.stringify(value)}`);
}
