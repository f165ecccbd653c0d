import { createHash } from 'node:crypto';
import { inventoryHashInput, type InventoryDocument } from '@deskside/protocol';
import { CPUS, DEPARTMENTS, MODELS, OPERATING_SYSTEMS, TIMEZONES } from './catalog.js';
import { between, pick, seededRandom } from './random.js';

const GiB = 2 ** 30;

/** A realistic, schema-valid inventory for simulated device number `index` of fleet `seed`. */
export function simulatedInventory(seed: number, index: number, collectedAt = new Date()): InventoryDocument {
  const random = seededRandom(seed * 1_000_003 + index);
  const hw = pick(random, MODELS);
  const cpu = pick(random, CPUS);
  const os = pick(random, OPERATING_SYSTEMS);
  const hostname = `${pick(random, DEPARTMENTS)}-${String(index).padStart(4, '0')}`;
  const ram = pick(random, [8, 16, 16, 32]) * GiB;
  const disk = pick(random, [256, 512, 512, 1024]) * 1e9;
  const used = Math.floor(disk * (0.2 + random() * 0.7));
  const mac = Array.from({ length: 6 }, () => between(random, 0, 255).toString(16).padStart(2, '0')).join(':');
  const ip = `10.${seed % 250}.${Math.floor(index / 250) % 250}.${(index % 250) + 2}`;
  return {
    schemaVersion: 1,
    collectedAt: collectedAt.toISOString(),
    agentVersion: '0.1.0-sim',
    probes: [],
    system: {
      manufacturer: hw.manufacturer,
      model: hw.model,
      version: null,
      serial: `SIM${seed}X${index}`,
      uuid: null,
      sku: null,
      virtual: hw.virtual,
    },
    os: {
      platform: os.platform,
      distro: os.distro,
      release: os.release,
      build: os.build,
      codename: null,
      kernel: os.kernel,
      arch: 'x64',
      hostname,
      fqdn: `${hostname}.corp.example`,
      timezone: pick(random, TIMEZONES),
      lastBootAt: new Date(collectedAt.getTime() - between(random, 1, 30) * 86_400_000).toISOString(),
    },
    cpu: { ...cpu },
    memory: { totalBytes: ram, modules: [] },
    disks: [
      {
        device: 'disk0',
        model: 'NVMe SSD',
        serial: `SSD${seed}${index}`,
        sizeBytes: disk,
        type: 'SSD',
        interface: 'NVMe',
        smartStatus: 'ok',
      },
    ],
    volumes: [
      { mount: os.platform === 'win32' ? 'C:' : '/', fs: null, label: null, sizeBytes: disk, usedBytes: used, removable: false, encrypted: null },
    ],
    network: {
      adapters: [
        { name: 'eth0', mac, ipv4: [ip], ipv6: [], type: 'wired', speedMbps: 1000, dhcp: true, isDefault: true },
      ],
      defaultGateway: ip.replace(/\.\d+$/, '.1'),
      dnsServers: [ip.replace(/\.\d+$/, '.1')],
    },
  };
}

/** The inventory hash both ends compute: SHA-256 of the protocol's canonical hash input. */
export function inventoryHash(document: InventoryDocument): string {
  return createHash('sha256').update(inventoryHashInput(document)).digest('hex');
}
