import type { Alert } from '@deskside/protocol';
import type { FleetQueries } from '../fleet/fleet-queries.js';
import type { AlertService } from './alert-service.js';

/**
 * `GET /api/v1/devices/:id` with the device's alerts that are not resolved (`alerts`) and the end of
 * its maintenance window (`maintenanceUntil`).
 */
export function withDeviceAlerts(fleet: FleetQueries, alerts: AlertService): FleetQueries {
  // Spread: every other query (the interface grows) passes through unchanged.
  return {
    ...fleet,
    async detail(id) {
      const device = await fleet.detail(id);
      if (!device) return undefined;
      const open: Alert[] = await alerts.list({ deviceId: id, states: ['open', 'acknowledged', 'snoozed'] });
      const maintenanceUntil = (await alerts.maintenanceUntil(id))?.toISOString() ?? null;
      return { ...device, alerts: open, maintenanceUntil };
    },
  };
}
