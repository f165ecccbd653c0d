import { fail, ok, PresenceNoticeSchema, type PresenceNotice } from '@deskside/protocol';
import type { DeclaredPresence } from '@deskside/store';
import { payloadHash } from '../../services/ingest/inventory-hash.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import { idempotentWrite } from '../../services/ingest/idempotent-write.js';

const DECLARED: Record<PresenceNotice['state'], DeclaredPresence> = {
  suspending: 'asleep',
  'shutting-down': 'shut-down',
  resuming: null,
};

/**
 * `device:presence`: the agent says it is going to sleep, shutting down or back. The declaration
 * is committed with the message record (so it survives a hub restart), then applied in memory, so
 * the disconnect that follows a suspend reads "asleep", not "unreachable".
 */
export function registerPresenceHandlers(ctx: AgentContext, socket: AgentSocket): void {
  socket.on(
    'device:presence',
    agentCommand(ctx, socket, 'device:presence', PresenceNoticeSchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.sentAt, receivedAt)) {
        return fail('invalid_payload', 'device:presence: sentAt is out of range');
      }
      const declared = DECLARED[payload.state];
      const key = { deviceId, messageId: payload.id, kind: 'device:presence', payloadHash: payloadHash(payload), at: receivedAt };
      const { ack, replayed } = await idempotentWrite(ctx.store, key, async (tx) => {
        await tx.devices.flushPresence([
          { deviceId, lastSeenAt: receivedAt, declaredPresence: declared, lastStatus: declared ?? 'online' },
        ]);
        return ok({ state: payload.state });
      });
      // A retried old notice must not undo a newer one: apply only what was processed just now.
      if (ack.ok && !replayed) ctx.presence.declare(deviceId, declared, receivedAt);
      return ack;
    }),
  );
}
