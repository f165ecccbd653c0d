import { fail, ok, type AckCallback, type Ticket } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import type { TicketService } from '../services/tickets/ticket-service.js';
import type { ConsoleSocket } from './context.js';
import { ticketRoomsFor } from './ticket-feed.js';

/**
 * `tickets:watch`: joins the socket to its ticket rooms, then answers every ticket that is not
 * closed in the sites it may see. Joining first: a change during the snapshot read is sent too.
 * (The permission check — `tickets.read` — runs in the namespace's middleware.)
 */
export function registerTicketWatch(socket: ConsoleSocket, service: TicketService, logger: Logger): void {
  socket.on('tickets:watch', (ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as AckCallback<{ tickets: Ticket[] }>;
    void socket.join(ticketRoomsFor(socket.data));
    service.queries
      .open(socket.data)
      .then((tickets) => reply(ok({ tickets })))
      .catch((err: unknown) => {
        logger.error('tickets snapshot failed', { err: String(err) });
        reply(fail('internal', 'the tickets could not be read; retry'));
      });
  });
}
