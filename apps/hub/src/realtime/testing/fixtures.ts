// Test support only: valid wire payloads.
import { inventoryHashInput, newId, type Heartbeat, type InventoryDocument, type MetricsSample } from '@deskside/protocol';
import { sha256Hex } from '../../services/ingest/inventory-hash.js';

export function metrics(overrides: Partial<MetricsSample> = {}): MetricsSample {
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

export function heartbeat(overrides: Partial<Heartbeat> = {}): Heartbeat {
  return { id: newId(), sentAt: new Date().toISOString(), metrics: metrics(), ...overrides };
}

export function inventoryDocument(hostname = 'pc-042'): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: new Date().toISOString(),
    agentVersion: '0.1.0',
    probes: [{ section: 'os', ms: 12, status: 'ok', reason: null }],
    os: {
      platform: 'linux',
      distro: 'Ubuntu',
      release: '22.04.4 LTS',
      build: null,
      codename: 'jammy',
      kernel: '6.5.0-41-generic',
      arch: 'x64',
      hostname,
      fqdn: null,
      timezone: 'Europe/Paris',
      lastBootAt: null,
    },
    cpu: { manufacturer: 'Intel', brand: 'Core i5-1135G7', cores: 8, physicalCores: 4, speedGHz: 2.4 },
    memory: { totalBytes: 16 * 2 ** 30, modules: [] },
    volumes: [
      { mount: '/', fs: 'ext4', label: null, sizeBytes: 500 * 2 ** 30, usedBytes: 200 * 2 ** 30, removable: false, encrypted: true },
      { mount: '/data', fs: 'ext4', label: null, sizeBytes: 1000 * 2 ** 30, usedBytes: 10 * 2 ** 30, removable: false, encrypted: false },
    ],
    network: {
      adapters: [
        { name: 'docker0', mac: null, ipv4: ['172.17.0.1'], ipv6: [], type: 'virtual', speedMbps: null, dhcp: false, isDefault: false },
        { name: 'eth0', mac: '00:11:22:33:44:55', ipv4: ['192.168.1.42'], ipv6: [], type: 'wired', speedMbps: 1000, dhcp: true, isDefault: true },
      ],
      defaultGateway: '192.168.1.1',
      dnsServers: [],
    },
  };
}

export function hashOf(doc: InventoryDocument): string {
  return sha256Hex(inventoryHashInput(doc));
}
