import type { Ticket } from '@deskside/protocol';
import { ticketPath } from '../../app/routes.js';
import { PriorityBadge } from '../PriorityBadge.js';
import { RelativeTime } from '../RelativeTime.js';
import { SafeText } from '../SafeText.js';
import { TicketStatusTag } from '../TicketStatusTag.js';

/** The device's tickets that are not closed, newest first, with "New ticket for this device". */
export function DeviceTickets({ deviceId, tickets, now, loaded }: { deviceId: string; tickets: readonly Ticket[]; now: number; loaded: boolean }) {
  return (
    <section className="panel" id="dev-tickets" tabIndex={-1} aria-labelledby="dev-tickets-title" data-testid="device-tickets">
      <div className="panel-head">
        <h2 id="dev-tickets-title">Tickets</h2>
        <a className="button" href={`#/tickets/new?device=${encodeURIComponent(deviceId)}`}>
          New ticket
        </a>
      </div>
      {!loaded ? (
        <div className="skeleton skeleton-block-sm" role="status" aria-label="Loading tickets" />
      ) : tickets.length === 0 ? (
        <p className="muted">No open ticket for this device.</p>
      ) : (
        <ul className="device-ticket-list">
          {tickets.map((t) => (
            <li key={t.id} data-testid="device-ticket">
              <PriorityBadge priority={t.priority} />
              <a href={`#${ticketPath(t.id)}`}>
                #{t.number} <SafeText value={t.subject} />
              </a>
              <TicketStatusTag status={t.status} />
              <span className="muted">
                <RelativeTime value={t.updatedAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
