import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { findNode, fieldsOf, parseIndentTree, type TreeNode } from '../text/indent-tree.js';
import { parseByteSize } from '../text/numbers.js';

export interface MacDisplay {
  readonly name: string;
  readonly resolution?: string;
  readonly builtIn: boolean;
  readonly main: boolean;
  readonly serial?: string;
}

export interface MacGpu {
  readonly name: string;
  readonly vendor?: string;
  readonly bus?: string;
  readonly vramBytes?: number;
  readonly deviceId?: string;
  readonly displays: readonly MacDisplay[];
}

/** `system_profiler SPDisplaysDataType` (or the Graphics/Displays part of a full run). */
export function parseSpDisplays(text: string): ProbeResult<MacGpu[]> {
  const root = findNode(parseIndentTree(text), 'Graphics/Displays');
  if (!root) return unknown('no "Graphics/Displays:" section');
  const gpus = root.children.filter((node) => node.value === undefined).map(toGpu);
  if (gpus.length === 0) return unknown('no GPU under Graphics/Displays');
  return ok(gpus);
}

function toGpu(node: TreeNode): MacGpu {
  const f = fieldsOf(node);
  const vram = f['VRAM (Total)'] ?? f['VRAM (Dynamic, Max)'];
  const displays = findNode(node.children, 'Displays')?.children.filter((d) => d.value === undefined) ?? [];
  return {
    name: f['Chipset Model'] ?? node.key,
    vendor: f['Vendor']?.replace(/\s*\(0x[0-9a-f]+\)$/i, ''),
    bus: f['Bus'],
    vramBytes: vram === undefined ? undefined : parseByteSize(vram, 1024),
    deviceId: f['Device ID'],
    displays: displays.map((display) => {
      const d = fieldsOf(display);
      return {
        name: display.key,
        resolution: d['Resolution'],
        builtIn: /built-in/i.test(d['Display Type'] ?? '') || d['Connection Type'] === 'Internal',
        main: d['Main Display'] === 'Yes',
        serial: d['Display Serial Number'],
      };
    }),
  };
}

export const spDisplaysProbe = defineTextProbe({
  id: 'macos.sp-displays',
  platforms: ['darwin'],
  commands: [{ file: '/usr/sbin/system_profiler', args: ['SPDisplaysDataType'] }],
  parseText: parseSpDisplays,
});
