import { EXPORT_COLUMNS, type ExportColumn, type ExportFormat, type Group } from '@deskside/protocol';
import { useRef, useState } from 'react';
import { revealControlsText } from '../format/reveal-controls.js';
import type { AssetApi } from '../api/asset-api.js';
import { downloadName, exportPath, readExport, type ExportProgress } from '../api/export-download.js';
import { formatNumber } from '../format/relative-time.js';

export interface ExportMenuProps {
  api: AssetApi;
  /** The fleet view's current search and status filter: the export applies the same. */
  filters: { q?: string; status?: string };
  /** Groups to export one of (`group=`); the picker is shown when given. */
  groups?: readonly Group[];
  /** The group the fleet view is filtered by, preselected. */
  group?: string;
}

const DEFAULT_COLUMNS: readonly ExportColumn[] = ['hostname', 'status', 'lastSeen', 'os', 'ip', 'assetTag', 'assignedTo', 'department', 'location', 'warrantyEnd', 'lifecycle'];

type State = { kind: 'idle' } | { kind: 'running'; progress: ExportProgress } | { kind: 'error'; message: string } | { kind: 'done'; name: string };

/** Export CSV / XLSX / JSON with a column chooser, a progress bar and Cancel. */
export function ExportMenu({ api, filters, groups, group: fleetGroup = '' }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [pickedGroup, setGroup] = useState<string | null>(null);
  // Follows the fleet view's group until a group is picked here.
  const group = pickedGroup ?? fleetGroup;
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [columns, setColumns] = useState<readonly ExportColumn[]>(DEFAULT_COLUMNS);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const toggle = (column: ExportColumn) =>
    setColumns((current) => (current.includes(column) ? current.filter((c) => c !== column) : EXPORT_COLUMNS.filter((c) => c === column || current.includes(c))));

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', progress: { total: null, rows: null, bytes: 0 } });
    try {
      const response = await api.openExport(exportPath(format, { ...filters, ...(group ? { group } : {}) }, columns), controller.signal);
      const blob = await readExport(response, format, (progress) => setState({ kind: 'running', progress }));
      const name = downloadName(response, format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'done', name });
    } catch (error) {
      if (controller.signal.aborted) setState({ kind: 'idle' });
      else setState({ kind: 'error', message: error instanceof Error ? error.message : 'The export failed.' });
    } finally {
      abort.current = null;
    }
  };

  return (
    <div className="export-menu" data-testid="export-menu">
      <button type="button" className="button" aria-expanded={open} data-testid="export-toggle" onClick={() => setOpen((o) => !o)}>
        Export…
      </button>
      {open && (
        <div className="panel export-panel" role="group" aria-label="Export the devices shown">
          <div className="field">
            <label htmlFor="export-format">Format</label>
            <select id="export-format" data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value === 'xlsx' ? 'xlsx' : e.target.value === 'json' ? 'json' : 'csv')}>
              <option value="csv">CSV (Excel, UTF-8)</option>
              <option value="xlsx">Excel workbook (.xlsx, one sheet per section)</option>
              <option value="json">JSON</option>
            </select>
          </div>
          {groups && (
            <div className="field">
              <label htmlFor="export-group">Group</label>
              <select id="export-group" data-testid="export-group" value={group} onChange={(e) => setGroup(e.target.value)}>
                <option value="">All devices shown</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {/* An <option> holds text only: SafeText's plain-text form. */}
                    {revealControlsText(g.name)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="export-columns">
            <legend>Device columns</legend>
            {EXPORT_COLUMNS.map((column) => (
              <label key={column} className="checkbox">
                <input type="checkbox" checked={columns.includes(column)} onChange={() => toggle(column)} data-testid={`export-column-${column}`} /> {column}
              </label>
            ))}
          </fieldset>
          <p className="export-actions">
            <button type="button" className="button button-primary" data-testid="export-start" disabled={state.kind === 'running' || columns.length === 0} onClick={() => void start()}>
              Export {format.toUpperCase()}
            </button>
            {state.kind === 'running' && (
              <button type="button" className="button" data-testid="export-cancel" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            )}
          </p>
          {state.kind === 'running' && <ProgressLine progress={state.progress} />}
          {state.kind === 'error' && <p role="alert" className="error-text">{state.message}</p>}
          {state.kind === 'done' && <p role="status" data-testid="export-done">Saved {state.name}.</p>}
        </div>
      )}
    </div>
  );
}

function ProgressLine({ progress }: { progress: ExportProgress }) {
  const { total, rows, bytes } = progress;
  const kb = formatNumber(Math.round(bytes / 1024));
  const label = rows !== null && total !== null ? `${formatNumber(rows)} of ${formatNumber(total)} devices (${kb} KB)` : `${kb} KB received${total !== null ? ` · ${formatNumber(total)} devices` : ''}`;
  return (
    <div role="status" data-testid="export-progress">
      {rows !== null && total !== null && total > 0 ? <progress max={total} value={rows} /> : <progress />}
      <span className="muted"> {label}</span>
    </div>
  );
}
