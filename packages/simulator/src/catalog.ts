/**
 * What a small business's PCs really look like. A hardware profile fixes everything that must agree:
 * vendor, model, chassis, CPU family, the OS it runs, graphics, battery. The simulator never puts an
 * Apple CPU in a ThinkPad or Windows on a MacBook.
 */
export interface HardwareProfile {
  manufacturer: string;
  model: string;
  chassis: 'Notebook' | 'Desktop' | 'Virtual Machine';
  virtual: boolean;
  platform: 'win32' | 'darwin' | 'linux';
  cpus: readonly Cpu[];
  graphics: { vendor: string; model: string; vramBytes: number | null };
  biosVendor: string;
  /** Battery of a notebook: design capacity in mWh. */
  batteryMWh: number | null;
  serialPrefix: string;
  /** How often it appears in a fleet (relative). */
  weight: number;
}

export interface Cpu {
  manufacturer: string;
  brand: string;
  cores: number;
  physicalCores: number;
  speedGHz: number;
}

const I5_1345U: Cpu = { manufacturer: 'Intel', brand: 'Core i5-1345U', cores: 12, physicalCores: 10, speedGHz: 1.6 };
const I7_1365U: Cpu = { manufacturer: 'Intel', brand: 'Core i7-1365U', cores: 12, physicalCores: 10, speedGHz: 1.8 };
const I5_13500: Cpu = { manufacturer: 'Intel', brand: 'Core i5-13500', cores: 20, physicalCores: 14, speedGHz: 2.5 };
const I7_12700: Cpu = { manufacturer: 'Intel', brand: 'Core i7-12700', cores: 20, physicalCores: 12, speedGHz: 2.1 };
const R5_7540U: Cpu = { manufacturer: 'AMD', brand: 'Ryzen 5 PRO 7540U', cores: 12, physicalCores: 6, speedGHz: 3.2 };
const M2: Cpu = { manufacturer: 'Apple', brand: 'Apple M2', cores: 8, physicalCores: 8, speedGHz: 3.5 };
const M3: Cpu = { manufacturer: 'Apple', brand: 'Apple M3', cores: 8, physicalCores: 8, speedGHz: 4.05 };
const XEON: Cpu = { manufacturer: 'Intel', brand: 'Xeon Gold 6338', cores: 4, physicalCores: 4, speedGHz: 2.0 };
const IRIS = { vendor: 'Intel Corporation', model: 'Intel(R) Iris(R) Xe Graphics', vramBytes: null };

export const PROFILES: readonly HardwareProfile[] = [
  { manufacturer: 'Dell Inc.', model: 'Latitude 5440', chassis: 'Notebook', virtual: false, platform: 'win32', cpus: [I5_1345U, I7_1365U], graphics: IRIS, biosVendor: 'Dell Inc.', batteryMWh: 54_000, serialPrefix: '', weight: 5 },
  { manufacturer: 'LENOVO', model: '21HD (ThinkPad T14 Gen 4)', chassis: 'Notebook', virtual: false, platform: 'win32', cpus: [I5_1345U, I7_1365U], graphics: IRIS, biosVendor: 'LENOVO', batteryMWh: 52_500, serialPrefix: 'PF', weight: 5 },
  { manufacturer: 'LENOVO', model: '21K3 (ThinkPad T14 Gen 4 AMD)', chassis: 'Notebook', virtual: false, platform: 'win32', cpus: [R5_7540U], graphics: { vendor: 'Advanced Micro Devices, Inc.', model: 'AMD Radeon(TM) 740M', vramBytes: 536_870_912 }, biosVendor: 'LENOVO', batteryMWh: 52_500, serialPrefix: 'PF', weight: 2 },
  { manufacturer: 'HP', model: 'HP EliteBook 840 G10', chassis: 'Notebook', virtual: false, platform: 'win32', cpus: [I5_1345U, I7_1365U], graphics: IRIS, biosVendor: 'HP', batteryMWh: 51_000, serialPrefix: '5CG', weight: 4 },
  { manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', chassis: 'Desktop', virtual: false, platform: 'win32', cpus: [I5_13500], graphics: { vendor: 'Intel Corporation', model: 'Intel(R) UHD Graphics 770', vramBytes: null }, biosVendor: 'Dell Inc.', batteryMWh: null, serialPrefix: '', weight: 3 },
  { manufacturer: 'HP', model: 'HP Z2 Tower G9', chassis: 'Desktop', virtual: false, platform: 'win32', cpus: [I7_12700], graphics: { vendor: 'NVIDIA', model: 'NVIDIA RTX A2000 12GB', vramBytes: 12_884_901_888 }, biosVendor: 'HP', batteryMWh: null, serialPrefix: 'CZC', weight: 1 },
  { manufacturer: 'Apple Inc.', model: 'Mac14,2 (MacBook Air M2)', chassis: 'Notebook', virtual: false, platform: 'darwin', cpus: [M2], graphics: { vendor: 'Apple', model: 'Apple M2', vramBytes: null }, biosVendor: 'Apple Inc.', batteryMWh: 52_600, serialPrefix: 'C02', weight: 2 },
  { manufacturer: 'Apple Inc.', model: 'Mac15,3 (MacBook Pro M3)', chassis: 'Notebook', virtual: false, platform: 'darwin', cpus: [M3], graphics: { vendor: 'Apple', model: 'Apple M3', vramBytes: null }, biosVendor: 'Apple Inc.', batteryMWh: 70_000, serialPrefix: 'FVFH', weight: 1 },
  { manufacturer: 'Dell Inc.', model: 'Precision 3581', chassis: 'Notebook', virtual: false, platform: 'linux', cpus: [I7_1365U], graphics: IRIS, biosVendor: 'Dell Inc.', batteryMWh: 64_000, serialPrefix: '', weight: 1 },
  { manufacturer: 'Microsoft Corporation', model: 'Virtual Machine', chassis: 'Virtual Machine', virtual: true, platform: 'win32', cpus: [XEON], graphics: { vendor: 'Microsoft Corporation', model: 'Microsoft Hyper-V Video', vramBytes: null }, biosVendor: 'Microsoft Corporation', batteryMWh: null, serialPrefix: '', weight: 1 },
];

export interface OsEntry {
  distro: string;
  release: string;
  build: string | null;
  kernel: string;
  weight: number;
}

export const OPERATING_SYSTEMS: Record<HardwareProfile['platform'], readonly OsEntry[]> = {
  win32: [
    { distro: 'Microsoft Windows 11 Pro', release: '10.0.22631', build: '22631', kernel: '10.0.22631', weight: 3 },
    { distro: 'Microsoft Windows 11 Pro', release: '10.0.26100', build: '26100', kernel: '10.0.26100', weight: 2 },
    { distro: 'Microsoft Windows 10 Pro', release: '10.0.19045', build: '19045', kernel: '10.0.19045', weight: 1 },
  ],
  darwin: [
    { distro: 'macOS', release: '14.6.1', build: '23G93', kernel: '23.6.0', weight: 1 },
    { distro: 'macOS', release: '15.1', build: '24B83', kernel: '24.1.0', weight: 1 },
  ],
  linux: [{ distro: 'Ubuntu', release: '24.04.1 LTS', build: null, kernel: '6.8.0-48-generic', weight: 1 }],
};

export const DEPARTMENTS = ['acct', 'sales', 'ops', 'hr', 'dev', 'front', 'wh'] as const;
export const TIMEZONES = ['Europe/Paris', 'Europe/Berlin', 'America/New_York', 'Europe/London'] as const;

export const FIRST_NAMES = ['Julie', 'Thomas', 'Camille', 'Lucas', 'Emma', 'Hugo', 'Léa', 'Nathan', 'Chloé', 'Louis', 'Sarah', 'Jules', 'Inès', 'Paul', 'Manon', 'Arthur', 'Zoé', 'Adam', 'Alice', 'Noah'] as const;
export const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier'] as const;
