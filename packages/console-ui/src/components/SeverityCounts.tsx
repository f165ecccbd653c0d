import { SeverityBadge } from './SeverityBadge.js';
import { ACTIVE_STATES, SEVERITY_ORDER, type SeverityCounts as Counts } from '../state/alert-summary.js';
import { alertStateLabel } from '../format/alert-text.js';
import { formatNumber } from '../format/relative-time.js';

/** Unresolved alerts as a small table: severity down, state across. */
export function SeverityCounts({ counts, loaded }: { counts: Counts; loaded: boolean }) {
  return (
    <section className="panel overview-panel" aria-labelledby="severity-title" data-testid="overview-alerts">
      <div className="panel-head">
        <h2 id="severity-title">Alerts</h2>
        <a href="#/alerts">Alert feed</a>
      </div>
      {loaded ? (
        <table className="severity-table">
          <thead>
            <tr>
              {/* The badges say the severity; a visible header would push "Snoozed" out of a 300 px card. */}
              <th scope="col">
                <span className="visually-hidden">Severity</span>
              </th>
              {ACTIVE_STATES.map((state) => (
                <th key={state} scope="col" className="num">
                  {alertStateLabel(state)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SEVERITY_ORDER.map((severity) => (
              <tr key={severity} data-testid="severity-count" data-severity={severity}>
                <th scope="row">
                  <SeverityBadge severity={severity} />
                </th>
                {ACTIVE_STATES.map((state) => (
                  <td key={state} className={`num${counts[severity][state] === 0 ? ' muted' : ''}`} data-state={state}>
                    {formatNumber(counts[severity][state])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
