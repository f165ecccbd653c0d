import { HeartbeatSchema, PresenceNoticeSchema, type ErrorCode } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import type { Outbox } from '../outbox/outbox.js';
import type { OutboxRecord } from '../outbox/outbox-record.js';
import type { Logger } from '../util/logger.js';

// The hub will never accept these as they are: retrying would block the queue forever.
const PERMANENT: ReadonlySet<ErrorCode> = new Set(['invalid_payload', 'bad_request', 'payload_too_large', 'unknown_event', 'forbidden']);

/** Outbox kinds the drainer knows how to send. */
export const OUTBOX_KINDS = { heartbeat: 'device:heartbeat', presence: 'device:presence' } as const;

/**
 * Sends the outbox to the hub in order, one message at a time: an item leaves the outbox only
 * when the hub acknowledged it (after committing), so a crash or a lost ack means a re-send,
 * which the hub's idempotency turns into a no-op. Returns how many were delivered.
 */
export class OutboxDrainer {
  private running: Promise<number> | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
    private readonly onDelivered: (record: OutboxRecord) => void = () => {},
  ) {}

  /** Starts a drain, or joins the one under way. */
  drain(connection: HubConnection): Promise<number> {
    this.running ??= this.run(connection).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(connection: HubConnection): Promise<number> {
    let delivered = 0;
    while (connection.connected) {
      const [record] = await this.outbox.peek(1);
      if (!record) break;
      const result = await this.sendOne(connection, record);
      if (result === 'retry') break;
      await this.outbox.ack(record.id);
      if (result === 'delivered') {
        delivered++;
        this.onDelivered(record);
      }
    }
    return delivered;
  }

  private async sendOne(connection: HubConnection, record: OutboxRecord): Promise<'delivered' | 'dropped' | 'retry'> {
    let ack;
    if (record.kind === OUTBOX_KINDS.heartbeat) {
      const payload = HeartbeatSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored heartbeat');
      ack = await connection.send('device:heartbeat', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.presence) {
      const payload = PresenceNoticeSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored presence notice');
      ack = await connection.send('device:presence', payload.data, this.timeoutMs);
    } else {
      return this.drop(record, `unknown outbox kind ${record.kind}`);
    }
    if (ack.ok) return 'delivered';
    if (PERMANENT.has(ack.error.code)) return this.drop(record, `hub refused it: ${ack.error.code}`);
    this.logger.debug('outbox send not acknowledged; will retry', { kind: record.kind, code: ack.error.code });
    return 'retry';
  }

  private drop(record: OutboxRecord, why: string): 'dropped' {
    this.logger.warn('dropping an outbox message the hub cannot accept', { kind: record.kind, id: record.id, why });
    return 'dropped';
  }
}
