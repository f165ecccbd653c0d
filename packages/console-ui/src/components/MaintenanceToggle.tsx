import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { HttpClient } from '../api/http-client.js';
import { formatDateTime } from '../format/relative-time.js';
import { snoozeChoices } from '../format/snooze.js';

export interface MaintenanceToggleProps {
  deviceId: string;
  api: HttpClient;
  /** The window in force as the hub said (null: none; undefined: this hub did not say). */
  initial: string | null | undefined;
  now: number;
}

/**
 * Maintenance mode: while a device is being worked on its alerts are held back. Starts for 1 h,
 * 4 h or until tomorrow 08:00; ends at once. Shows the hub's answer, or why it failed.
 */
export function MaintenanceToggle({ deviceId, api, initial, now }: MaintenanceToggleProps) {
  const [until, setUntil] = useState<string | null | undefined>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState(0);
  const active = typeof until === 'string' && Date.parse(until) > now;

  const apply = (next: string | null) => {
    setBusy(true);
    setError(null);
    api.setMaintenance(deviceId, next).then(
      (inForce) => {
        setUntil(inForce);
        setBusy(false);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError && err.code === 'forbidden' ? 'You may not change maintenance mode here.' : 'Could not change maintenance mode. Try again.');
      },
    );
  };

  const choices = snoozeChoices(now);
  return (
    <div className="maintenance" data-testid="maintenance" data-active={active}>
      <p className="maintenance-state" aria-live="polite">
        {active ? (
          <>
            <span className="tag tag-maintenance">Maintenance</span> until {formatDateTime(until)}: new alerts are held back.
          </>
        ) : until === undefined ? (
          'Maintenance mode: hold back new alerts while you work on this device.'
        ) : (
          'Not in maintenance mode.'
        )}
      </p>
      {active ? (
        <button type="button" className="button" data-testid="maintenance-end" disabled={busy} onClick={() => apply(null)}>
          End maintenance
        </button>
      ) : (
        <div className="maintenance-start">
          <label htmlFor={`maintenance-${deviceId}`} className="visually-hidden">
            Maintenance length
          </label>
          <select id={`maintenance-${deviceId}`} value={choice} onChange={(event) => setChoice(Number(event.target.value))} disabled={busy}>
            {choices.map((c, index) => (
              <option key={c.label} value={index}>
                {c.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid="maintenance-start"
            disabled={busy}
            onClick={() => apply(snoozeChoices(Date.now())[choice]?.until ?? null)}
          >
            Start maintenance
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
