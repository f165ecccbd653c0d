import type { ConnectivityCheck, DiagnosticsBundle, InventoryDocument, MetricsSample, Requester, Satisfaction, TicketCreatedAck } from '@deskside/protocol';
import { TicketCreatedAckSchema } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import type { OutboxRecord } from '../outbox/outbox-record.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import { checkConnectivity, type ConnectivityProbes } from './connectivity.js';
import { buildDiagnostics, type DiagnosticsAlert } from './diagnostics.js';
import { OPEN_STATUSES, toMyTicket, type MyTicket } from './my-ticket.js';
import { MyTicketsStore } from './my-tickets-store.js';
import { SampleHistory } from './sample-history.js';
import { SoftwareChangeLog } from './software-changes.js';
import { TICKET_OUTBOX_KINDS, TicketQueue, type OutboxWriter, type TicketDraft } from './ticket-queue.js';
import { TicketSync, type TicketChangeListener } from './ticket-sync.js';

export interface TicketDeskDeps {
  stateDir: string;
  outbox: OutboxWriter;
  now: () => number;
  newId: () => string;
  requester: () => Requester;
  hostname: () => string;
  probes: ConnectivityProbes;
  logger: Logger;
  /** The last inventory the hub acknowledged, for diagnostics before this run collected one. */
  storedInventory?: () => Promise<InventoryDocument | null>;
  /** Open alerts of the agent's checks (none until the checks feed them in). */
  openAlerts?: () => Promise<DiagnosticsAlert[]>;
}

/** What the runtime lends the desk once it runs. */
export interface TicketDeskHost {
  /** Sends what the outbox holds now (no-op while offline). */
  drain(): Promise<void>;
  hubUrl(): string | null;
}

/**
 * Everything about the employee's tickets on this PC, behind one object the tray (and the runtime)
 * talk to: queueing tickets and replies, "My tickets" kept in step with the hub, the diagnostics
 * bundle and the connectivity check, and the sample and software history they draw on.
 */
export class TicketDesk {
  readonly store: MyTicketsStore;
  readonly history: SampleHistory;
  readonly software: SoftwareChangeLog;
  private readonly queue: TicketQueue;
  private readonly sync: TicketSync;
  private latestInventory: InventoryDocument | null = null;
  private host: TicketDeskHost | null = null;

  constructor(private readonly deps: TicketDeskDeps) {
    this.store = new MyTicketsStore(deps.stateDir);
    this.history = new SampleHistory(deps.stateDir);
    this.software = new SoftwareChangeLog(deps.stateDir);
    this.queue = new TicketQueue({ outbox: deps.outbox, store: this.store, now: deps.now, newId: deps.newId, requester: deps.requester });
    this.sync = new TicketSync(this.store);
  }

  /** Called once by the runtime that owns the connection. */
  attach(host: TicketDeskHost): void {
    this.host = host;
  }

  /** Every change to "My tickets": queued, delivered, answered (`reply`), status changed… */
  onChange(listener: TicketChangeListener): () => void {
    return this.sync.onChange(listener);
  }

  async list(): Promise<MyTicket[]> {
    return (await this.store.list()).map(toMyTicket);
  }

  /** True while a ticket waits for the help desk (queued, new, open or pending). */
  async hasOpenTicket(): Promise<boolean> {
    return (await this.list()).some((t) => t.delivery !== 'failed' && OPEN_STATUSES.has(t.status));
  }

  /** Queues a ticket (durable at once) and tries to send it now. */
  async create(draft: TicketDraft, requester?: Requester): Promise<MyTicket> {
    const ticket = await this.queue.create(draft, requester);
    this.sync.announce('queued', ticket);
    this.sendSoon();
    return ticket;
  }

  async reply(ticketId: string, body: string): Promise<MyTicket> {
    const ticket = await this.queue.reply(ticketId, body);
    this.sync.announce('updated', ticket);
    this.sendSoon();
    return ticket;
  }

  /** "Is this fixed?": yes closes the resolved ticket, no reopens it with the comment. */
  async confirm(ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicket> {
    const ticket = await this.queue.confirm(ticketId, fixed, comment);
    this.sync.announce('updated', ticket);
    this.sendSoon();
    return ticket;
  }

  /** The one-click rating of a resolved or closed ticket. */
  async rate(ticketId: string, rating: Satisfaction, comment: string | null): Promise<MyTicket> {
    const ticket = await this.queue.rate(ticketId, rating, comment);
    this.sync.announce('updated', ticket);
    this.sendSoon();
    return ticket;
  }

  checkConnection(): Promise<ConnectivityCheck> {
    return checkConnectivity(this.deps.probes, this.host?.hubUrl() ?? null);
  }

  /** The bundle as it would be attached now, with a connectivity check taken now. */
  async diagnostics(): Promise<DiagnosticsBundle> {
    const connectivity = await this.checkConnection().catch(() => null);
    return buildDiagnostics(
      {
        now: this.deps.now,
        hostname: this.deps.hostname,
        user: () => this.deps.requester().username,
        latestInventory: async () => this.latestInventory ?? (await this.deps.storedInventory?.()) ?? null,
        openAlerts: this.deps.openAlerts ?? (() => Promise.resolve([])),
        history: this.history,
        software: this.software,
      },
      connectivity,
    );
  }

  // ---- hooks the runtime calls ---------------------------------------------------------------

  async recordSample(sample: MetricsSample): Promise<void> {
    await this.history.record(sample, this.deps.now()).catch((e: unknown) => this.deps.logger.warn('sample history not saved', { error: errorMessage(e) }));
  }

  async noteInventory(document: InventoryDocument): Promise<void> {
    this.latestInventory = document;
    await this.software.note(document, this.deps.now()).catch((e: unknown) => this.deps.logger.warn('software change log not saved', { error: errorMessage(e) }));
  }

  /** The outbox drainer delivered a record; ticket acks carry the hub's number. */
  async delivered(record: OutboxRecord, data: unknown): Promise<void> {
    if (record.kind === TICKET_OUTBOX_KINDS.create) {
      const ack = TicketCreatedAckSchema.safeParse(data);
      if (ack.success) await this.guard(this.sync.created(ack.data satisfies TicketCreatedAck));
    } else if (record.kind === TICKET_OUTBOX_KINDS.reply) {
      const reply = record.payload as { id?: unknown; ticketId?: unknown };
      if (typeof reply.id === 'string' && typeof reply.ticketId === 'string') await this.guard(this.sync.replyDelivered(reply.ticketId, reply.id));
    }
  }

  /** The drainer gave up on a record the hub will never accept. */
  async dropped(record: OutboxRecord, why: string): Promise<void> {
    const payload = record.payload as { id?: unknown; ticketId?: unknown };
    if (record.kind === TICKET_OUTBOX_KINDS.create && typeof payload.id === 'string') await this.guard(this.sync.failed(payload.id, why));
  }

  /** A `ticket:updated` push from the hub (validated inside). */
  async applyUpdate(raw: unknown): Promise<void> {
    const change = await this.guard(this.sync.applyHub(raw));
    if (change === null) this.deps.logger.warn('ignored an invalid ticket update from the hub');
  }

  /** Asks the hub for "My tickets" (on every connect). A hub without tickets just answers an error. */
  async refresh(connection: HubConnection, timeoutMs: number): Promise<void> {
    const ack = await connection.query('tickets:mine', timeoutMs);
    if (!ack.ok) {
      this.deps.logger.debug('tickets:mine not answered', { code: ack.error.code });
      return;
    }
    for (const ticket of ack.data.tickets) await this.guard(this.sync.applyHub(ticket, false));
  }

  private sendSoon(): void {
    void this.host?.drain().catch((e: unknown) => this.deps.logger.warn('ticket send failed; will retry', { error: errorMessage(e) }));
  }

  private async guard<T>(work: Promise<T>): Promise<T | null> {
    try {
      return await work;
    } catch (e) {
      this.deps.logger.warn('my tickets not updated', { error: errorMessage(e) });
      return null;
    }
  }
}
