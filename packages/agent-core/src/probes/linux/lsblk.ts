import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseAlignedTable } from '../text/columns.js';
import { parseByteSize } from '../text/numbers.js';

export interface BlockDevice {
  readonly name: string;
  /** `disk`, `part`, `rom`, `loop`, `lvm`, `crypt`… */
  readonly type: string;
  readonly sizeBytes?: number;
  readonly parent?: string;
  readonly removable?: boolean;
  readonly readOnly?: boolean;
  readonly rotational?: boolean;
  readonly mountpoint?: string;
  readonly fstype?: string;
  readonly label?: string;
  readonly uuid?: string;
  readonly partuuid?: string;
  readonly model?: string;
  readonly serial?: string;
  readonly vendor?: string;
  readonly transport?: string;
}

const TREE_PREFIX = /^[\s│├└─|`-]+/u;

/**
 * `lsblk -o +KNAME,FSTYPE,…` text (column-aligned, tree-drawn names). Sizes are lsblk's
 * human units (`1.4M`, `20G`: powers of 1024), so they are approximate.
 */
export function parseLsblk(text: string): ProbeResult<BlockDevice[]> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (!/^\s*NAME\s/.test(lines[0] ?? '')) return unknown('no NAME header line');
  const { rows } = parseAlignedTable(lines);
  const devices: BlockDevice[] = [];
  let lastDisk: string | undefined;
  for (const row of rows) {
    const drawn = row['NAME'] ?? '';
    const name = drawn.replace(TREE_PREFIX, '');
    if (name === '') continue;
    const isChild = drawn !== name;
    if (!isChild) lastDisk = name;
    const flag = (key: string): boolean | undefined => (row[key] === '1' ? true : row[key] === '0' ? false : undefined);
    const text = (key: string): string | undefined => (row[key] === undefined || row[key] === '' ? undefined : row[key]);
    devices.push({
      name,
      type: row['TYPE'] ?? '',
      sizeBytes: parseByteSize(row['SIZE'] ?? '', 1024),
      parent: text('PKNAME') ?? (isChild ? lastDisk : undefined),
      removable: flag('RM'),
      readOnly: flag('RO'),
      rotational: flag('ROTA'),
      mountpoint: text('MOUNTPOINT'),
      fstype: text('FSTYPE'),
      label: text('LABEL'),
      uuid: text('UUID'),
      partuuid: text('PARTUUID'),
      model: text('MODEL'),
      serial: text('SERIAL'),
      vendor: text('VENDOR'),
      transport: text('TRAN'),
    });
  }
  if (devices.length === 0) return unknown('lsblk listed no device');
  return ok(devices);
}

export const lsblkProbe = defineTextProbe({
  id: 'linux.lsblk',
  platforms: ['linux'],
  commands: [
    {
      file: 'lsblk',
      args: ['-o', 'NAME,MAJ:MIN,RM,SIZE,RO,TYPE,MOUNTPOINT,KNAME,FSTYPE,LABEL,UUID,PARTUUID,MODEL,SERIAL,ROTA,PKNAME,TRAN,VENDOR'],
    },
  ],
  parseText: parseLsblk,
});
