import type { Alert, AlertSeverity, AlertState } from '@deskside/protocol';

/** What the technician picked above the alert feed. */
export interface AlertFilter {
  /** `active`: every unresolved alert (the live feed). */
  readonly state: AlertState | 'active';
  readonly severity: AlertSeverity | 'all';
  /** A device id, or `all`. */
  readonly deviceId: string;
}

export const DEFAULT_ALERT_FILTER: AlertFilter = { state: 'active', severity: 'all', deviceId: 'all' };

/** The alerts matching a filter, order kept. */
export function filterAlerts(alerts: readonly Alert[], filter: AlertFilter): readonly Alert[] {
  if (filter.state === 'active' && filter.severity === 'all' && filter.deviceId === 'all') return alerts;
  return alerts.filter(
    (alert) =>
      (filter.state === 'active' ? alert.state !== 'resolved' : alert.state === filter.state) &&
      (filter.severity === 'all' || alert.severity === filter.severity) &&
      (filter.deviceId === 'all' || alert.deviceId === filter.deviceId),
  );
}

/** The devices that have alerts in a list, for the device filter: id and hostname, by hostname. */
export function alertDevices(alerts: readonly Alert[]): { id: string; hostname: string }[] {
  const byId = new Map<string, string>();
  for (const alert of alerts) byId.set(alert.deviceId, alert.hostname);
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...byId].map(([id, hostname]) => ({ id, hostname })).sort((a, b) => collator.compare(a.hostname, b.hostname) || (a.id < b.id ? -1 : 1));
}
