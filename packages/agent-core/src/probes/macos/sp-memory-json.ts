import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseByteSize } from '../text/numbers.js';

export interface MacMemoryModule {
  /** Slot name on Intel Macs (`BANK 0/DIMM0`); Apple silicon reports one unified block. */
  readonly slot?: string;
  readonly sizeBytes?: number;
  /** `lp_ddr4`, `DDR4`… as reported. */
  readonly type?: string;
  readonly speed?: string;
  readonly manufacturer?: string;
  readonly serial?: string;
}

type Item = Record<string, unknown>;

const isRecord = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (item: Item, key: string): string | undefined => (typeof item[key] === 'string' ? item[key] : undefined);

/** `system_profiler SPMemoryDataType -json`: Apple silicon gives one item, Intel a list of banks. */
export function parseSpMemoryJson(text: string): ProbeResult<MacMemoryModule[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unknown('output is not JSON (truncated?)');
  }
  const items = isRecord(json) ? json['SPMemoryDataType'] : undefined;
  if (!Array.isArray(items)) return unknown('JSON has no SPMemoryDataType array');
  const modules: MacMemoryModule[] = [];
  for (const item of items.filter(isRecord)) {
    const banks = Array.isArray(item['_items']) ? item['_items'].filter(isRecord) : [];
    if (banks.length > 0) modules.push(...banks.filter((b) => !/^empty$/i.test(str(b, 'dimm_size') ?? '')).map(toModule));
    else modules.push(toModule(item));
  }
  return ok(modules);
}

function toModule(item: Item): MacMemoryModule {
  // Apple silicon puts the size under the data type's own key.
  const size = str(item, 'dimm_size') ?? str(item, 'SPMemoryDataType');
  return {
    slot: str(item, '_name'),
    sizeBytes: size === undefined ? undefined : parseByteSize(size, 1024),
    type: str(item, 'dimm_type'),
    speed: str(item, 'dimm_speed'),
    manufacturer: str(item, 'dimm_manufacturer'),
    serial: str(item, 'dimm_serial_number'),
  };
}

export const spMemoryJsonProbe = defineTextProbe({
  id: 'macos.sp-memory-json',
  platforms: ['darwin'],
  commands: [{ file: '/usr/sbin/system_profiler', args: ['SPMemoryDataType', '-json'] }],
  parseText: parseSpMemoryJson,
});
