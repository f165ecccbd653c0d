import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { findNode, fieldsOf, parseIndentTree } from '../text/indent-tree.js';
import { parseByteSize } from '../text/numbers.js';

export interface MacHardware {
  readonly modelName?: string;
  readonly modelIdentifier?: string;
  readonly modelNumber?: string;
  /** `Apple M1 Pro` on Apple silicon. */
  readonly chip?: string;
  /** `Intel Core i7` and its speed on Intel Macs. */
  readonly processor?: string;
  readonly cores?: number;
  readonly memoryBytes?: number;
  readonly serial?: string;
  readonly uuid?: string;
  readonly provisioningUdid?: string;
}

/** `system_profiler SPHardwareDataType`, or the Hardware section of a full `system_profiler` run. */
export function parseSpHardware(text: string): ProbeResult<MacHardware> {
  const overview = findNode(parseIndentTree(text), 'Hardware Overview');
  if (!overview) return unknown('no "Hardware Overview:" section');
  const f = fieldsOf(overview);
  const cores = /^(\d+)/.exec(f['Total Number of Cores'] ?? '');
  const processor = f['Processor Name'] === undefined ? undefined : [f['Processor Name'], f['Processor Speed']].filter(Boolean).join(' ');
  return ok({
    modelName: f['Model Name'],
    modelIdentifier: f['Model Identifier'],
    modelNumber: f['Model Number'],
    chip: f['Chip'],
    processor,
    cores: cores ? Number(cores[1]) : undefined,
    // RAM sizes are binary even though macOS prints `GB`.
    memoryBytes: f['Memory'] === undefined ? undefined : parseByteSize(f['Memory'], 1024),
    serial: f['Serial Number (system)'],
    uuid: f['Hardware UUID'],
    provisioningUdid: f['Provisioning UDID'],
  });
}

export const spHardwareProbe = defineTextProbe({
  id: 'macos.sp-hardware',
  platforms: ['darwin'],
  commands: [{ file: '/usr/sbin/system_profiler', args: ['SPHardwareDataType'] }],
  parseText: parseSpHardware,
});
