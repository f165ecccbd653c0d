import type { Writable } from 'node:stream';
import type { ExportColumn } from '@deskside/protocol';
import { writeWithBackpressure } from './byte-sink.js';
import { columnsNeedSystem, deviceColumns } from './columns.js';
import { CSV_BOM, csvRow } from './csv.js';
import { exportPages, type ExportSource } from './export-source.js';
import type { SectionName } from './sections.js';

/** Streams the devices section as CSV (BOM, header row, one record per device); answers the row count. */
export async function writeCsvExport(out: Writable, source: ExportSource, columns: readonly ExportColumn[] | undefined): Promise<number> {
  const defs = deviceColumns(columns);
  const sections = new Set<SectionName>(columnsNeedSystem(columns) ? ['system'] : []);
  await writeWithBackpressure(out, CSV_BOM + csvRow(defs.map((d) => d.header)));
  let rows = 0;
  for await (const page of exportPages(source, sections)) {
    // One write per page: fewer syscalls, and backpressure is still honoured between pages.
    let chunk = '';
    for (const device of page) chunk += csvRow(defs.map((d) => d.value(device)));
    rows += page.length;
    await writeWithBackpressure(out, chunk);
  }
  return rows;
}
