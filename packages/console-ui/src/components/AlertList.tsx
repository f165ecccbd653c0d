import type { Alert } from '@deskside/protocol';
import { AlertRow } from './AlertRow.js';
import type { ActionFailure, AlertActions } from '../state/use-alerts.js';

export interface AlertListProps {
  alerts: readonly Alert[];
  now: number;
  actions: AlertActions | null;
  failure?: ActionFailure | null;
  emptyText: string;
  showDevice?: boolean;
  /** Accessible name of the list. */
  label: string;
  testId?: string;
}

/** Alerts as a list of rows, or a sentence saying why there are none. */
export function AlertList({ alerts, now, actions, failure, emptyText, showDevice, label, testId = 'alert-list' }: AlertListProps) {
  if (alerts.length === 0) {
    return (
      <p className="muted empty-alerts" data-testid={`${testId}-empty`}>
        {emptyText}
      </p>
    );
  }
  return (
    <ul className="alert-list" aria-label={label} data-testid={testId}>
      {alerts.map((alert) => (
        <AlertRow
          key={alert.id}
          alert={alert}
          now={now}
          actions={actions}
          failure={failure?.alertId === alert.id ? failure.message : null}
          {...(showDevice === undefined ? {} : { showDevice })}
        />
      ))}
    </ul>
  );
}
