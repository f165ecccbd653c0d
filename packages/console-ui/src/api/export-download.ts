import { EXPORT_TOTAL_HEADER, type ExportColumn, type ExportFormat } from '@deskside/protocol';

export interface ExportProgress {
  /** Devices the export holds (the hub sends it before the body). */
  total: number | null;
  /** Devices received so far, when the format lets us count them (CSV, JSON); else null. */
  rows: number | null;
  bytes: number;
}

/** The export URL for a format, the fleet view's filters (and a group), and the chosen columns. */
export function exportPath(format: ExportFormat, filters: { q?: string; status?: string; group?: string }, columns: readonly ExportColumn[] | null): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.group) params.set('group', filters.group);
  if (columns && columns.length > 0) params.set('columns', columns.join(','));
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return `/api/v1/export/inventory.${format}${query}`;
}

/**
 * Reads an export response to the end with a stream reader, reporting progress: CSV records end
 * in CRLF and JSON devices start on a new line, so counting line ends gives rows (an upper bound
 * when notes hold line breaks, hence capped at the total). XLSX is compressed: bytes only.
 */
export async function readExport(response: Response, format: ExportFormat, onProgress: (p: ExportProgress) => void): Promise<Blob> {
  const header = response.headers.get(EXPORT_TOTAL_HEADER);
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const reader = response.body?.getReader();
  if (!reader) return new Blob([await response.arrayBuffer()]);
  const parts: Uint8Array[] = [];
  let bytes = 0;
  let lines = 0;
  const countable = format !== 'xlsx';
  onProgress({ total, rows: countable ? 0 : null, bytes });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    if (countable) for (const byte of value) if (byte === 0x0a) lines++;
    // The CSV header line and the JSON closing bracket are not devices.
    const rows = countable ? Math.max(0, Math.min(total ?? Infinity, lines - 1)) : null;
    onProgress({ total, rows, bytes });
  }
  return new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
}

/** The file name the hub proposed, or a safe default. */
export function downloadName(response: Response, format: ExportFormat): string {
  const match = /filename="([A-Za-z0-9._-]{1,100})"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? `deskside-inventory.${format}`;
}
