import type { ProbeReport } from '@deskside/protocol';
import { formatDuration } from '../../format/relative-time.js';
import { SafeText } from '../SafeText.js';

/** How each collector fared: unknown sections with the reason, and how long each took. */
export function ProbeReports({ probes }: { probes: readonly ProbeReport[] }) {
  if (probes.length === 0) return <p className="muted">The agent sent no probe reports.</p>;
  const sorted = [...probes].sort((a, b) => Number(a.status === 'ok') - Number(b.status === 'ok') || b.ms - a.ms);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table compact">
        <caption className="visually-hidden">Probe reports, unknown sections first</caption>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">
              Took
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((probe, index) => (
            <tr key={index} data-probe-status={probe.status}>
              <th scope="row">
                <SafeText value={probe.section} />
              </th>
              <td>
                <span className={`probe probe-${probe.status}`}>{probe.status === 'ok' ? 'Collected' : 'Unknown'}</span>
              </td>
              <td className="num">{formatDuration(probe.ms)}</td>
              <td className="reason">
                <SafeText value={probe.reason} fallback="" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
