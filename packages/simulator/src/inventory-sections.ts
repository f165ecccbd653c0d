import type { InventoryDocument } from '@deskside/protocol';
import type { HardwareProfile } from './catalog.js';
import { FIRST_NAMES, LAST_NAMES } from './catalog.js';
import { between, pick, type Random } from './random.js';
import { CORE_SOFTWARE, OPTIONAL_SOFTWARE, SERVICES } from './software-catalog.js';

const GiB = 2 ** 30;
type Platform = HardwareProfile['platform'];

/** The person who uses PC number `index` (stable: the same index is the same person). */
export function personOf(index: number): { first: string; last: string; username: string } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Alex';
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Doe';
  const username = `${first[0]}${last}`.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  return { first, last, username };
}

/** Software a PC of `platform` really has: the standard image plus a few department tools. */
export function softwareFor(random: Random, platform: Platform, installedAt: Date, collectedAt: Date): NonNullable<InventoryDocument['software']> {
  const source = platform === 'win32' ? 'registry' : platform === 'darwin' ? 'applications' : 'dpkg';
  const optional = OPTIONAL_SOFTWARE[platform].filter(() => random() < 0.3);
  const day = (offset: number) => new Date(Math.min(collectedAt.getTime(), installedAt.getTime() + offset * 86_400_000)).toISOString().slice(0, 10);
  return [...CORE_SOFTWARE[platform], ...optional].map(([name, publisher, version], i) => ({
    name,
    version,
    publisher,
    installDate: platform === 'win32' ? day(between(random, 0, 200) + i).replace(/-/g, '') : null,
    source,
    arch: platform === 'darwin' ? 'arm64' : 'x64',
  }));
}

export function servicesFor(random: Random, platform: Platform): NonNullable<InventoryDocument['services']> {
  return SERVICES[platform].map(([name, displayName, startMode]) => ({
    name,
    displayName,
    startMode,
    state: startMode === 'disabled' ? 'stopped' : startMode === 'manual' ? (random() < 0.3 ? 'running' : 'stopped') : 'running',
  }));
}

export function usersFor(index: number, platform: Platform, since: Date): NonNullable<InventoryDocument['users']> {
  const person = personOf(index);
  const admin = platform === 'win32' ? 'Administrator' : platform === 'darwin' ? 'itadmin' : 'root';
  return {
    loggedIn: [{ name: person.username, session: platform === 'win32' ? 'Console' : 'console', since: since.toISOString() }],
    local: [
      { name: person.username, fullName: `${person.first} ${person.last}`, admin: false, disabled: false },
      { name: admin, fullName: null, admin: true, disabled: platform === 'win32' },
      ...(platform === 'win32' ? [{ name: 'Guest', fullName: null, admin: false, disabled: true }] : []),
    ],
  };
}

export function securityFor(random: Random, platform: Platform): NonNullable<InventoryDocument['security']> {
  const av = platform === 'win32' ? [{ name: 'Microsoft Defender Antivirus', enabled: random() > 0.03, upToDate: random() > 0.08 }] : platform === 'darwin' ? [{ name: 'XProtect', enabled: true, upToDate: true }] : [];
  return {
    antivirus: av,
    firewallEnabled: random() > 0.05,
    firewallProfiles: platform === 'win32' ? [{ name: 'Domain', enabled: true }, { name: 'Private', enabled: true }, { name: 'Public', enabled: random() > 0.05 }] : [],
    diskEncryption: platform === 'win32' ? (random() > 0.15 ? 'bitlocker' : 'none') : platform === 'darwin' ? 'filevault' : random() > 0.3 ? 'luks' : 'none',
    systemVolumeEncrypted: null,
    pendingUpdates: between(random, 0, 6),
    rebootPending: random() < 0.12,
  };
}

export function peripheralsFor(random: Random, hw: HardwareProfile, serial: string, seed: number, index: number): Pick<InventoryDocument, 'graphics' | 'monitors' | 'battery' | 'printers' | 'usbDevices' | 'hardware'> {
  const notebook = hw.chassis === 'Notebook';
  const external = !hw.virtual && random() < 0.7;
  const health = between(random, 68, 100);
  return {
    hardware: {
      chassisType: hw.chassis,
      assetTag: null,
      biosVendor: hw.biosVendor,
      biosVersion: hw.platform === 'darwin' ? '10151.41.12' : `1.${between(random, 8, 24)}.${between(random, 0, 9)}`,
      biosDate: `2024-0${between(random, 1, 9)}-1${between(random, 0, 9)}`,
      baseboardManufacturer: hw.manufacturer,
      baseboardModel: hw.model.split(' ')[0] ?? hw.model,
      baseboardSerial: `${serial}B`,
      secureBoot: hw.platform === 'darwin' ? true : random() > 0.1,
    },
    graphics: [{ vendor: hw.graphics.vendor, model: hw.graphics.model, vramBytes: hw.graphics.vramBytes, bus: hw.virtual ? null : 'PCIe', driverVersion: hw.platform === 'win32' ? '31.0.101.5590' : null }],
    monitors: [
      ...(notebook ? [{ manufacturer: hw.manufacturer, model: 'Built-in display', serial: null, resolution: hw.platform === 'darwin' ? '2560x1664' : '1920x1200', builtIn: true, connection: 'Internal' }] : []),
      ...(external ? [{ manufacturer: 'Dell', model: pick(random, ['P2422H', 'U2723QE', 'P2723DE']), serial: `CN0${seed}${index}M`, resolution: '2560x1440', builtIn: false, connection: pick(random, ['DisplayPort', 'HDMI', 'USB-C']) }] : []),
    ],
    battery: notebook && hw.batteryMWh !== null
      ? { manufacturer: hw.manufacturer.split(' ')[0] ?? null, model: `${hw.model.split(' ')[0]} battery`, serial: `B${serial}`, chemistry: 'LiP', capacityUnit: 'mWh', designCapacity: hw.batteryMWh, fullCapacity: Math.round((hw.batteryMWh * health) / 100), cycleCount: between(random, 20, 700), healthPercent: health }
      : undefined,
    printers: hw.virtual
      ? []
      : [
          { name: 'HP LaserJet Pro MFP 4102 (Floor 2)', driver: 'HP Universal Printing PCL 6', port: '10.0.20.15', isDefault: true, shared: false, network: true },
          ...(hw.platform === 'win32' ? [{ name: 'Microsoft Print to PDF', driver: 'Microsoft Print To PDF', port: 'PORTPROMPT:', isDefault: false, shared: false, network: false }] : []),
        ],
    usbDevices: hw.virtual
      ? []
      : [
          { name: 'USB Receiver', manufacturer: 'Logitech', vendorId: '046d', productId: 'c52b', serial: null, deviceClass: 'HID' },
          ...(notebook ? [{ name: 'Integrated Camera', manufacturer: hw.manufacturer, vendorId: '04f2', productId: 'b7b6', serial: null, deviceClass: 'Video' }] : []),
          ...(random() < 0.4 ? [{ name: 'Jabra Evolve2 65', manufacturer: 'GN Audio A/S', vendorId: '0b0e', productId: '030c', serial: `J${seed}${index}`, deviceClass: 'Audio' }] : []),
        ],
  };
}

export function memoryFor(random: Random, hw: HardwareProfile): { total: number; modules: NonNullable<InventoryDocument['memory']>['modules'] } {
  const total = pick(random, hw.platform === 'darwin' ? [8, 16, 16, 24] : hw.virtual ? [8, 16] : [8, 16, 16, 32]) * GiB;
  if (hw.platform === 'darwin' || hw.virtual) return { total, modules: [] };
  const slots = total >= 16 * GiB && hw.chassis === 'Desktop' ? 2 : 1;
  return {
    total,
    modules: Array.from({ length: slots }, (_, i) => ({ slot: `DIMM ${i + 1}`, sizeBytes: total / slots, type: 'DDR5', speedMHz: 5600, manufacturer: pick(random, ['Samsung', 'SK Hynix', 'Micron']), serial: `M${between(random, 10_000_000, 99_999_999)}` })),
  };
}
