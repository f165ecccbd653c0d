import type { DeviceSummary } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { sortDevices } from './fleet-sort.js';

const device = (hostname: string, extra: Partial<DeviceSummary> = {}): DeviceSummary => ({
  id: `id-${hostname}`, siteId: 's', hostname, status: 'online', lastSeen: null, os: null, cpu: null, ramBytes: null,
  diskUsedBytes: null, diskTotalBytes: null, ip: null, enrolledAt: '2026-01-01T00:00:00.000Z', ...extra,
});

describe('sortDevices', () => {
  const fleet = [
    device('pc-10', { ramBytes: 8, ip: '10.0.0.10', lastSeen: '2026-01-02T00:00:00.000Z' }),
    device('pc-9', { ramBytes: 16, ip: '10.0.0.9' }),
    device('PC-2', { ramBytes: 8, ip: null, lastSeen: '2026-01-03T00:00:00.000Z' }),
  ];
  const names = (sorted: DeviceSummary[]) => sorted.map((d) => d.hostname);

  it('orders numbers numerically and digits in text as numbers, ties by hostname', () => {
    expect(names(sortDevices(fleet, 'hostname', 'asc'))).toEqual(['PC-2', 'pc-9', 'pc-10']);
    expect(names(sortDevices(fleet, 'ram', 'desc'))).toEqual(['pc-9', 'PC-2', 'pc-10']);
    expect(names(sortDevices(fleet, 'ip', 'asc'))).toEqual(['pc-9', 'pc-10', 'PC-2']);
  });

  it('puts missing values last in both directions', () => {
    expect(names(sortDevices(fleet, 'lastSeen', 'desc'))).toEqual(['PC-2', 'pc-10', 'pc-9']);
    expect(names(sortDevices(fleet, 'lastSeen', 'asc'))).toEqual(['pc-10', 'PC-2', 'pc-9']);
    expect(names(sortDevices(fleet, 'ip', 'desc'))).toEqual(['pc-10', 'pc-9', 'PC-2']);
  });
});
