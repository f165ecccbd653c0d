import { fail, HeartbeatSchema, type Ack, type HeartbeatAck } from '@deskside/protocol';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import type { WriteBatcher } from '../write-batcher.js';
import type { QueuedHeartbeat } from './heartbeat-batch.js';
import { heartbeatHash } from './heartbeat-hash.js';

/**
 * `device:heartbeat`: presence is updated in memory at once (the device is alive whatever the
 * database does); the sample joins the current batch and is acked after that batch commits.
 */
export function registerHeartbeatHandlers(
  ctx: AgentContext,
  socket: AgentSocket,
  batcher: WriteBatcher<QueuedHeartbeat, Ack<HeartbeatAck>>,
): void {
  socket.on(
    'device:heartbeat',
    agentCommand(ctx, socket, 'device:heartbeat', HeartbeatSchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.sentAt, receivedAt)) {
        return fail('invalid_payload', 'device:heartbeat: sentAt is out of range');
      }
      ctx.presence.heartbeat(deviceId, receivedAt);
      const result = await batcher.add({
        deviceId,
        messageId: payload.id,
        payloadHash: heartbeatHash(payload),
        metrics: payload.metrics,
        receivedAt,
      });
      if (result.ok) ctx.metrics.heartbeatsAcked.inc();
      return result;
    }),
  );
}
