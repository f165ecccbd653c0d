import type { Alert } from '@deskside/protocol';
import { AlertActions } from './AlertActions.js';
import { AlertStateTag } from './AlertStateTag.js';
import { RelativeTime } from './RelativeTime.js';
import { SafeText } from './SafeText.js';
import { SeverityBadge } from './SeverityBadge.js';
import { devicePath } from '../app/routes.js';
import { checkLabel, valueText } from '../format/alert-text.js';
import { formatDateTime } from '../format/relative-time.js';
import type { AlertActions as Actions } from '../state/use-alerts.js';

export interface AlertRowProps {
  alert: Alert;
  now: number;
  /** Null: read-only (history). */
  actions: Actions | null;
  /** Why the last action on this alert failed, if it did. */
  failure?: string | null;
  /** On a device's own page the device link is noise. */
  showDevice?: boolean;
}

/** One alert: what, where, how bad, since when, and what a technician can do about it. */
export function AlertRow({ alert, now, actions, failure, showDevice = true }: AlertRowProps) {
  const value = valueText(alert);
  return (
    <li
      className={`alert-row alert-${alert.severity}`}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-state={alert.state}
      data-severity={alert.severity}
    >
      <div className="alert-severity">
        <SeverityBadge severity={alert.severity} />
      </div>
      <div className="alert-main">
        <p className="alert-title">
          <span className="alert-check">{checkLabel(alert.check)}</span>
          {alert.subject !== '' && (
            <>
              {' '}
              <SafeText className="alert-subject mono" value={alert.subject} />
            </>
          )}
          {showDevice && (
            <>
              <span className="muted"> on </span>
              <a href={`#${devicePath(alert.deviceId)}`} data-testid="alert-device-link">
                <SafeText value={alert.hostname} />
              </a>
            </>
          )}
        </p>
        <p className="alert-message">
          <SafeText value={alert.message} />
        </p>
        <p className="alert-meta">
          <AlertStateTag state={alert.state} />
          {alert.flapping && (
            <span className="tag tag-flapping" title="Raised and cleared repeatedly in a short time" data-testid="alert-flapping">
              Flapping
            </span>
          )}
          {value !== null && <span>{value}</span>}
          <span>
            Raised <RelativeTime value={alert.raisedAt} now={now} />
          </span>
          {alert.occurrences > 1 && <span title="Times the condition came back while the alert stayed open">{alert.occurrences}× occurred</span>}
          {alert.state === 'acknowledged' && alert.acknowledgedBy !== null && (
            <span>
              Acknowledged by <SafeText value={alert.acknowledgedBy} />
            </span>
          )}
          {alert.state === 'snoozed' && alert.snoozedUntil !== null && <span>Snoozed until {formatDateTime(alert.snoozedUntil)}</span>}
          {alert.state === 'resolved' && (
            <span>
              Resolved {formatDateTime(alert.resolvedAt)}
              {alert.resolvedBy !== null && (
                <>
                  {' '}
                  by <SafeText value={alert.resolvedBy} />
                </>
              )}
            </span>
          )}
          {alert.source === 'hub' && <span className="muted">raised by the hub</span>}
        </p>
        {failure && (
          <p className="form-error" role="alert" data-testid="alert-action-error">
            {failure}
          </p>
        )}
      </div>
      {actions !== null && <AlertActions alert={alert} actions={actions} />}
    </li>
  );
}
