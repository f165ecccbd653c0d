import { HEALTH_HOURLY_MAX_HOURS, type ConsoleSocketData, type DeviceChangesResponse, type HealthHourlyResponse } from '@deskside/protocol';
import type { DeviceRecord, Store } from '@deskside/store';
import { visibleDevice } from '../access/visible-device.js';
import { toDeviceChange } from '../inventory-history/device-history-view.js';
import { toHealthHourPoint } from '../maintenance/health-rollup-view.js';

type Viewer = Pick<ConsoleSocketData, 'role' | 'siteIds'>;

/** One device's records as a technician reads them; another site's device is `not_found`, like none. */
export interface DeviceViews {
  /** The device, when `who` may see it. */
  visible(who: Viewer, id: string): Promise<DeviceRecord>;
  /** Its hourly health rollups, oldest first, hours starting in [from, to). */
  healthHourly(who: Viewer, id: string, from: Date, to: Date): Promise<HealthHourlyResponse>;
  /** Its inventory changes, newest first. */
  changes(who: Viewer, id: string, page: { before?: Date; limit: number }): Promise<DeviceChangesResponse>;
  /** Who a device is (for events about it), without a visibility check; undefined when unknown. */
  identity(id: string): Promise<{ id: string; hostname: string; siteId: string } | undefined>;
}

export function createDeviceViews(store: Store): DeviceViews {
  const visible = (who: Viewer, id: string) => visibleDevice(store.devices, who, id);
  return {
    visible,
    async healthHourly(who, id, from, to) {
      await visible(who, id);
      const rows = await store.healthRollups.hourly(id, from, to, HEALTH_HOURLY_MAX_HOURS);
      return { hourly: rows.map(toHealthHourPoint) };
    },
    async changes(who, id, page) {
      await visible(who, id);
      const rows = await store.changes.list(id, { ...(page.before ? { before: page.before } : {}), limit: page.limit });
      return { changes: rows.map(toDeviceChange) };
    },
    async identity(id) {
      const device = await store.devices.findById(id);
      return device ? { id: device.id, hostname: device.hostname, siteId: device.siteId } : undefined;
    },
  };
}
