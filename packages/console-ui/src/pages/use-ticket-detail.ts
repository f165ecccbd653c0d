import type { Ticket, TicketDetail } from '@deskside/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { HttpClient } from '../api/http-client.js';
import { ticketErrorText } from '../format/ticket-errors.js';

export type TicketDetailState =
  | { kind: 'loading' }
  | { kind: 'loaded'; detail: TicketDetail; refreshing: boolean }
  | { kind: 'error'; message: string; notFound: boolean };

/**
 * `GET /api/v1/tickets/:id`, fetched again whenever the live ticket changes (a reply, a status
 * change): the feed carries the ticket, the thread comes with the detail. The old detail stays on
 * screen while the new one loads.
 */
export function useTicketDetail(api: HttpClient, id: string, live: Ticket | undefined): { state: TicketDetailState; reload: () => void } {
  const [state, setState] = useState<TicketDetailState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const liveVersion = live?.updatedAt ?? '';

  useEffect(() => {
    let cancelled = false;
    setState((previous) => (previous.kind === 'loaded' ? { ...previous, refreshing: true } : { kind: 'loading' }));
    api.getTicket(id).then(
      (detail) => {
        if (!cancelled) setState({ kind: 'loaded', detail, refreshing: false });
      },
      (error: unknown) => {
        if (cancelled) return;
        const notFound = error instanceof ApiError && error.code === 'not_found';
        setState({ kind: 'error', notFound, message: ticketErrorText(error, 'Loading the ticket') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id, generation, liveVersion]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}
