import type { Writable } from 'node:stream';
import type { ExportColumn } from '@deskside/protocol';
import ExcelJS from 'exceljs';
import {
  ADAPTER_COLUMNS,
  columnsNeedSystem,
  deviceColumns,
  DISK_COLUMNS,
  SOFTWARE_COLUMNS,
  type ColumnDef,
  type ExportDevice,
  type ItemRow,
} from './columns.js';
import { neutralizeFormula, type CellValue } from './csv.js';
import { exportPages, type ExportSource } from './export-source.js';
import type { SectionName } from './sections.js';
import { sheetSink, waitForSheet } from './sheet-backpressure.js';

/**
 * Devices read per store query while writing a sheet. Small on purpose: exceljs turns every cell
 * into short-lived objects, and a page that outlives a few scavenges gets promoted with all of
 * them, so the old generation (and RSS) grew to ~100 MB of garbage before V8 collected it. Pages
 * of 50 keep a 10,000- or 30,000-device export's RSS growth near 40 MB for ~10 % more CPU
 * (live heap after GC stays ~24 MB either way: nothing is retained; see the export figures).
 */
export const XLSX_PAGE_SIZE = 50;

type Worksheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/**
 * Streams an XLSX workbook with one sheet per section (devices, disks, network adapters,
 * software): a bold, frozen header row and set column widths. The streaming writer compresses
 * each committed row away, and a zip entry must be finished before the next begins, so the
 * sheets are written one after the other, each with its own bounded, page-by-page pass over the
 * store reading only the inventory section it shows. Memory stays bounded whatever the fleet's
 * size: no shared strings, styles on the header row only, every row and sheet committed, and
 * {@link waitForSheet} between pages.
 * Text cells are neutralized like CSV (a device named `=HYPERLINK(…)` stays text); numbers stay numbers.
 */
export async function writeXlsxExport(out: Writable, fleet: ExportSource, columns: readonly ExportColumn[] | undefined): Promise<number> {
  const source: ExportSource = { ...fleet, pageSize: fleet.pageSize ?? XLSX_PAGE_SIZE };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Deskside';

  const deviceDefs = deviceColumns(columns);
  let devices = 0;
  await writeSheet(workbook, out, 'Devices', deviceDefs, async function* () {
    for await (const page of exportPages(source, new Set<SectionName>(columnsNeedSystem(columns) ? ['system'] : []))) {
      devices += page.length;
      yield page;
    }
  });
  await writeSheet(workbook, out, 'Disks', DISK_COLUMNS, () => items(source, 'disks', (d) => d.sections.disks));
  await writeSheet(workbook, out, 'Network adapters', ADAPTER_COLUMNS, () => items(source, 'adapters', (d) => d.sections.adapters));
  await writeSheet(workbook, out, 'Software', SOFTWARE_COLUMNS, () => items(source, 'software', (d) => d.sections.software));
  await workbook.commit();
  return devices;
}

async function* items<T>(source: ExportSource, section: SectionName, pick: (device: ExportDevice) => readonly T[]): AsyncGenerator<ItemRow<T>[]> {
  for await (const page of exportPages(source, new Set([section]))) {
    yield page.flatMap((device) => pick(device).map((item) => ({ summary: device.summary, item })));
  }
}

async function writeSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  name: string,
  defs: readonly ColumnDef<Row>[],
  pages: () => AsyncIterable<Row[]>,
): Promise<void> {
  const sheet: Worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = defs.map((d) => ({ key: d.key, width: d.width }));
  const header = sheet.addRow(defs.map((d) => d.header));
  header.font = { bold: true };
  header.commit();
  const sink = sheetSink(sheet);
  for await (const page of pages()) {
    for (const row of page) sheet.addRow(defs.map((d) => xlsxValue(d.value(row)))).commit();
    // Between pages, let the zip (and through it the client) catch up before reading more.
    await waitForSheet(sink, out);
  }
  sheet.commit();
}

/** A cell value for XLSX: text neutralized against formulas, numbers and booleans as they are. */
export function xlsxValue(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return neutralizeFormula(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}
