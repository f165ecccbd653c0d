import type { DiagnosticsBundle } from '@deskside/protocol';
import { useMemo } from 'react';
import { ConnectivityResults } from './ConnectivityResults.js';
import { DefinitionList } from './DefinitionList.js';
import { HealthChart } from './HealthChart.js';
import { SafeText } from './SafeText.js';
import { SeverityBadge } from './SeverityBadge.js';
import { YesNo } from './YesNo.js';
import { checkLabel } from '../format/alert-text.js';
import { formatBytes } from '../format/bytes.js';
import { diagnosticsHealth } from '../format/diagnostics.js';
import { formatDateTime } from '../format/relative-time.js';

/**
 * What the employee's PC attached when they asked for help: summary, open alerts, the last day
 * of samples, recent software changes, reboot pending, battery wear, the connectivity check.
 * All of it came from the PC, so every string goes through SafeText.
 */
export function DiagnosticsPanel({ bundle }: { bundle: DiagnosticsBundle }) {
  const health = useMemo(() => diagnosticsHealth(bundle.samples), [bundle.samples]);
  const s = bundle.summary;
  return (
    <section className="panel diagnostics" aria-labelledby="diagnostics-title" data-testid="ticket-diagnostics">
      <div className="panel-head">
        <h2 id="diagnostics-title">Diagnostics</h2>
        <span className="muted">collected {formatDateTime(bundle.collectedAt)}</span>
      </div>
      <div className="diagnostics-grid">
        <div>
          <h3>Summary</h3>
          <DefinitionList
            items={[
              ['Hostname', <SafeText key="h" value={s.hostname} />],
              ['User', <SafeText key="u" value={s.user} />],
              ['OS', <SafeText key="o" value={s.os} />],
              ['Model', <SafeText key="m" value={s.model} />],
              ['Serial', <SafeText key="s" className="mono" value={s.serial} />],
              ['CPU', <SafeText key="c" value={s.cpu} />],
              ['RAM', formatBytes(s.ramBytes)],
              ['IP address', <SafeText key="i" className="mono" value={s.ip} />],
              ['Reboot pending', <span key="r" className={bundle.rebootPending ? 'diag-warn' : undefined}><YesNo value={bundle.rebootPending} /></span>],
              ['Battery wear', bundle.batteryWearPercent === null ? <span key="b" className="unknown">no battery / unknown</span> : `${bundle.batteryWearPercent.toFixed(0)} %`],
            ]}
          />
        </div>
        <div>
          <h3>Open alerts on the PC</h3>
          {bundle.openAlerts.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="diag-alerts">
              {bundle.openAlerts.map((a, i) => (
                <li key={i}>
                  <SeverityBadge severity={a.severity} /> <span>{checkLabel(a.check)}</span> <SafeText className="mono" value={a.subject} />
                  <br />
                  <SafeText className="muted" value={a.message} />
                </li>
              ))}
            </ul>
          )}
          <h3>Connectivity check</h3>
          {bundle.connectivity === null ? <p className="muted">Not run.</p> : <ConnectivityResults check={bundle.connectivity} />}
        </div>
      </div>
      <h3>Last 24 hours</h3>
      <HealthChart health={health} />
      <h3>Recent software changes</h3>
      {bundle.recentSoftware.length === 0 ? (
        <p className="muted">No change recorded.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Name</th>
                <th scope="col">Version</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {bundle.recentSoftware.map((sw, i) => (
                <tr key={i}>
                  <td>
                    <span className={`tag tag-${sw.change}`}>{sw.change}</span>
                  </td>
                  <td>
                    <SafeText value={sw.name} />
                  </td>
                  <td className="mono">
                    <SafeText value={sw.version} />
                  </td>
                  <td>{formatDateTime(sw.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
