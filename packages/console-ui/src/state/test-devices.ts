import type { DeviceSummary } from '@deskside/protocol';

let counter = 0;

/** A valid DeviceSummary for unit tests; ids are deterministic ULIDs. */
export function makeDevice(overrides: Partial<DeviceSummary> = {}): DeviceSummary {
  counter += 1;
  return {
    id: `01J0000000000000000000${String(counter).padStart(4, '0')}`,
    siteId: '01J00000000000000000000000',
    hostname: `pc-${counter}`,
    status: 'online',
    lastSeen: '2026-03-10T12:00:00.000Z',
    os: 'Windows 11 Pro 23H2',
    cpu: 'Intel Core i5-1235U',
    ramBytes: 16 * 1024 ** 3,
    diskUsedBytes: 120 * 1024 ** 3,
    diskTotalBytes: 476 * 1024 ** 3,
    ip: '192.168.1.20',
    enrolledAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  };
}
