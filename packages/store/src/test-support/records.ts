// Test support only: valid records with sensible defaults, overridable per test.
import { type InventoryDocument, type MetricsSample, newId } from '@deskside/protocol';
import type { NewDevice, SiteRecord, UserRecord } from '../types.js';

export const T0 = new Date('2025-03-01T12:00:00.000Z');

export function at(offsetMs: number): Date {
  return new Date(T0.getTime() + offsetMs);
}

export function aSite(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return { id: newId(), name: 'Main office', createdAt: T0, ...overrides };
}

export function aUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    tier: null,
    siteIds: [],
    id: newId(),
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    passwordHash: 'scrypt$N=16384,r=8,p=1$c2FsdA$aGFzaA',
    createdAt: T0,
    disabledAt: null,
    ...overrides,
  };
}

export function aDevice(siteId: string, overrides: Partial<NewDevice> = {}): NewDevice {
  return {
    id: newId(),
    siteId,
    machineId: newId(),
    hostname: 'PC-001',
    keyHash: 'a'.repeat(64),
    enrolledAt: T0,
    ...overrides,
  };
}

export function aMetricsSample(overrides: Partial<MetricsSample> = {}): MetricsSample {
  return {
    cpuPercent: 12.5,
    memUsedBytes: 4 * 2 ** 30,
    memTotalBytes: 16 * 2 ** 30,
    diskUsedBytes: 100 * 2 ** 30,
    diskTotalBytes: 512 * 2 ** 30,
    uptimeSeconds: 3600,
    ...overrides,
  };
}

export function anInventoryDocument(hostname = 'PC-001'): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: T0.toISOString(),
    agentVersion: '0.1.0',
    probes: [{ section: 'os', ms: 12, status: 'ok', reason: null }],
    os: {
      platform: 'win32',
      distro: 'Microsoft Windows 11 Pro',
      release: '10.0.22631',
      build: '22631',
      codename: null,
      kernel: '10.0.22631',
      arch: 'x64',
      hostname,
      fqdn: null,
      timezone: 'Europe/Paris',
      lastBootAt: null,
    },
  };
}
