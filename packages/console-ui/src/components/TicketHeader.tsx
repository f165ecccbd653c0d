import type { Ticket } from '@deskside/protocol';
import { PriorityBadge } from './PriorityBadge.js';
import { RelativeTime } from './RelativeTime.js';
import { SafeText } from './SafeText.js';
import { SlaBadge } from './SlaBadge.js';
import { TicketStatusTag } from './TicketStatusTag.js';
import { ticketPath } from '../app/routes.js';
import { LEVEL_LABELS, TICKET_CATEGORY_LABELS, ticketNumber } from '../format/ticket-text.js';

/** Number, subject, status, priority and SLA; then who asked, about what, who has it. */
export function TicketHeader({ ticket, now }: { ticket: Ticket; now: number }) {
  const hours = Math.floor(ticket.timeSpentMinutes / 60);
  const minutes = ticket.timeSpentMinutes % 60;
  return (
    <header className="ticket-header">
      <div className="page-header">
        <h1>
          <span className="muted ticket-number">{ticketNumber(ticket.number)}</span>{' '}
          <span data-testid="ticket-subject">
            <SafeText value={ticket.subject} />
          </span>
        </h1>
        <TicketStatusTag status={ticket.status} testId="ticket-status" />
        <PriorityBadge priority={ticket.priority} />
        <SlaBadge ticket={ticket} now={now} />
      </div>
      <ul className="ticket-facts">
        <li>
          From <SafeText value={ticket.requester.name} />
          {ticket.requester.email && (
            <>
              {' '}
              &lt;<SafeText value={ticket.requester.email} />&gt;
            </>
          )}
        </li>
        <li>{TICKET_CATEGORY_LABELS[ticket.category]}</li>
        <li>
          Impact {LEVEL_LABELS[ticket.impact].toLowerCase()}, urgency {LEVEL_LABELS[ticket.urgency].toLowerCase()}
        </li>
        <li>Tier {ticket.tier}</li>
        <li data-testid="ticket-assignee-name">{ticket.assigneeId === null ? 'Unassigned' : <>Assigned to <SafeText value={ticket.assigneeName} fallback="someone" /></>}</li>
        <li>
          Opened <RelativeTime value={ticket.createdAt} now={now} /> <span data-testid="ticket-channel">{CHANNEL_WORDS[ticket.channel]}</span>
        </li>
        {ticket.timeSpentMinutes > 0 && <li data-testid="ticket-time-spent">{hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`} logged</li>}
        {ticket.mergedIntoId !== null && (
          <li>
            <a href={`#${ticketPath(ticket.mergedIntoId)}`}>Merged into another ticket</a>
          </li>
        )}
      </ul>
    </header>
  );
}

/** How the ticket came in, as the header says it. */
const CHANNEL_WORDS: Record<Ticket['channel'], string> = {
  tray: 'from the tray',
  email: 'by e-mail',
  phone: 'from a phone call',
  chat: 'from a chat',
  console: 'by a technician',
  api: 'through the API',
};
