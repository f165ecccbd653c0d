import { SafeText } from './SafeText.js';
import { StatusBadge } from './StatusBadge.js';
import { devicePath } from '../app/routes.js';
import type { DeviceConcern } from '../state/alert-summary.js';

/** The devices that most need a technician, worst first, each with what is wrong. */
export function WorstDevices({ concerns, loaded }: { concerns: readonly DeviceConcern[]; loaded: boolean }) {
  return (
    <section className="panel overview-panel" aria-labelledby="worst-title" data-testid="overview-worst">
      <div className="panel-head">
        <h2 id="worst-title">Needs attention</h2>
      </div>
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : concerns.length === 0 ? (
        <p className="muted">No device has an alert or is out of contact.</p>
      ) : (
        <ol className="worst-devices">
          {concerns.map(({ device, critical, warning, info }) => (
            <li key={device.id} data-testid="worst-device" data-device-id={device.id}>
              <a href={`#${devicePath(device.id)}`} className="worst-name">
                <SafeText value={device.hostname} />
              </a>
              <StatusBadge status={device.status} />
              <span className="worst-counts">
                {critical > 0 && <span className="count-critical">{critical} critical</span>}
                {warning > 0 && <span className="count-warning">{warning} warning</span>}
                {info > 0 && <span className="count-info">{info} info</span>}
                {critical + warning + info === 0 && <span className="muted">no alerts</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
