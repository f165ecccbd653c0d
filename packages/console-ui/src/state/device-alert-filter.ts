import type { Alert, DeviceSummary } from '@deskside/protocol';

/** The fleet's alert-state filter: devices with unresolved alerts in a state, with any, or with none. */
export type DeviceAlertFilter = 'all' | 'any' | 'open' | 'acknowledged' | 'snoozed' | 'none';

export const DEVICE_ALERT_FILTERS: readonly { value: DeviceAlertFilter; label: string }[] = [
  { value: 'all', label: 'Any alert state' },
  { value: 'any', label: 'With unresolved alerts' },
  { value: 'open', label: 'With open alerts' },
  { value: 'acknowledged', label: 'With acknowledged alerts' },
  { value: 'snoozed', label: 'With snoozed alerts' },
  { value: 'none', label: 'Without alerts' },
];

export function parseDeviceAlertFilter(value: string): DeviceAlertFilter {
  return DEVICE_ALERT_FILTERS.find((f) => f.value === value)?.value ?? 'all';
}

/** The devices matching an alert-state filter (given the live unresolved alerts), order kept. */
export function filterByAlertState(devices: readonly DeviceSummary[], alerts: readonly Alert[], filter: DeviceAlertFilter): readonly DeviceSummary[] {
  if (filter === 'all') return devices;
  const matching = new Set<string>();
  for (const alert of alerts) {
    if (alert.state === 'resolved') continue;
    if (filter === 'any' || filter === 'none' || alert.state === filter) matching.add(alert.deviceId);
  }
  return devices.filter((device) => (filter === 'none' ? !matching.has(device.id) : matching.has(device.id)));
}
