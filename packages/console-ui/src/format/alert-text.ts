import type { Alert, AlertSeverity, AlertState } from '@deskside/protocol';
import { formatNumber } from './relative-time.js';

const CHECK_LABELS: Record<string, string> = {
  'disk-free': 'Disk space',
  'memory-pressure': 'Memory pressure',
  'cpu-sustained': 'Sustained CPU',
  'battery-health': 'Battery health',
  'smart-failing': 'Disk failing (SMART)',
  antivirus: 'Antivirus',
  firewall: 'Firewall',
  'reboot-pending': 'Reboot pending',
  uptime: 'Uptime',
  'device-offline': 'Device offline',
  'duplicate-identity': 'Duplicate identity',
  'inventory-change': 'Inventory change',
  'sla-breach': 'SLA breach',
  'ticket-reopened': 'Not fixed, reopened',
};

/** Units of the numeric checks, for "value / threshold". */
const CHECK_UNITS: Record<string, string> = {
  'disk-free': '%',
  'memory-pressure': '%',
  'cpu-sustained': '%',
  'battery-health': '%',
  'reboot-pending': 'days',
  uptime: 'days',
};

/** A check id as people read it: known checks by name, others ("my-check") as "My check". */
export function checkLabel(check: string): string {
  const known = CHECK_LABELS[check];
  if (known !== undefined) return known;
  const words = check.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "4 % (threshold 10 %)", "4", or null when the check is not numeric. */
export function valueText(alert: Pick<Alert, 'check' | 'value' | 'threshold'>): string | null {
  if (alert.value === null) return null;
  const unit = CHECK_UNITS[alert.check];
  const num = (n: number) => `${readingText(n)}${unit === undefined ? '' : unit === '%' ? ' %' : ` ${unit}`}`;
  return alert.threshold === null ? num(alert.value) : `${num(alert.value)} (threshold ${num(alert.threshold)})`;
}

function readingText(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return Math.abs(n) >= 100 ? formatNumber(Math.round(n)) : String(Math.round(n * 10) / 10);
}

const SEVERITY_LABELS: Record<AlertSeverity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };
const STATE_LABELS: Record<AlertState, string> = { open: 'Open', acknowledged: 'Acknowledged', snoozed: 'Snoozed', resolved: 'Resolved' };

export function severityLabel(severity: AlertSeverity): string {
  return SEVERITY_LABELS[severity];
}

export function alertStateLabel(state: AlertState): string {
  return STATE_LABELS[state];
}
