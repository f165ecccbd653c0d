import type { Ticket } from '@deskside/protocol';
import { TicketRow } from './TicketRow.js';

/** More rows than anyone reads; past this the queue asks for a filter instead of freezing. */
const MAX_ROWS = 500;

/** The ticket queue table, in the order given (priority, then SLA due time). */
export function TicketQueue({ tickets, now, emptyText }: { tickets: readonly Ticket[]; now: number; emptyText: string }) {
  const shown = tickets.length > MAX_ROWS ? tickets.slice(0, MAX_ROWS) : tickets;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table ticket-table" data-testid="ticket-queue">
        <caption className="visually-hidden">Tickets, by priority then SLA due time</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">#</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">SLA</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              Tier
            </th>
            <th scope="col">Assignee</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} now={now} />
          ))}
          {tickets.length === 0 && (
            <tr className="empty-row">
              <td colSpan={9} data-testid="ticket-queue-empty">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {tickets.length > MAX_ROWS && (
        <p className="table-note" role="status">
          Showing the first {MAX_ROWS} of {tickets.length} tickets. Narrow the filters to see the rest.
        </p>
      )}
    </div>
  );
}
