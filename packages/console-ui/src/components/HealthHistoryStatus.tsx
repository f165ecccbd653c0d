import type { HourlyHealthState } from '../state/use-hourly-health.js';

/** Loading and error states of an hourly health range, shown over the (empty) plot. */
export function HealthHistoryStatus({ state, label, retry }: { state: HourlyHealthState; label: string; retry: () => void }) {
  if (state.kind === 'loading') {
    return (
      <p className="chart-status muted" role="status" data-testid="health-loading">
        Loading {label} of health…
      </p>
    );
  }
  if (state.kind !== 'error') return null;
  return (
    <div className="chart-status" role="alert" data-testid="health-error">
      {state.message}{' '}
      <button type="button" className="button button-small" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
