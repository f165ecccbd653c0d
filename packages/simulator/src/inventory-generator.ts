import { createHash } from 'node:crypto';
import { inventoryHashInput, type InventoryDocument } from '@deskside/protocol';
import { DEPARTMENTS, OPERATING_SYSTEMS, PROFILES, TIMEZONES } from './catalog.js';
import { memoryFor, peripheralsFor, securityFor, servicesFor, softwareFor, usersFor } from './inventory-sections.js';
import { between, pick, pickWeighted, seededRandom } from './random.js';

/**
 * A realistic, schema-valid inventory for simulated device number `index` of fleet `seed`: one
 * coherent PC (vendor, model, CPU, OS, graphics and battery agree), software and services of its
 * OS, its user, every section filled. Deterministic for (seed, index).
 */
export function simulatedInventory(seed: number, index: number, collectedAt = new Date()): InventoryDocument {
  const random = seededRandom(seed * 1_000_003 + index);
  const hw = pickWeighted(random, PROFILES);
  const cpu = pick(random, hw.cpus);
  const os = pickWeighted(random, OPERATING_SYSTEMS[hw.platform]);
  const hostname = `${pick(random, DEPARTMENTS)}-${String(index).padStart(4, '0')}`;
  const memory = memoryFor(random, hw);
  const disk = pick(random, [256, 512, 512, 1024]) * 1e9;
  const used = Math.floor(disk * (0.2 + random() * 0.7));
  const mac = [hw.platform === 'darwin' ? 0x3c : 0x00, ...Array.from({ length: 5 }, () => between(random, 0, 255))].map((b) => b.toString(16).padStart(2, '0')).join(':');
  const ip = `10.${seed % 250}.${Math.floor(index / 250) % 250}.${(index % 250) + 2}`;
  const serial = `${hw.serialPrefix}SIM${seed}X${index}`;
  const bootAt = new Date(collectedAt.getTime() - between(random, 1, 30) * 86_400_000);
  const installedAt = new Date(collectedAt.getTime() - between(random, 60, 900) * 86_400_000);
  const wireless = hw.chassis === 'Notebook';
  return {
    schemaVersion: 1,
    collectedAt: collectedAt.toISOString(),
    agentVersion: '0.1.0-sim',
    probes: probesFor(random, hw.chassis !== 'Notebook'),
    system: { manufacturer: hw.manufacturer, model: hw.model, version: null, serial, uuid: null, sku: null, virtual: hw.virtual },
    os: {
      platform: hw.platform,
      distro: os.distro,
      release: os.release,
      build: os.build,
      codename: null,
      kernel: os.kernel,
      arch: hw.platform === 'darwin' ? 'arm64' : 'x64',
      hostname,
      fqdn: `${hostname}.corp.example`,
      timezone: pick(random, TIMEZONES),
      lastBootAt: bootAt.toISOString(),
      installedAt: installedAt.toISOString(),
      ...(hw.platform === 'win32' ? { domain: 'CORP', workgroup: null } : {}),
    },
    cpu: { ...cpu },
    memory: { totalBytes: memory.total, modules: memory.modules },
    disks: [
      {
        device: hw.platform === 'win32' ? '\\\\.\\PHYSICALDRIVE0' : hw.platform === 'darwin' ? 'disk0' : '/dev/nvme0n1',
        model: hw.platform === 'darwin' ? 'APPLE SSD AP0512Z' : pick(random, ['Samsung PM9A1 NVMe', 'SK hynix PC801 NVMe', 'Micron 2450 NVMe']),
        serial: `SSD${seed}${index}`,
        sizeBytes: disk,
        type: 'SSD',
        interface: 'NVMe',
        smartStatus: random() < 0.02 ? 'failing' : 'ok',
      },
    ],
    volumes: [
      {
        mount: hw.platform === 'win32' ? 'C:' : '/',
        fs: hw.platform === 'win32' ? 'NTFS' : hw.platform === 'darwin' ? 'APFS' : 'ext4',
        label: hw.platform === 'win32' ? 'Windows' : hw.platform === 'darwin' ? 'Macintosh HD' : null,
        sizeBytes: disk,
        usedBytes: used,
        removable: false,
        encrypted: null,
      },
    ],
    network: {
      adapters: [
        { name: wireless ? (hw.platform === 'win32' ? 'Wi-Fi' : hw.platform === 'darwin' ? 'en0' : 'wlp0s20f3') : hw.platform === 'win32' ? 'Ethernet' : 'eno1', mac, ipv4: [ip], ipv6: [], type: wireless ? 'wireless' : 'wired', speedMbps: wireless ? 866 : 1000, dhcp: true, isDefault: true },
      ],
      defaultGateway: ip.replace(/\.\d+$/, '.1'),
      dnsServers: [ip.replace(/\.\d+$/, '.1')],
      ...(wireless ? { wifi: { ssid: 'CORP-WIFI', bssid: null, security: 'WPA2-Enterprise', channel: pick(random, [36, 44, 100, 6]) } } : {}),
    },
    ...peripheralsFor(random, hw, serial, seed, index),
    users: usersFor(index, hw.platform, bootAt),
    software: softwareFor(random, hw.platform, installedAt, collectedAt),
    security: securityFor(random, hw.platform),
    services: servicesFor(random, hw.platform),
    startupItems: startupFor(hw.platform),
  };
}

const SECTIONS = ['system', 'os', 'cpu', 'memory', 'disks', 'volumes', 'network', 'hardware', 'graphics', 'monitors', 'battery', 'printers', 'usbDevices', 'users', 'software', 'security', 'services', 'startupItems'];

/** How long each collector took, as a real agent reports; a PC without a battery says so. */
function probesFor(random: () => number, noBattery: boolean): InventoryDocument['probes'] {
  return SECTIONS.map((section) =>
    section === 'battery' && noBattery
      ? { section, ms: between(random, 2, 20), status: 'unknown' as const, reason: 'This PC has no battery.' }
      : { section, ms: between(random, 3, section === 'software' ? 400 : 80), status: 'ok' as const, reason: null },
  );
}

function startupFor(platform: 'win32' | 'darwin' | 'linux'): NonNullable<InventoryDocument['startupItems']> {
  if (platform === 'win32') {
    return [
      { name: 'OneDrive', command: '"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe" /background', location: 'HKCU\\...\\Run', user: null },
      { name: 'Teams', command: 'ms-teams.exe msteams:system-initiated', location: 'HKCU\\...\\Run', user: null },
      { name: 'SecurityHealth', command: '%windir%\\system32\\SecurityHealthSystray.exe', location: 'HKLM\\...\\Run', user: null },
    ];
  }
  if (platform === 'darwin') return [{ name: 'Microsoft AutoUpdate', command: null, location: 'LaunchAgents', user: null }];
  return [{ name: 'nm-applet', command: 'nm-applet', location: '/etc/xdg/autostart', user: null }];
}

/** The inventory hash both ends compute: SHA-256 of the protocol's canonical hash input. */
export function inventoryHash(document: InventoryDocument): string {
  return createHash('sha256').update(inventoryHashInput(document)).digest('hex');
}
