import { AgentKbDeflectSchema, AgentKbFeedbackSchema, AgentKbSearchSchema, AgentKbSyncSchema, fail, ok } from '@deskside/protocol';
import { payloadHash } from '../../services/ingest/inventory-hash.js';
import type { KbService } from '../../services/kb/create-kb.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import { idempotentWrite } from '../../services/ingest/idempotent-write.js';

/**
 * The tray's knowledge base: `kb:search` and `kb:sync` are reads for the socket's device (its site
 * decides what it sees); `kb:deflect` ("This solved it") and `kb:feedback` are writes, idempotent
 * on their client-generated ids like every agent write.
 */
export function registerKbHandlers(ctx: AgentContext, socket: AgentSocket, kb: KbService): void {
  socket.on(
    'kb:search',
    agentCommand(ctx, socket, 'kb:search', AgentKbSearchSchema, async ({ payload, deviceId }) => ok(await kb.tray.search(deviceId, payload.q, payload.limit, payload.log))),
  );
  socket.on(
    'kb:sync',
    agentCommand(ctx, socket, 'kb:sync', AgentKbSyncSchema, async ({ payload, deviceId }) => ok(await kb.tray.sync(deviceId, payload.since))),
  );
  socket.on(
    'kb:deflect',
    agentCommand(ctx, socket, 'kb:deflect', AgentKbDeflectSchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.at, receivedAt)) return fail('invalid_payload', 'kb:deflect: at is out of range');
      const key = { deviceId, messageId: payload.id, kind: 'kb:deflect', payloadHash: payloadHash(payload), at: receivedAt };
      return (await idempotentWrite(ctx.store, key, (tx) => kb.tray.deflectIn(tx, deviceId, payload, receivedAt))).ack;
    }),
  );
  socket.on(
    'kb:feedback',
    agentCommand(ctx, socket, 'kb:feedback', AgentKbFeedbackSchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.at, receivedAt)) return fail('invalid_payload', 'kb:feedback: at is out of range');
      const key = { deviceId, messageId: payload.id, kind: 'kb:feedback', payloadHash: payloadHash(payload), at: receivedAt };
      return (await idempotentWrite(ctx.store, key, (tx) => kb.tray.feedbackIn(tx, deviceId, payload, receivedAt))).ack;
    }),
  );
}
