import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEET_BUFFER_LIMIT, sheetSink, waitForSheet } from './sheet-backpressure.js';

describe('sheet backpressure on exceljs streaming sheets', () => {
  it('finds the buffer behind a real streamed sheet and waits until the zip has taken it down', async () => {
    const out = new PassThrough();
    let received = 0;
    out.on('data', (chunk: Buffer) => (received += chunk.length));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Devices');
    const sink = sheetSink(sheet);
    expect(sink).toBeDefined();
    // Rows written in one synchronous burst pile up behind the zip: what made RSS scale with the fleet.
    for (let i = 0; i < 20_000; i++) sheet.addRow([`device-${i}`, 'x'.repeat(60), i]).commit();
    expect(sink?.buffered()).toBeGreaterThan(SHEET_BUFFER_LIMIT);
    await waitForSheet(sink, out);
    expect(sink?.buffered()).toBeLessThanOrEqual(SHEET_BUFFER_LIMIT);
    expect(received).toBeGreaterThan(0);
    sheet.commit();
    await workbook.commit();
  });

  it('answers undefined for something that is not an exceljs streamed sheet', () => {
    expect(sheetSink({})).toBeUndefined();
    expect(sheetSink({ stream: { pipes: [] } })).toBeUndefined();
  });
});
