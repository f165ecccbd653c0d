import type { DeviceDetail, DeviceListQuery, DeviceSummary } from '@deskside/protocol';

/**
 * What the device routes ask of the fleet. The realtime side implements it, because live presence
 * (which decides a device's status) lives in its memory, not in the store.
 */
export interface FleetQueries {
  /** `siteIds` limits the answer to those sites (a technician scoped to some sites). */
  list(filter: DeviceListQuery & { siteIds?: string[] }): Promise<DeviceSummary[]>;
  detail(id: string): Promise<DeviceDetail | undefined>;
}
