import { AlertSeveritySchema, AlertStateSchema } from '@deskside/protocol';
import { alertStateLabel, severityLabel } from '../format/alert-text.js';
import { revealControlsText } from '../format/reveal-controls.js';
import type { AlertFilter } from '../state/alert-filter.js';
import { SEVERITY_ORDER } from '../state/alert-summary.js';

export interface AlertFiltersProps {
  filter: AlertFilter;
  devices: readonly { id: string; hostname: string }[];
  onChange: (filter: AlertFilter) => void;
}

const STATES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;

/** State, severity and device pickers above the alert feed. */
export function AlertFilters({ filter, devices, onChange }: AlertFiltersProps) {
  return (
    <form className="fleet-filters alert-filters" role="search" aria-label="Filter alerts" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="alert-state-filter">State</label>
        <select
          id="alert-state-filter"
          data-testid="alert-state-filter"
          value={filter.state}
          onChange={(event) => {
            const parsed = AlertStateSchema.safeParse(event.target.value);
            onChange({ ...filter, state: parsed.success ? parsed.data : 'active' });
          }}
        >
          <option value="active">All unresolved</option>
          {STATES.map((state) => (
            <option key={state} value={state}>
              {state === 'resolved' ? 'Resolved (history)' : alertStateLabel(state)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-severity-filter">Severity</label>
        <select
          id="alert-severity-filter"
          data-testid="alert-severity-filter"
          value={filter.severity}
          onChange={(event) => {
            const parsed = AlertSeveritySchema.safeParse(event.target.value);
            onChange({ ...filter, severity: parsed.success ? parsed.data : 'all' });
          }}
        >
          <option value="all">All severities</option>
          {SEVERITY_ORDER.map((severity) => (
            <option key={severity} value={severity}>
              {severityLabel(severity)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-device-filter">Device</label>
        <select
          id="alert-device-filter"
          data-testid="alert-device-filter"
          value={filter.deviceId}
          onChange={(event) => onChange({ ...filter, deviceId: event.target.value })}
        >
          <option value="all">All devices</option>
          {devices.map((device) => (
            // <option> renders plain text only: hidden characters are shown as markers in the string.
            <option key={device.id} value={device.id}>
              {revealControlsText(device.hostname)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
