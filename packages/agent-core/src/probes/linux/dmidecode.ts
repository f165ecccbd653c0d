import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { blankToUndefined } from '../text/lines.js';
import { parseByteSize } from '../text/numbers.js';

/** One SMBIOS structure: its type and its `Key: value` lines (list items are dropped). */
export interface DmiRecord {
  readonly type: number;
  readonly title: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface MemoryModule {
  readonly slot?: string;
  readonly bank?: string;
  readonly sizeBytes: number;
  readonly type?: string;
  readonly formFactor?: string;
  /** MT/s (or MHz on older dmidecode, the same number for DDR). */
  readonly speed?: number;
  readonly configuredSpeed?: number;
  /** As printed; JEDEC hex ids (`80AD000080AD`) are decoded when known. */
  readonly manufacturer?: string;
  readonly serial?: string;
  readonly partNumber?: string;
}

export interface DmiSummary {
  readonly system: { manufacturer?: string; product?: string; version?: string; serial?: string; uuid?: string; sku?: string; family?: string };
  readonly baseboard: { manufacturer?: string; product?: string; version?: string; serial?: string };
  readonly bios: { vendor?: string; version?: string; date?: string };
  readonly chassis: { type?: string; manufacturer?: string; serial?: string; assetTag?: string };
  readonly memory: readonly MemoryModule[];
}

/** Splits `dmidecode` output into structures (`Handle 0x…, DMI type N, …` + title + fields). */
export function parseDmiRecords(text: string): DmiRecord[] {
  const records: { type: number; title: string; fields: Record<string, string> }[] = [];
  let current: (typeof records)[number] | undefined;
  let expectTitle = false;
  for (const line of text.split('\n')) {
    const handle = /^Handle 0x[0-9A-F]+, DMI type (\d+)/i.exec(line);
    if (handle) {
      current = { type: Number(handle[1]), title: '', fields: {} };
      records.push(current);
      expectTitle = true;
      continue;
    }
    if (!current || line.trim() === '') continue;
    if (expectTitle) {
      current.title = line.trim();
      expectTitle = false;
      continue;
    }
    // Fields sit one level deep (a tab or 8 spaces); deeper lines are list items.
    const depth = /^(\t+| +)/.exec(line)?.[1] ?? '';
    if (depth.includes('\t') ? depth.length > 1 : depth.length > 8) continue;
    const colon = line.indexOf(':');
    if (colon > 0) current.fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return records;
}

/** Full `dmidecode`: system, baseboard, BIOS, chassis and installed memory modules. */
export function parseDmidecode(text: string): ProbeResult<DmiSummary> {
  const records = parseDmiRecords(text);
  if (records.length === 0) return unknown('no "Handle …, DMI type" structure (dmidecode needs root)');
  const first = (type: number): Readonly<Record<string, string>> => records.find((r) => r.type === type)?.fields ?? {};
  // dmidecode marks broken string references as `<BAD INDEX>` / `<OUT OF SPEC>`: no value.
  const get = (fields: Readonly<Record<string, string>>, key: string): string | undefined =>
    /^<.*>$/.test(fields[key] ?? '') ? undefined : blankToUndefined(fields[key]);
  const system = first(1);
  const board = first(2);
  const bios = first(0);
  const chassis = first(3);
  return ok({
    system: {
      manufacturer: get(system, 'Manufacturer'),
      product: get(system, 'Product Name'),
      version: get(system, 'Version'),
      serial: get(system, 'Serial Number'),
      uuid: get(system, 'UUID'),
      sku: get(system, 'SKU Number'),
      family: get(system, 'Family'),
    },
    baseboard: {
      manufacturer: get(board, 'Manufacturer'),
      product: get(board, 'Product Name'),
      version: get(board, 'Version'),
      serial: get(board, 'Serial Number'),
    },
    bios: { vendor: get(bios, 'Vendor'), version: get(bios, 'Version'), date: get(bios, 'Release Date') },
    chassis: {
      type: get(chassis, 'Type'),
      manufacturer: get(chassis, 'Manufacturer'),
      serial: get(chassis, 'Serial Number'),
      assetTag: get(chassis, 'Asset Tag'),
    },
    memory: memoryModules(records),
  });
}

/** `dmidecode -t 17`: installed memory modules; empty slots (`No Module Installed`) are skipped. */
export function parseDmidecodeMemory(text: string): ProbeResult<MemoryModule[]> {
  const records = parseDmiRecords(text);
  if (!records.some((r) => r.type === 17)) return unknown('no "DMI type 17" memory device structure');
  return ok(memoryModules(records));
}

function memoryModules(records: readonly DmiRecord[]): MemoryModule[] {
  const modules: MemoryModule[] = [];
  for (const { type, fields } of records) {
    if (type !== 17) continue;
    const sizeBytes = parseByteSize(fields['Size'] ?? '', 1024);
    if (sizeBytes === undefined || sizeBytes === 0) continue;
    const speed = /^(\d+)/.exec(fields['Speed'] ?? '');
    const configured = /^(\d+)/.exec(fields['Configured Memory Speed'] ?? fields['Configured Clock Speed'] ?? '');
    const manufacturer = blankToUndefined(fields['Manufacturer']);
    modules.push({
      slot: blankToUndefined(fields['Locator']),
      bank: blankToUndefined(fields['Bank Locator']),
      sizeBytes,
      type: blankToUndefined(fields['Type']),
      formFactor: blankToUndefined(fields['Form Factor']),
      speed: speed ? Number(speed[1]) : undefined,
      configuredSpeed: configured ? Number(configured[1]) : undefined,
      manufacturer: manufacturer === undefined ? undefined : (jedecName(manufacturer) ?? manufacturer),
      serial: blankToUndefined(fields['Serial Number']),
      partNumber: blankToUndefined(fields['Part Number']),
    });
  }
  return modules;
}

// A few JEDEC JEP106 ids that dmidecode prints as raw hex (bank continuation byte + id).
const JEDEC: Record<string, string> = {
  '80AD': 'SK Hynix',
  '00AD': 'SK Hynix',
  '80CE': 'Samsung',
  '00CE': 'Samsung',
  '802C': 'Micron',
  '002C': 'Micron',
  '8325': 'Kingmax',
  '0198': 'Kingston',
  '8198': 'Kingston',
  '859B': 'Crucial',
};

function jedecName(raw: string): string | undefined {
  if (!/^[0-9A-F]{4}([0-9A-F]{4}){0,2}$/i.test(raw)) return undefined;
  return JEDEC[raw.slice(0, 4).toUpperCase()];
}

export const dmidecodeProbe = defineTextProbe({
  id: 'linux.dmidecode',
  platforms: ['linux'],
  commands: [{ file: 'dmidecode', args: [] }],
  parseText: parseDmidecode,
});

export const dmidecodeMemoryProbe = defineTextProbe({
  id: 'linux.dmidecode-memory',
  platforms: ['linux'],
  commands: [{ file: 'dmidecode', args: ['-t', '17'] }],
  parseText: parseDmidecodeMemory,
});
