import type { Ticket } from '@deskside/protocol';

/** The tickets the console knows, live from `tickets:watch` / `tickets:changed` and action answers. */
export interface TicketsState {
  /** By id; closed tickets stay once seen (a ticket page may be showing one) but leave the queue. */
  readonly byId: ReadonlyMap<string, Ticket>;
  /** Whether the snapshot has arrived. */
  readonly loaded: boolean;
}

export type TicketsAction =
  /** The `tickets:watch` ack: every ticket that is not closed; replaces what the console had. */
  | { type: 'snapshot'; tickets: readonly Ticket[] }
  /** `tickets:changed`, or the ticket an action answered: insert or replace by id. */
  | { type: 'upsert'; tickets: readonly Ticket[] }
  | { type: 'reset' };

export const initialTicketsState: TicketsState = { byId: new Map(), loaded: false };

/** Pure reducer: a new state every time, the old one untouched. */
export function ticketsReducer(state: TicketsState, action: TicketsAction): TicketsState {
  switch (action.type) {
    case 'snapshot': {
      const byId = new Map<string, Ticket>();
      for (const ticket of action.tickets) byId.set(ticket.id, ticket);
      return { byId, loaded: true };
    }
    case 'upsert': {
      let byId: Map<string, Ticket> | null = null;
      for (const ticket of action.tickets) {
        const known = (byId ?? state.byId).get(ticket.id);
        // A feed batch and an HTTP answer can cross: an older version never replaces a newer one.
        if (known !== undefined && isOlder(ticket, known)) continue;
        byId ??= new Map(state.byId);
        byId.set(ticket.id, ticket);
      }
      return byId === null ? state : { byId, loaded: state.loaded };
    }
    case 'reset':
      return initialTicketsState;
  }
}

function isOlder(candidate: Ticket, known: Ticket): boolean {
  return Date.parse(candidate.updatedAt) < Date.parse(known.updatedAt);
}
