import type { Ticket } from '@deskside/protocol';
import { PriorityBadge } from './PriorityBadge.js';
import { RelativeTime } from './RelativeTime.js';
import { SafeText } from './SafeText.js';
import { SlaBadge } from './SlaBadge.js';
import { TicketStatusTag } from './TicketStatusTag.js';
import { ticketPath } from '../app/routes.js';
import { TICKET_CATEGORY_LABELS, ticketNumber } from '../format/ticket-text.js';

/** One ticket of the queue; the subject links to the ticket page. */
export function TicketRow({ ticket, now, selected, onSelect, active = false }: { ticket: Ticket; now: number; selected?: boolean; onSelect?: (on: boolean) => void; active?: boolean }) {
  return (
    <tr
      data-testid="ticket-row"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      data-priority={ticket.priority}
      className={[active ? 'row-active' : '', selected ? 'row-selected' : ''].filter(Boolean).join(' ') || undefined}
    >
      {onSelect && (
        <td className="col-select">
          <input type="checkbox" checked={selected ?? false} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ticket ${ticketNumber(ticket.number)}`} data-testid="select-ticket" />
        </td>
      )}
      <td className="col-priority">
        <PriorityBadge priority={ticket.priority} />
      </td>
      <td className="col-number mono">{ticketNumber(ticket.number)}</td>
      <th scope="row" className="col-subject">
        <a href={`#${ticketPath(ticket.id)}`}>
          <SafeText value={ticket.subject} />
        </a>
        <span className="ticket-row-meta muted">
          <SafeText value={ticket.requester.name} />
          {ticket.hostname !== null && (
            <>
              {' · '}
              <SafeText value={ticket.hostname} />
            </>
          )}
          {ticket.incidentId !== null && <span className="tag tag-incident">Incident</span>}
        </span>
      </th>
      <td>
        <TicketStatusTag status={ticket.status} />
      </td>
      <td>
        <SlaBadge ticket={ticket} now={now} />
      </td>
      <td className="col-category">{TICKET_CATEGORY_LABELS[ticket.category]}</td>
      <td className="num">T{ticket.tier}</td>
      <td className="col-assignee">{ticket.assigneeId === null ? <span className="muted">Unassigned</span> : <SafeText value={ticket.assigneeName} fallback="Someone" />}</td>
      <td className="col-updated">
        <RelativeTime value={ticket.updatedAt} now={now} />
      </td>
    </tr>
  );
}
