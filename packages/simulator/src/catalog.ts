/** What a small business's PCs really look like: the models, CPUs and OS builds the simulator draws from. */
export const MODELS = [
  { manufacturer: 'Dell Inc.', model: 'Latitude 5440', virtual: false },
  { manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', virtual: false },
  { manufacturer: 'LENOVO', model: '21HD (ThinkPad T14 Gen 4)', virtual: false },
  { manufacturer: 'HP', model: 'HP EliteBook 840 G9', virtual: false },
  { manufacturer: 'HP', model: 'HP ProDesk 400 G7', virtual: false },
  { manufacturer: 'Apple Inc.', model: 'MacBookAir10,1', virtual: false },
  { manufacturer: 'Microsoft Corporation', model: 'Virtual Machine', virtual: true },
] as const;

export const CPUS = [
  { manufacturer: 'Intel', brand: 'Core i5-1345U', cores: 12, physicalCores: 10, speedGHz: 1.6 },
  { manufacturer: 'Intel', brand: 'Core i7-12700', cores: 20, physicalCores: 12, speedGHz: 2.1 },
  { manufacturer: 'AMD', brand: 'Ryzen 5 PRO 7540U', cores: 12, physicalCores: 6, speedGHz: 3.2 },
  { manufacturer: 'Apple', brand: 'M1', cores: 8, physicalCores: 8, speedGHz: 3.2 },
] as const;

export const OPERATING_SYSTEMS = [
  { platform: 'win32', distro: 'Microsoft Windows 11 Pro', release: '10.0.22631', build: '22631', kernel: '10.0.22631' },
  { platform: 'win32', distro: 'Microsoft Windows 10 Pro', release: '10.0.19045', build: '19045', kernel: '10.0.19045' },
  { platform: 'darwin', distro: 'macOS', release: '14.6.1', build: '23G93', kernel: '23.6.0' },
  { platform: 'linux', distro: 'Ubuntu', release: '22.04.4 LTS', build: null, kernel: '6.5.0-35-generic' },
] as const;

export const DEPARTMENTS = ['acct', 'sales', 'ops', 'hr', 'dev', 'front', 'wh'] as const;
export const TIMEZONES = ['Europe/Paris', 'Europe/Berlin', 'America/New_York', 'Europe/London'] as const;
