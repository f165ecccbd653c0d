import type { Ticket } from '@deskside/protocol';
import { useState } from 'react';
import { TicketRow } from './TicketRow.js';
import { nextSort, type SortState } from '../format/table-sort.js';

/** Rows per page; "Show more" adds a page, the total is always stated. */
const PAGE = 200;
const HEADERS: readonly { label: string; className?: string }[] = [
  { label: 'Priority' },
  { label: '#' },
  { label: 'Subject' },
  { label: 'Status' },
  { label: 'SLA' },
  { label: 'Category' },
  { label: 'Tier', className: 'num' },
  { label: 'Assignee' },
  { label: 'Updated' },
];

export interface TicketQueueProps {
  tickets: readonly Ticket[];
  now: number;
  emptyText: string;
  /** Sorting and selection; without them the table is read-only in queue order. */
  sort?: SortState | null;
  onSort?: (sort: SortState) => void;
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[], on: boolean) => void;
  /** The row j/k moved to. */
  activeId?: string | null;
}

/** The ticket queue table: sortable headers, row selection for bulk work, paged with the total stated. */
export function TicketQueue({ tickets, now, emptyText, sort = null, onSort, selected, onSelect, activeId = null }: TicketQueueProps) {
  const [shownCount, setShownCount] = useState(PAGE);
  const shown = tickets.slice(0, shownCount);
  const selectable = selected !== undefined && onSelect !== undefined;
  const allShown = selectable && shown.length > 0 && shown.every((t) => selected.has(t.id));
  return (
    <div className="table-wrap table-scroll queue-scroll" tabIndex={0} role="region" aria-label="Ticket queue">
      <table className="data-table ticket-table" data-testid="ticket-queue">
        <caption className="visually-hidden">Tickets{sort ? `, sorted by ${sort.column} ${sort.direction === 'asc' ? 'ascending' : 'descending'}` : ', by priority then SLA due time'}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="col-select">
                <input type="checkbox" aria-label="Select every ticket shown" checked={allShown} onChange={(e) => onSelect(shown.map((t) => t.id), e.target.checked)} data-testid="select-all" />
              </th>
            )}
            {HEADERS.map((h) => {
              const active = sort?.column === h.label ? sort.direction : undefined;
              return (
                <th key={h.label} scope="col" className={h.className} aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}>
                  {onSort ? (
                    <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, h.label))} data-testid={`sort-${h.label}`}>
                      {h.label}
                      <span className="sort-mark" aria-hidden="true">
                        {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    h.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((ticket) => (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              now={now}
              active={ticket.id === activeId}
              {...(selectable ? { selected: selected.has(ticket.id), onSelect: (on: boolean) => onSelect([ticket.id], on) } : {})}
            />
          ))}
          {tickets.length === 0 && (
            <tr className="empty-row">
              <td colSpan={HEADERS.length + (selectable ? 1 : 0)} data-testid="ticket-queue-empty">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {tickets.length > 0 && (
        <p className="table-count muted" data-testid="queue-count">
          Showing {shown.length} of {tickets.length}
          {tickets.length > shown.length && (
            <button type="button" className="button button-quiet" onClick={() => setShownCount((n) => n + PAGE)}>
              Show {Math.min(PAGE, tickets.length - shown.length)} more
            </button>
          )}
        </p>
      )}
    </div>
  );
}
