import { fail, type Ack, type Heartbeat, type HeartbeatAck } from '@deskside/protocol';
import type { AgentWrite, IngestDeps } from './agent-write.js';
import { heartbeatHash } from './heartbeat-hash.js';
import { isSaneInstant } from './sane-instant.js';

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
 * `device:heartbeat`, the hot path: presence is updated in memory at once (the device is alive
 * whatever the database does); the sample joins the current batch (heartbeat-batch.ts: one
 * transaction, dedup by message id) and the answer comes once that batch committed.
 */
export function ingestHeartbeat(deps: Pick<IngestDeps, 'presence' | 'heartbeats'>, write: AgentWrite<Heartbeat>): Promise<Ack<HeartbeatAck>> {
  const { payload, deviceId, receivedAt } = write;
  if (!isSaneInstant(payload.sentAt, receivedAt)) {
    return Promise.resolve(fail('invalid_payload', 'device:heartbeat: sentAt is out of range'));
  }
  deps.presence.heartbeat(deviceId, receivedAt);
  return deps.heartbeats.add({
    deviceId,
    messageId: payload.id,
    payloadHash: heartbeatHash(payload),
    metrics: payload.metrics,
    receivedAt,
    sampledAt: sampleTime(payload.sentAt, receivedAt),
  });
}
