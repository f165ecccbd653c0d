import {
  AgentTicketConfirmSchema,
  AgentTicketCreateSchema,
  AgentTicketRateSchema,
  AgentTicketReplySchema,
  priorityOf,
  type AgentTicketCreate,
  type DiagnosticsBundle,
  type Impact,
  type Requester,
  type Satisfaction,
  type ScreenshotUpload,
  type TicketCategory,
  type Urgency,
} from '@deskside/protocol';
import type { OutboxPriority, OutboxRecord } from '../outbox/outbox-record.js';
import { toMyTicket, type LocalTicket, type MyTicket } from './my-ticket.js';
import type { MyTicketsStore } from './my-tickets-store.js';

/** Outbox kinds of the ticket messages (the drainer sends them under these event names). */
export const TICKET_OUTBOX_KINDS = { create: 'ticket:create', reply: 'ticket:reply', confirm: 'ticket:confirm', rate: 'ticket:rate' } as const;

/** What the employee (or a script) fills in. */
export interface TicketDraft {
  subject: string;
  description: string;
  category: TicketCategory;
  impact: Impact;
  urgency: Urgency;
  diagnostics: DiagnosticsBundle | null;
  screenshot: ScreenshotUpload | null;
  /** Help articles the employee read before asking anyway (tied to the ticket by the hub). */
  articlesRead?: string[];
}

/** The part of the outbox the queue needs: the runtime's `Outbox`, or the CLI's appender. */
export interface OutboxWriter {
  enqueue(kind: string, payload: unknown, priority: OutboxPriority): Promise<OutboxRecord | null>;
}

/** A draft or reply the protocol would refuse; the message says which field, never its value. */
export class InvalidTicketError extends Error {
  constructor(readonly fields: string[]) {
    super(`invalid ticket: ${fields.join(', ') || 'payload'}`);
    this.name = 'InvalidTicketError';
  }
}

export interface TicketQueueDeps {
  outbox: OutboxWriter;
  store: MyTicketsStore;
  now: () => number;
  newId: () => string;
  /** The OS user who asks for help. */
  requester: () => Requester;
}

/**
 * Turns a draft into an `AgentTicketCreate` whose id is born here, validates it with the protocol's
 * schema, queues it in the durable outbox as a high-value item (never dropped when the outbox is
 * full) and records it in "My tickets" as queued, so the tray shows it at once, offline or not.
 * The outbox drain sends it with its id as the idempotency key: delivered exactly once.
 */
export class TicketQueue {
  constructor(private readonly deps: TicketQueueDeps) {}

  /** `requester`: who asks, when not this process's OS user (the service, for a tray's user). */
  async create(draft: TicketDraft, requester: Requester = this.deps.requester()): Promise<MyTicket> {
    const candidate: AgentTicketCreate = {
      id: this.deps.newId(),
      createdAt: new Date(this.deps.now()).toISOString(),
      subject: draft.subject.trim(),
      description: draft.description.trim(),
      category: draft.category,
      impact: draft.impact,
      urgency: draft.urgency,
      requester,
      diagnostics: draft.diagnostics,
      screenshot: draft.screenshot,
      ...(draft.articlesRead?.length ? { articlesRead: draft.articlesRead } : {}),
    };
    const parsed = AgentTicketCreateSchema.safeParse(candidate);
    if (!parsed.success) throw new InvalidTicketError(fieldsOf(parsed.error.issues));
    const payload = parsed.data;
    const local: LocalTicket = {
      v: 1,
      id: payload.id,
      delivery: 'queued',
      number: null,
      subject: payload.subject,
      description: payload.description,
      category: payload.category,
      priority: priorityOf(payload.impact, payload.urgency),
      createdAt: payload.createdAt,
      hub: null,
      pendingReplies: [],
      failure: null,
      owner: requester.username,
    };
    // Recorded first: if the process dies between the two writes the employee still sees the
    // ticket; the other order could send a ticket the tray never shows.
    await this.deps.store.put(local);
    try {
      await this.deps.outbox.enqueue(TICKET_OUTBOX_KINDS.create, payload, 'high');
    } catch (e) {
      await this.deps.store.put({ ...local, delivery: 'failed', failure: 'could not be queued on this computer' });
      throw e;
    }
    return toMyTicket(local);
  }

  /** Queues the employee's reply; it shows in the thread as pending until the hub echoes it. */
  async reply(ticketId: string, body: string): Promise<MyTicket> {
    const local = await this.deps.store.get(ticketId);
    if (!local) throw new InvalidTicketError(['ticketId']);
    const parsed = AgentTicketReplySchema.safeParse({
      id: this.deps.newId(),
      ticketId,
      body: body.trim(),
      sentAt: new Date(this.deps.now()).toISOString(),
    });
    if (!parsed.success) throw new InvalidTicketError(fieldsOf(parsed.error.issues));
    const reply = parsed.data;
    const next: LocalTicket = { ...local, pendingReplies: [...local.pendingReplies, { id: reply.id, body: reply.body, sentAt: reply.sentAt, delivered: false }].slice(-100) };
    await this.deps.store.put(next);
    await this.deps.outbox.enqueue(TICKET_OUTBOX_KINDS.reply, reply, 'high');
    return toMyTicket(next);
  }

  /**
   * Queues the answer to "Is this fixed?". Until the hub's update arrives the tray shows it as
   * answered (`confirm` on the local ticket), so the question is not asked twice.
   */
  async confirm(ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicket> {
    const local = await this.deps.store.get(ticketId);
    if (!local) throw new InvalidTicketError(['ticketId']);
    const parsed = AgentTicketConfirmSchema.safeParse({
      id: this.deps.newId(),
      ticketId,
      fixed,
      comment: comment?.trim() ? comment.trim() : null,
      sentAt: new Date(this.deps.now()).toISOString(),
    });
    if (!parsed.success) throw new InvalidTicketError(fieldsOf(parsed.error.issues));
    const next: LocalTicket = { ...local, confirm: { fixed, at: parsed.data.sentAt } };
    await this.deps.store.put(next);
    await this.deps.outbox.enqueue(TICKET_OUTBOX_KINDS.confirm, parsed.data, 'high');
    return toMyTicket(next);
  }

  /** Queues the one-click rating (a later one replaces it on the hub). */
  async rate(ticketId: string, rating: Satisfaction, comment: string | null): Promise<MyTicket> {
    const local = await this.deps.store.get(ticketId);
    if (!local) throw new InvalidTicketError(['ticketId']);
    const parsed = AgentTicketRateSchema.safeParse({
      id: this.deps.newId(),
      ticketId,
      rating,
      comment: comment?.trim() ? comment.trim() : null,
      sentAt: new Date(this.deps.now()).toISOString(),
    });
    if (!parsed.success) throw new InvalidTicketError(fieldsOf(parsed.error.issues));
    const next: LocalTicket = { ...local, rating: { rating, comment: parsed.data.comment, at: parsed.data.sentAt } };
    await this.deps.store.put(next);
    await this.deps.outbox.enqueue(TICKET_OUTBOX_KINDS.rate, parsed.data, 'high');
    return toMyTicket(next);
  }
}

function fieldsOf(issues: ReadonlyArray<{ path: PropertyKey[] }>): string[] {
  return [...new Set(issues.map((i) => i.path.map(String).join('.') || 'payload'))];
}
