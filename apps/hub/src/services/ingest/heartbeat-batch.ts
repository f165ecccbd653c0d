import { ok, type Ack, type HeartbeatAck, type MetricsSample } from '@deskside/protocol';
import type { HealthSampleRecord, ProcessedMessage, Store } from '@deskside/store';
import { conflict } from './idempotent-write.js';
import { WriteBatcher, type Scheduler } from './write-batcher.js';

/** One heartbeat waiting for its batch. */
export interface QueuedHeartbeat {
  deviceId: string;
  messageId: string;
  payloadHash: string;
  metrics: MetricsSample;
  receivedAt: Date;
  /** When the agent took the sample (see `sampleTime`); the receipt time when left out. */
  sampledAt?: Date;
}

/** The heartbeat write path: add one, get its ack once its batch committed. */
export type HeartbeatBatcher = WriteBatcher<QueuedHeartbeat, Ack<HeartbeatAck>>;

export const HEARTBEAT_KIND = 'device:heartbeat';

/**
 * Every commit costs one fsync (synchronous=FULL), so under load batches grow rather than
 * multiply: up to 2,000 heartbeats per transaction, and a 15 ms window once the last batch was
 * busy. A quiet hub (50,000 agents every 30 s is ~8 per 5 ms) keeps the 5 ms window.
 */
const HEARTBEAT_BATCHING = { maxItems: 2_000, maxDelayMs: 5, busyItems: 200, busyDelayMs: 15 };

/**
 * The heartbeat hot path: every heartbeat of one tick window is checked against the processed
 * messages and committed in ONE transaction (samples + message records), then each is answered.
 */
export function createHeartbeatBatcher(
  store: Store,
  options: { maxItems?: number; maxDelayMs?: number; busyItems?: number; busyDelayMs?: number; schedule?: Scheduler } = {},
): HeartbeatBatcher {
  return new WriteBatcher({ ...HEARTBEAT_BATCHING, ...options, commit: (items) => commitHeartbeats(store, items) });
}

async function commitHeartbeats(store: Store, items: QueuedHeartbeat[]): Promise<Array<Ack<HeartbeatAck>>> {
  return store.transaction(async (tx) => {
    const known = new Map<string, ProcessedMessage>();
    const previous = await tx.messages.getMany(items.map((i) => ({ deviceId: i.deviceId, messageId: i.messageId })));
    for (const p of previous) known.set(key(p.deviceId, p.messageId), p);

    const samples: HealthSampleRecord[] = [];
    const messages: ProcessedMessage[] = [];
    const results = items.map((item): Ack<HeartbeatAck> => {
      const k = key(item.deviceId, item.messageId);
      const seen = known.get(k);
      if (seen) {
        // A retry (possibly within this very batch) answers what the first one got.
        return seen.kind === HEARTBEAT_KIND && seen.payloadHash === item.payloadHash
          ? ok(seen.result as HeartbeatAck)
          : conflict();
      }
      const result: HeartbeatAck = { receivedAt: item.receivedAt.toISOString() };
      const record: ProcessedMessage = {
        deviceId: item.deviceId,
        messageId: item.messageId,
        kind: HEARTBEAT_KIND,
        payloadHash: item.payloadHash,
        result,
        processedAt: item.receivedAt,
      };
      known.set(k, record);
      messages.push(record);
      samples.push({ deviceId: item.deviceId, messageId: item.messageId, at: item.sampledAt ?? item.receivedAt, metrics: item.metrics });
      return ok(result);
    });

    if (samples.length > 0) {
      await tx.health.insertMany(samples);
      await tx.messages.putMany(messages);
    }
    return results;
  });
}

function key(deviceId: string, messageId: string): string {
  return `${deviceId}\u0000${messageId}`;
}
