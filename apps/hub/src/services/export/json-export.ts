import type { Writable } from 'node:stream';
import type { ExportColumn } from '@deskside/protocol';
import { writeWithBackpressure } from './byte-sink.js';
import { deviceColumns, type ExportDevice } from './columns.js';
import { exportPages, type ExportSource } from './export-source.js';
import type { SectionName } from './sections.js';

const ALL_SECTIONS: ReadonlySet<SectionName> = new Set(['system', 'disks', 'adapters', 'software']);

/**
 * Streams a JSON array, one object per device: the chosen columns (keyed by column name, values
 * as typed — JSON needs no formula neutralization) plus its disks, network adapters and software.
 */
export async function writeJsonExport(out: Writable, source: ExportSource, columns: readonly ExportColumn[] | undefined): Promise<number> {
  const defs = deviceColumns(columns);
  const toObject = (device: ExportDevice) => {
    const row: Record<string, unknown> = {};
    for (const d of defs) row[d.key] = d.value(device) ?? null;
    row['disks'] = device.sections.disks;
    row['networkAdapters'] = device.sections.adapters;
    row['software'] = device.sections.software;
    return row;
  };
  await writeWithBackpressure(out, '[');
  let rows = 0;
  for await (const page of exportPages(source, ALL_SECTIONS)) {
    let chunk = '';
    for (const device of page) {
      chunk += (rows === 0 ? '\n' : ',\n') + JSON.stringify(toObject(device));
      rows++;
    }
    await writeWithBackpressure(out, chunk);
  }
  await writeWithBackpressure(out, rows === 0 ? ']\n' : '\n]\n');
  return rows;
}
