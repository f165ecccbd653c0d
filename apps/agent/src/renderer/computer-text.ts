import type { AgentConnectionStatus, ThisComputerInfo } from '../common/bridge-api.js';

/** One labelled row of the "This computer" card. */
export interface ComputerRow {
  label: string;
  value: string;
}

const STATUS_LABEL: Record<AgentConnectionStatus, string> = {
  starting: 'Starting…',
  'not-configured': 'Not set up',
  connected: 'Connected',
  offline: 'Offline',
  error: 'Not working',
};

export const statusLabel = (status: AgentConnectionStatus): string => STATUS_LABEL[status];

/** The rows shown, in the order a technician asks for them. Unknown values say so. */
export function computerRows(info: ThisComputerInfo): ComputerRow[] {
  return [
    { label: 'Computer name', value: info.hostname },
    { label: 'User', value: info.user },
    { label: 'IP address', value: info.ipAddresses.length > 0 ? info.ipAddresses.join(', ') : 'No network' },
    { label: 'Serial number', value: info.serialNumber ?? 'Unknown' },
    { label: 'Operating system', value: info.os },
    { label: 'Device ID', value: info.deviceId ?? 'Not enrolled yet' },
    { label: 'Help desk connection', value: statusLabel(info.status) },
  ];
}

/** Plain text for the clipboard: one "Label: value" line per row. */
export function computerText(info: ThisComputerInfo): string {
  return computerRows(info)
    .map((row) => `${row.label}: ${row.value}`)
    .join('\n');
}
