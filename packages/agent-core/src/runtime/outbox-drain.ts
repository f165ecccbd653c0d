import { AgentKbDeflectSchema, AgentKbFeedbackSchema, FixStatusSchema, AgentTicketConfirmSchema, AgentTicketCreateSchema, AgentTicketRateSchema, AgentTicketReplySchema, AlertClearSchema, AlertRaiseSchema, HeartbeatSchema, PresenceNoticeSchema, type Ack, type ErrorCode } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import type { Outbox } from '../outbox/outbox.js';
import type { OutboxRecord } from '../outbox/outbox-record.js';
import type { Logger } from '../util/logger.js';

// The hub will never accept these as they are: retrying would block the queue forever.
const PERMANENT: ReadonlySet<ErrorCode> = new Set(['invalid_payload', 'bad_request', 'payload_too_large', 'unknown_event', 'forbidden']);

/** Outbox kinds the drainer knows how to send. */
export const OUTBOX_KINDS = {
  heartbeat: 'device:heartbeat',
  presence: 'device:presence',
  ticketCreate: 'ticket:create',
  ticketReply: 'ticket:reply',
  ticketConfirm: 'ticket:confirm',
  ticketRate: 'ticket:rate',
  alertRaise: 'alert:raise',
  alertClear: 'alert:clear',
  fixStatus: 'action:status',
  kbDeflect: 'kb:deflect',
  kbFeedback: 'kb:feedback',
} as const;

// A hub that does not handle these yet answers `unknown_event`: the employee's ticket waits for a
// hub that does (skipped for this drain, kept), never dropped, and never blocks the heartbeats.
const WAIT_FOR_SUPPORT: ReadonlySet<string> = new Set([OUTBOX_KINDS.ticketCreate, OUTBOX_KINDS.ticketReply, OUTBOX_KINDS.ticketConfirm, OUTBOX_KINDS.ticketRate, OUTBOX_KINDS.alertRaise, OUTBOX_KINDS.alertClear, OUTBOX_KINDS.fixStatus, OUTBOX_KINDS.kbDeflect, OUTBOX_KINDS.kbFeedback]);

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
    private readonly onDelivered: (record: OutboxRecord, ackData: unknown) => void = () => {},
    private readonly onDropped: (record: OutboxRecord, why: string) => void = () => {},
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
    const deferred = new Set<string>();
    while (connection.connected) {
      const record = (await this.outbox.peek(deferred.size + 1)).find((r) => !deferred.has(r.id));
      if (!record) break;
      const result = await this.sendOne(connection, record);
      if (result === 'retry') break;
      if (result === 'defer') {
        deferred.add(record.id);
        continue;
      }
      await this.outbox.ack(record.id);
      if (result.outcome === 'delivered') {
        delivered++;
        this.onDelivered(record, result.data);
      } else this.onDropped(record, result.why);
    }
    return delivered;
  }

  private async sendOne(connection: HubConnection, record: OutboxRecord): Promise<Outcome> {
    let ack: Ack<unknown>;
    if (record.kind === OUTBOX_KINDS.heartbeat) {
      const payload = HeartbeatSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored heartbeat');
      ack = await connection.send('device:heartbeat', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.presence) {
      const payload = PresenceNoticeSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored presence notice');
      ack = await connection.send('device:presence', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.ticketCreate) {
      const payload = AgentTicketCreateSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored ticket');
      // The ticket's own id is the idempotency key: a re-send after a lost ack is a no-op.
      ack = await connection.send('ticket:create', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.ticketReply) {
      const payload = AgentTicketReplySchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored ticket reply');
      ack = await connection.send('ticket:reply', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.ticketConfirm) {
      const payload = AgentTicketConfirmSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored fix confirmation');
      ack = await connection.send('ticket:confirm', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.ticketRate) {
      const payload = AgentTicketRateSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored rating');
      ack = await connection.send('ticket:rate', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.alertRaise) {
      const payload = AlertRaiseSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored alert');
      // The message id makes a re-send after a lost ack a no-op on the hub.
      ack = await connection.send('alert:raise', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.alertClear) {
      const payload = AlertClearSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored alert clear');
      ack = await connection.send('alert:clear', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.fixStatus) {
      const payload = FixStatusSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored fix status');
      ack = await connection.send('action:status', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.kbDeflect) {
      const payload = AgentKbDeflectSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored deflection');
      ack = await connection.send('kb:deflect', payload.data, this.timeoutMs);
    } else if (record.kind === OUTBOX_KINDS.kbFeedback) {
      const payload = AgentKbFeedbackSchema.safeParse(record.payload);
      if (!payload.success) return this.drop(record, 'invalid stored article feedback');
      ack = await connection.send('kb:feedback', payload.data, this.timeoutMs);
    } else {
      return this.drop(record, `unknown outbox kind ${record.kind}`);
    }
    if (ack.ok) return { outcome: 'delivered', data: ack.data };
    if (ack.error.code === 'unknown_event' && WAIT_FOR_SUPPORT.has(record.kind)) return 'defer';
    if (PERMANENT.has(ack.error.code)) return this.drop(record, `hub refused it: ${ack.error.code}`);
    this.logger.debug('outbox send not acknowledged; will retry', { kind: record.kind, code: ack.error.code });
    return 'retry';
  }

  private drop(record: OutboxRecord, why: string): Outcome {
    this.logger.warn('dropping an outbox message the hub cannot accept', { kind: record.kind, id: record.id, why });
    return { outcome: 'dropped', why };
  }
}

type Outcome = { outcome: 'delivered'; data: unknown } | { outcome: 'dropped'; why: string } | 'retry' | 'defer';
