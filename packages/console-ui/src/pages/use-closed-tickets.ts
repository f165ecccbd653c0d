import type { Ticket } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { ticketErrorText } from '../format/ticket-errors.js';
import { filterToQuery, type TicketFilter } from '../state/ticket-queue.js';

export type ClosedTicketsState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'loaded'; tickets: Ticket[] } | { kind: 'error'; message: string };

/** Closed tickets are not in the live feed: when the filter asks for them, the hub's list is read. */
export function useClosedTickets(api: HttpClient, filter: TicketFilter): ClosedTicketsState {
  const [state, setState] = useState<ClosedTicketsState>({ kind: 'idle' });
  const key = filter.status === 'closed' ? JSON.stringify(filterToQuery(filter)) : null;

  useEffect(() => {
    if (key === null) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    api.listTickets(JSON.parse(key) as ReturnType<typeof filterToQuery>).then(
      (tickets) => !cancelled && setState({ kind: 'loaded', tickets }),
      (error: unknown) => !cancelled && setState({ kind: 'error', message: ticketErrorText(error, 'Loading closed tickets') }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, key]);

  return state;
}
