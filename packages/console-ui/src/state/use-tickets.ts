import type { Ticket } from '@deskside/protocol';
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ConsoleSocket } from '../api/socket.js';
import { watchTickets } from '../api/tickets-feed.js';
import { initialTicketsState, ticketsReducer, type TicketsState } from './tickets-store.js';

export interface TicketsView {
  state: TicketsState;
  /** Why the live tickets are not up to date, when the hub said. */
  error: string | null;
  /** Puts a ticket the hub answered (an action, a creation) in place before the feed says so. */
  upsert(ticket: Ticket): void;
}

/** The live tickets of a session over the shared `/console` socket (`tickets:watch` / `tickets:changed`). */
export function useTickets(socket: ConsoleSocket | null): TicketsView {
  const [state, dispatch] = useReducer(ticketsReducer, initialTicketsState);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (socket === null) return;
    const feed = watchTickets({
      socket,
      handlers: {
        onSnapshot: (tickets) => dispatch({ type: 'snapshot', tickets }),
        onChanged: (tickets) => dispatch({ type: 'upsert', tickets }),
        onError: setError,
        onInvalidPayload: (event, rejected) => console.warn(`Deskside: dropped ${rejected} invalid ticket(s) from ${event}`),
      },
    });
    return () => {
      feed.close();
      dispatch({ type: 'reset' });
      setError(null);
    };
  }, [socket]);

  const upsert = useCallback((ticket: Ticket) => dispatch({ type: 'upsert', tickets: [ticket] }), []);
  return { state, error, upsert };
}
