import type { InventoryDocument } from './inventory.js';

/** A small, valid inventory document for tests on both ends. */
export function sampleInventory(overrides: Partial<InventoryDocument> = {}): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: '2026-11-24T10:00:00.000Z',
    agentVersion: '0.1.0',
    probes: [{ section: 'os', ms: 12, status: 'ok', reason: null }],
    os: {
      platform: 'linux',
      distro: 'Debian GNU/Linux',
      release: '12',
      build: null,
      codename: 'bookworm',
      kernel: '6.1.0',
      arch: 'x64',
      hostname: 'pc-01',
      fqdn: null,
      timezone: 'Europe/Paris',
      lastBootAt: '2026-11-20T08:00:00.000Z',
    },
    memory: { totalBytes: 16 * 2 ** 30, modules: [] },
    ...overrides,
  };
}
