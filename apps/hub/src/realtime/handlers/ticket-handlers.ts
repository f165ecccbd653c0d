import { AgentTicketConfirmSchema, AgentTicketCreateSchema, AgentTicketRateSchema, AgentTicketReplySchema, fail, ok } from '@deskside/protocol';
import type { AgentIngest } from '../../services/ingest/agent-ingest.js';
import type { TicketService } from '../../services/tickets/ticket-service.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/**
 * The tray's ticket commands: `ticket:create` and `ticket:reply` are parsed and handed to
 * services/ingest/ticket-ingest (idempotency, screenshot, after-commit pushes live there);
 * `tickets:mine` is a read of this device's tickets, public threads only.
 */
export function registerTicketHandlers(ctx: AgentContext, socket: AgentSocket, tickets: TicketService, writes: NonNullable<AgentIngest['tickets']>): void {
  socket.on('ticket:create', agentCommand(ctx, socket, 'ticket:create', AgentTicketCreateSchema, (write) => writes.create(write)));
  socket.on('ticket:reply', agentCommand(ctx, socket, 'ticket:reply', AgentTicketReplySchema, (write) => writes.reply(write)));
  // "Is this fixed?" and the one-click rating (services/tickets/ticket-feedback.ts).
  socket.on('ticket:confirm', agentCommand(ctx, socket, 'ticket:confirm', AgentTicketConfirmSchema, (write) => writes.confirm(write)));
  socket.on('ticket:rate', agentCommand(ctx, socket, 'ticket:rate', AgentTicketRateSchema, (write) => writes.rate(write)));

  // A read with no payload: the ack is the only argument.
  socket.on('tickets:mine', (ack: unknown) => {
    if (typeof ack !== 'function') {
      ctx.metrics.rejectedPayloads.inc({ event: 'tickets:mine', reason: 'no_ack' });
      return;
    }
    const deviceId = socket.data.deviceId;
    tickets.queries
      .mine(deviceId)
      .then((list) => (ack as (a: unknown) => void)(ok({ tickets: list })))
      .catch((err: unknown) => {
        ctx.logger.error('tickets:mine failed', { deviceId, err: String(err) });
        (ack as (a: unknown) => void)(fail('internal', 'the hub could not read your tickets; retry later'));
      });
  });
}
