import type { Alert } from '@deskside/protocol';
import { ResolveButton } from './ResolveForm.js';
import { SnoozeMenu } from './SnoozeMenu.js';
import type { AlertActions as Actions } from '../state/use-alerts.js';
import { checkLabel } from '../format/alert-text.js';
import { revealControlsText } from '../format/reveal-controls.js';
import { ticketPath } from '../app/routes.js';
import { useAlertTicket } from '../state/alert-tickets.js';

/** Acknowledge / Create ticket / Snooze / Resolve for one alert; what is pointless in its state is left out. */
export function AlertActions({ alert, actions }: { alert: Alert; actions: Actions }) {
  const ticketId = useAlertTicket(alert);
  if (alert.state === 'resolved') return null;
  // Accessible names say which alert, since a page holds many "Acknowledge" buttons.
  const what = `${checkLabel(alert.check)}${alert.subject ? ` ${revealControlsText(alert.subject)}` : ''} on ${revealControlsText(alert.hostname)}`;
  return (
    <div className="alert-actions">
      {alert.state === 'open' && (
        <button type="button" className="button button-primary" data-testid="alert-ack" aria-label={`Acknowledge ${what}`} onClick={() => actions.acknowledge(alert)}>
          Acknowledge
        </button>
      )}
      {ticketId ? (
        <a className="button button-quiet" href={`#${ticketPath(ticketId)}`} data-testid="alert-open-ticket" aria-label={`Open the ticket of ${what}`}>
          Open ticket
        </a>
      ) : (
        <a className="button" href={`#/tickets/new?alert=${encodeURIComponent(alert.id)}`} data-testid="alert-create-ticket" aria-label={`Create a ticket for ${what}`}>
          Create ticket
        </a>
      )}
      <SnoozeMenu label={`Snooze ${what}`} onSnooze={(until) => actions.snooze(alert, until)} />
      <ResolveButton label={`Resolve ${what}`} onResolve={(note) => actions.resolve(alert, note)} />
    </div>
  );
}
