import type { DeviceDetail, DeviceListQuery, DeviceSummary } from '@deskside/protocol';
import type { AssetRecord, DeviceRecord } from '@deskside/store';

/**
 * What the device routes ask of the fleet. The realtime side implements it, because live presence
 * (which decides a device's status) lives in its memory, not in the store.
 */
export interface FleetQueries {
  /** `siteIds` limits the answer to those sites (a technician scoped to some sites). */
  list(filter: DeviceListQuery & { siteIds?: string[] }): Promise<DeviceSummary[]>;
  detail(id: string): Promise<DeviceDetail | undefined>;
  /** A stored device as a summary with live status and its asset fields (exports, groups). */
  present(record: DeviceRecord, asset?: AssetRecord | null): DeviceSummary;
}
