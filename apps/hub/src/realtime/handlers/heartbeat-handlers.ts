import { fail, HeartbeatSchema, type Ack, type HeartbeatAck } from '@deskside/protocol';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import type { WriteBatcher } from '../../services/ingest/write-batcher.js';
import type { QueuedHeartbeat } from '../../services/ingest/heartbeat-batch.js';
import { heartbeatHash } from './heartbeat-hash.js';

/** How far back an agent's own sample time is believed; older (a dead CMOS battery) falls back to receipt. */
const SAMPLE_TIME_TRUST_MS = 30 * 24 * 3600 * 1000;

/**
 * When the sample was taken: the agent's `sentAt` (a backlog delivered after days offline keeps
 * its real times), but never later than its receipt, nor more than 30 days before it.
 */
export function sampleTime(sentAt: string, receivedAt: Date): Date {
  const sent = Date.parse(sentAt);
  const received = receivedAt.getTime();
  if (!Number.isFinite(sent) || sent > received || sent < received - SAMPLE_TIME_TRUST_MS) return receivedAt;
  return new Date(sent);
}

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
        sampledAt: sampleTime(payload.sentAt, receivedAt),
      });
      if (result.ok) ctx.metrics.heartbeatsAcked.inc();
      return result;
    }),
  );
}
