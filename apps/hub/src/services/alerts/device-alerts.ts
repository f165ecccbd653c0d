import type { Alert } from '@deskside/protocol';
import type { FleetQueries } from '../../http/fleet-queries.js';
import type { AlertService } from './alert-service.js';

/**
 * `GET /api/v1/devices/:id` with the device's alerts that are not resolved, as `alerts` (the
 * protocol's DeviceDetailSchema does not list the field yet; clients that parse with it drop it,
 * and `GET /api/v1/alerts?deviceId=` answers the same).
 */
export function withDeviceAlerts(fleet: FleetQueries, alerts: AlertService): FleetQueries {
  // Spread: every other query (the interface grows) passes through unchanged.
  return {
    ...fleet,
    async detail(id) {
      const device = await fleet.detail(id);
      if (!device) return undefined;
      const open: Alert[] = await alerts.list({ deviceId: id, states: ['open', 'acknowledged', 'snoozed'] });
      return Object.assign(device, { alerts: open });
    },
  };
}
