import type { DeviceSummary } from '@deskside/protocol';
import { useEffect, useMemo, useState } from 'react';
import { useClosedTickets } from './use-closed-tickets.js';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { TicketFilters } from '../components/TicketFilters.js';
import { TicketQueue } from '../components/TicketQueue.js';
import { loadTicketFilter, saveTicketFilter } from '../state/ticket-filter-storage.js';
import { queueCounts, ticketQueue, type TicketFilter } from '../state/ticket-queue.js';
import type { TicketsView } from '../state/use-tickets.js';

export interface TicketsPageProps {
  tickets: TicketsView;
  api: HttpClient;
  /** The signed-in technician's id ("Mine"). */
  meId: string;
  /** Devices of the live fleet, for the device filter. */
  devices: readonly DeviceSummary[];
}

/** The ticket queue: live, by priority then SLA due time, with filters and SLA badges counting down. */
export function TicketsPage({ tickets, api, meId, devices }: TicketsPageProps) {
  const [filter, setFilter] = useState<TicketFilter>(() => loadTicketFilter(window.sessionStorage));
  // SLA badges count down between hub updates.
  const now = useNow(30_000);
  const closed = useClosedTickets(api, filter);

  useEffect(() => {
    document.title = 'Tickets · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, []);

  const onFilter = (next: TicketFilter) => {
    setFilter(next);
    saveTicketFilter(window.sessionStorage, next);
  };

  const queue = useMemo(() => {
    if (filter.status !== 'closed') return ticketQueue(tickets.state.byId.values(), filter, meId);
    // The hub's closed tickets, with any closed while this page watched (newer wins by id).
    const merged = new Map((closed.kind === 'loaded' ? closed.tickets : []).map((t) => [t.id, t]));
    for (const t of tickets.state.byId.values()) if (t.status === 'closed') merged.set(t.id, t);
    return ticketQueue(merged.values(), filter, meId);
  }, [tickets.state.byId, filter, meId, closed]);
  const counts = queueCounts(queue, now);
  const loading = filter.status === 'closed' ? closed.kind === 'loading' : !tickets.state.loaded;

  return (
    <>
      <div className="page-header">
        <h1>Tickets</h1>
        <p className="page-meta" aria-live="polite" data-testid="ticket-count">
          {loading
            ? 'Loading…'
            : `${counts.total} ticket${counts.total === 1 ? '' : 's'} · ${counts.breached} breached · ${counts.soon} breaching soon · ${counts.unassigned} unassigned`}
        </p>
        <a className="button button-primary header-action" href="#/tickets/new" data-testid="new-ticket">
          New ticket
        </a>
      </div>
      {tickets.error !== null && (
        <p className="stale-note" role="status">
          Live tickets are not up to date: {tickets.error}
        </p>
      )}
      <TicketFilters filter={filter} onChange={onFilter} devices={devices} />
      {closed.kind === 'error' && (
        <p className="form-error" role="alert">
          {closed.message}
        </p>
      )}
      <TicketQueue tickets={queue} now={now} emptyText={loading ? 'Loading tickets…' : 'No ticket matches these filters.'} />
    </>
  );
}
