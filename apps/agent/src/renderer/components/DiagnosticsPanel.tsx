import { useEffect, useState } from 'react';
import type { DiagnosticsView } from '../../common/bridge-api.js';
import { formatBytes, yesNo } from '../help-form.js';
import { ConnectivityReport } from './ConnectivityReport.js';

type Load = { state: 'loading' } | { state: 'ready'; bundle: DiagnosticsView } | { state: 'failed'; message: string };

function peak(values: number[]): string {
  return values.length === 0 ? '—' : `${Math.round(Math.max(...values))} %`;
}

/** Everything that will be attached, shown before sending: nothing goes that the employee cannot see. */
export function DiagnosticsPanel() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    window.deskside.getDiagnosticsPreview().then(
      (bundle) => live && setLoad({ state: 'ready', bundle }),
      (error: unknown) => live && setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (load.state === 'loading') return <p className="muted">Collecting information about this computer…</p>;
  if (load.state === 'failed') return <p className="error">Could not collect the computer information; your request can still be sent.</p>;
  const { bundle } = load;
  const s = bundle.summary;
  const rows: Array<[string, string]> = [
    ['Computer', s.hostname],
    ['User', s.user ?? 'Unknown'],
    ['Operating system', s.os ?? 'Unknown'],
    ['Model', s.model ?? 'Unknown'],
    ['Serial number', s.serial ?? 'Unknown'],
    ['Processor', s.cpu ?? 'Unknown'],
    ['Memory', formatBytes(s.ramBytes)],
    ['IP address', s.ip ?? 'Unknown'],
    ['Restart pending', yesNo(bundle.rebootPending)],
    ['Battery wear', bundle.batteryWearPercent === null ? 'No battery or unknown' : `${bundle.batteryWearPercent} %`],
    [
      'Last 24 hours (peak)',
      `CPU ${peak(bundle.samples.map((p) => p.cpuPercent))}, memory ${peak(bundle.samples.map((p) => p.memoryPercent))}, disk ${peak(
        bundle.samples.flatMap((p) => (p.diskPercent === null ? [] : [p.diskPercent])),
      )} (${bundle.samples.length} samples)`,
    ],
  ];
  return (
    <details className="diagnostics" data-testid="diagnostics-panel">
      <summary>Information about this computer that will be attached</summary>
      <dl>
        {rows.map(([label, value]) => (
          <div className="row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Open alerts</h3>
      {bundle.openAlerts.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {bundle.openAlerts.map((a) => (
            <li key={`${a.check}:${a.subject}`}>
              {a.severity}: {a.message}
            </li>
          ))}
        </ul>
      )}
      <h3>Software installed or changed recently</h3>
      {bundle.recentSoftware.length === 0 ? (
        <p className="muted">None noticed.</p>
      ) : (
        <ul>
          {bundle.recentSoftware.map((sw) => (
            <li key={`${sw.name}:${sw.change}:${sw.at ?? ''}`}>
              {sw.name} {sw.version ?? ''} — {sw.change}
            </li>
          ))}
        </ul>
      )}
      <h3>Connection</h3>
      {bundle.connectivity ? <ConnectivityReport check={bundle.connectivity} /> : <p className="muted">Not checked.</p>}
    </details>
  );
}
