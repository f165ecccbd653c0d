import type { AlertSeverity } from '@deskside/protocol';
import { severityLabel } from '../format/alert-text.js';

/** Severity as colour, a shape and a word: never colour alone. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <span className={`severity-badge severity-${severity}`} data-severity={severity}>
      <span className="severity-mark" aria-hidden="true" />
      {severityLabel(severity)}
    </span>
  );
}
