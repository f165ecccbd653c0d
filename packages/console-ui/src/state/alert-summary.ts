import type { Alert, AlertSeverity, AlertState, DeviceSummary } from '@deskside/protocol';
import { isProblem } from '../format/status.js';

/** Severities from the worst down, the order every summary shows them in. */
export const SEVERITY_ORDER: readonly AlertSeverity[] = ['critical', 'warning', 'info'];

/** The unresolved states, in lifecycle order. */
export const ACTIVE_STATES: readonly Exclude<AlertState, 'resolved'>[] = ['open', 'acknowledged', 'snoozed'];

export type SeverityCounts = Record<AlertSeverity, Record<Exclude<AlertState, 'resolved'>, number>>;

/** How many unresolved alerts there are of each severity, per state (every cell present). */
export function countBySeverity(alerts: Iterable<Alert>): SeverityCounts {
  const counts = {} as SeverityCounts;
  for (const severity of SEVERITY_ORDER) counts[severity] = { open: 0, acknowledged: 0, snoozed: 0 };
  for (const alert of alerts) if (alert.state !== 'resolved') counts[alert.severity][alert.state] += 1;
  return counts;
}

/** Open critical alerts nobody has taken yet: the number on the Alerts tab. */
export function openCriticalCount(alerts: Iterable<Alert>): number {
  let n = 0;
  for (const alert of alerts) if (alert.state === 'open' && alert.severity === 'critical') n += 1;
  return n;
}

/** Open alerts nobody has taken yet, by severity (the nav badges). */
export interface OpenAlertCounts {
  critical: number;
  warning: number;
  info: number;
}

/** Counts of open (not acknowledged, not snoozed) alerts per severity. */
export function openAlertCounts(alerts: Iterable<Alert>): OpenAlertCounts {
  const counts: OpenAlertCounts = { critical: 0, warning: 0, info: 0 };
  for (const alert of alerts) if (alert.state === 'open') counts[alert.severity] += 1;
  return counts;
}

/** A device that needs attention, with what is wrong with it. */
export interface DeviceConcern {
  device: DeviceSummary;
  /** Unresolved, not snoozed alerts of each severity. */
  critical: number;
  warning: number;
  info: number;
}

/**
 * Devices that need a technician, worst first: most critical alerts, then most warnings, then
 * unreachable/overdue, then info alerts, then hostname. Snoozed alerts do not count (someone
 * decided they can wait); healthy devices without alerts are left out.
 */
export function worstDevices(devices: Iterable<DeviceSummary>, alerts: Iterable<Alert>, limit: number): DeviceConcern[] {
  const perDevice = new Map<string, Record<AlertSeverity, number>>();
  for (const alert of alerts) {
    if (alert.state === 'resolved' || alert.state === 'snoozed') continue;
    const counts = perDevice.get(alert.deviceId) ?? { critical: 0, warning: 0, info: 0 };
    counts[alert.severity] += 1;
    perDevice.set(alert.deviceId, counts);
  }
  const concerns: DeviceConcern[] = [];
  for (const device of devices) {
    const counts = perDevice.get(device.id) ?? { critical: 0, warning: 0, info: 0 };
    if (counts.critical + counts.warning + counts.info === 0 && !isProblem(device.status)) continue;
    concerns.push({ device, ...counts });
  }
  return concerns.sort(compareConcerns).slice(0, Math.max(0, limit));
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareConcerns(a: DeviceConcern, b: DeviceConcern): number {
  return (
    b.critical - a.critical ||
    b.warning - a.warning ||
    Number(isProblem(b.device.status)) - Number(isProblem(a.device.status)) ||
    b.info - a.info ||
    collator.compare(a.device.hostname, b.device.hostname) ||
    (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0)
  );
}

/** The most recently raised alerts, newest first. */
export function recentAlerts(alerts: readonly Alert[], limit: number): Alert[] {
  return [...alerts].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt)).slice(0, Math.max(0, limit));
}

/** Unresolved, not snoozed alerts per device and severity (the fleet list's Alerts column). */
export function deviceAlertCounts(alerts: Iterable<Alert>): Map<string, Record<AlertSeverity, number>> {
  const out = new Map<string, Record<AlertSeverity, number>>();
  for (const a of alerts) {
    if (a.state === 'resolved' || a.state === 'snoozed') continue;
    const c = out.get(a.deviceId) ?? { critical: 0, warning: 0, info: 0 };
    c[a.severity] += 1;
    out.set(a.deviceId, c);
  }
  return out;
}
