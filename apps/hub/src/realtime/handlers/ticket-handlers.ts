import { AgentTicketCreateSchema, AgentTicketReplySchema, fail, ok, type Ack, type TicketCreatedAck } from '@deskside/protocol';
import type { TicketAttachmentRecord } from '@deskside/store';
import { payloadHash } from '../../services/ingest/inventory-hash.js';
import { ServiceError } from '../../services/service-error.js';
import { noEffects } from '../../services/tickets/ticket-intake.js';
import type { TicketService } from '../../services/tickets/ticket-service.js';
import type { KbService } from '../../services/kb/create-kb.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import { idempotentWrite } from '../../services/ingest/idempotent-write.js';

/**
 * The tray's ticket commands. `ticket:create` is idempotent on the ticket id born on the PC (a
 * retry answers the same {ticketId, number, priority}; the same id with another payload is
 * `idempotency_conflict`); the device is always the socket's. `ticket:reply` is idempotent on its
 * message id. `tickets:mine` is a read of this device's tickets, public threads only.
 */
export function registerTicketHandlers(ctx: AgentContext, socket: AgentSocket, tickets: TicketService, kb?: KbService): void {
  socket.on(
    'ticket:create',
    agentCommand(ctx, socket, 'ticket:create', AgentTicketCreateSchema, async ({ payload, deviceId, receivedAt }): Promise<Ack<TicketCreatedAck>> => {
      if (!isSaneInstant(payload.createdAt, receivedAt)) return fail('invalid_payload', 'ticket:create: createdAt is out of range');
      const key = { deviceId, messageId: payload.id, kind: 'ticket:create', payloadHash: payloadHash(payload), at: receivedAt };
      // A retry must not write the screenshot again: look before touching the disk.
      const seen = await ctx.store.messages.get(deviceId, payload.id);
      let screenshot: TicketAttachmentRecord | undefined;
      if (!seen) {
        try {
          screenshot = await tickets.intake.saveScreenshot(payload, receivedAt);
        } catch (err) {
          if (err instanceof ServiceError) return fail(err.code, `ticket:create: ${err.message}`);
          throw err;
        }
      }
      const effects = noEffects();
      const { ack, replayed } = await idempotentWrite(ctx.store, key, async (tx) => {
        const created = await tickets.intake.createFromAgentIn(tx, deviceId, payload, receivedAt, screenshot, effects);
        // The articles the employee read before asking anyway, tied to the ticket in the same transaction.
        if (created.ok && kb && payload.articlesRead) await kb.tray.linkReadIn(tx, deviceId, created.data.ticketId, payload.articlesRead, receivedAt);
        return created;
      });
      // Files are not in the transaction: one whose row was not committed goes.
      if (screenshot && (!ack.ok || replayed)) await tickets.intake.discardScreenshot(screenshot);
      if (ack.ok && !replayed) await tickets.intake.afterCommit(effects);
      return ack;
    }),
  );

  socket.on(
    'ticket:reply',
    agentCommand(ctx, socket, 'ticket:reply', AgentTicketReplySchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.sentAt, receivedAt)) return fail('invalid_payload', 'ticket:reply: sentAt is out of range');
      const key = { deviceId, messageId: payload.id, kind: 'ticket:reply', payloadHash: payloadHash(payload), at: receivedAt };
      const effects = noEffects();
      const { ack, replayed } = await idempotentWrite(ctx.store, key, (tx) => tickets.intake.agentReplyIn(tx, deviceId, payload, receivedAt, effects));
      if (ack.ok && !replayed) await tickets.intake.afterCommit(effects);
      return ack;
    }),
  );

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
