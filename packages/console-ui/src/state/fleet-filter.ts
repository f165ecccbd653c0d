import type { DeviceStatus, DeviceSummary } from '@deskside/protocol';

/** What the technician typed in the search box and picked in the status filter. */
export interface FleetFilter {
  readonly query: string;
  readonly status: DeviceStatus | 'all';
}

/**
 * The devices matching a filter, order kept. Each whitespace-separated term of the query must
 * appear (case-insensitively) in the hostname, OS, CPU or IP.
 */
export function filterDevices(devices: readonly DeviceSummary[], filter: FleetFilter): readonly DeviceSummary[] {
  const terms = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0 && filter.status === 'all') return devices;
  return devices.filter((device) => {
    if (filter.status !== 'all' && device.status !== filter.status) return false;
    if (terms.length === 0) return true;
    const haystack = [device.hostname, device.os, device.cpu, device.ip]
      .filter((v): v is string => typeof v === 'string')
      .join('\n')
      .toLowerCase();
    return terms.every((term) => haystack.includes(term));
  });
}
