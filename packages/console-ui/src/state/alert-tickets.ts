import type { Ticket } from '@deskside/protocol';
import { createContext, useContext } from 'react';

/** Which open ticket an alert is linked to, from the live tickets' `linkedAlertIds`. */
export function alertTicketIndex(tickets: Iterable<Ticket>): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const t of tickets) {
    if (t.status === 'closed' || t.mergedIntoId !== null) continue;
    for (const alertId of t.linkedAlertIds) index.set(alertId, t.id);
  }
  return index;
}

export const AlertTicketsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The ticket of an alert: the one the hub opened for it, or an open ticket that links it. */
export function useAlertTicket(alert: { id: string; ticketId: string | null }): string | null {
  const index = useContext(AlertTicketsContext);
  return alert.ticketId ?? index.get(alert.id) ?? null;
}
