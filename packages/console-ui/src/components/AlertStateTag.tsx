import type { AlertState } from '@deskside/protocol';
import { alertStateLabel } from '../format/alert-text.js';

/** Where an alert is in its lifecycle: open, acknowledged, snoozed, resolved. */
export function AlertStateTag({ state }: { state: AlertState }) {
  return <span className={`tag alert-state alert-state-${state}`}>{alertStateLabel(state)}</span>;
}
