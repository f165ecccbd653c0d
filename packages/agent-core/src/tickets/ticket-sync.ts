import { EmployeeTicketSchema, type EmployeeTicket, type TicketCreatedAck } from '@deskside/protocol';
import { toMyTicket, type LocalTicket, type MyTicket, type PendingReply } from './my-ticket.js';
import type { MyTicketsStore } from './my-tickets-store.js';

/** What changed in a ticket, for the tray's notification. */
export type TicketChange = 'created' | 'queued' | 'delivered' | 'failed' | 'reply' | 'status' | 'updated';

export interface TicketChangeEvent {
  change: TicketChange;
  ticket: MyTicket;
}

export type TicketChangeListener = (event: TicketChangeEvent) => void;

/**
 * Keeps "My tickets" in step with the hub: create acks, refused tickets, `tickets:mine` lists and
 * `ticket:updated` pushes. Every hub-sent ticket is parsed with the protocol's schema first; a
 * malformed one changes nothing. Updates run one at a time so two never overwrite each other.
 */
export class TicketSync {
  private readonly listeners = new Set<TicketChangeListener>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: MyTicketsStore) {}

  onChange(listener: TicketChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells listeners about a ticket the queue just recorded. */
  announce(change: TicketChange, ticket: MyTicket): void {
    this.emit({ change, ticket });
  }

  /** The hub stored the ticket: it has a number now. */
  created(ack: TicketCreatedAck): Promise<void> {
    return this.update(ack.ticketId, 'delivered', (t) => ({ ...t, delivery: 'sent', number: ack.number, priority: ack.priority, failure: null }));
  }

  /** The hub will never take it as it is (the drainer dropped it): say so instead of "queued" forever. */
  failed(ticketId: string, why: string): Promise<void> {
    return this.update(ticketId, 'failed', (t) => ({ ...t, delivery: 'failed', failure: why.slice(0, 512) }));
  }

  replyDelivered(ticketId: string, replyId: string): Promise<void> {
    return this.update(ticketId, 'updated', (t) => ({
      ...t,
      pendingReplies: reconcile(
        t.pendingReplies.map((r) => (r.id === replyId ? { ...r, delivered: true } : r)),
        t.hub,
      ),
    }));
  }

  /** A `ticket:updated` push or an entry of `tickets:mine`; returns what changed, `null` if invalid. */
  applyHub(raw: unknown, announce = true): Promise<TicketChange | null> {
    const parsed = EmployeeTicketSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve(null);
    const ticket = parsed.data;
    return this.serial(async () => {
      const before = await this.store.get(ticket.id);
      const next = merge(before, ticket);
      const change = changeOf(before, ticket);
      await this.store.put(next);
      if (announce || change === 'reply' || change === 'status') this.emit({ change, ticket: toMyTicket(next) });
      return change;
    });
  }

  private update(id: string, change: TicketChange, patch: (t: LocalTicket) => LocalTicket): Promise<void> {
    return this.serial(async () => {
      const current = await this.store.get(id);
      if (!current) return;
      const next = patch(current);
      await this.store.put(next);
      this.emit({ change, ticket: toMyTicket(next) });
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.chain.then(op, op);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private emit(event: TicketChangeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure (a closed window) must not stop the others or the sync.
      }
    }
  }
}

/** The local record after the hub's view arrived. */
function merge(before: LocalTicket | null, hub: EmployeeTicket): LocalTicket {
  const pendingReplies = reconcile(before?.pendingReplies ?? [], hub);
  return {
    v: 1,
    id: hub.id,
    delivery: 'sent',
    number: hub.number,
    subject: hub.subject,
    description: before?.description ?? hub.messages.find((m) => m.from === 'employee')?.body ?? '',
    category: hub.category,
    priority: hub.priority,
    createdAt: before?.createdAt ?? hub.createdAt,
    hub,
    pendingReplies,
    failure: null,
    // Who asked stays with the ticket: the hub's employee view does not say.
    ...(before?.owner !== undefined ? { owner: before.owner } : {}),
  };
}

// The hub may echo a reply (ticket:updated) before its ack reaches us, and may give the message an
// id of its own: a pending reply leaves the list when the thread shows it, by id or by the same
// text from the employee no earlier than a few minutes before it was written (clocks differ).
const ECHO_SLACK_MS = 5 * 60 * 1000;

function reconcile(pending: PendingReply[], hub: EmployeeTicket | null): PendingReply[] {
  if (!hub) return pending;
  const ids = new Set(hub.messages.map((m) => m.id));
  const unclaimed = hub.messages.filter((m) => m.from === 'employee');
  return pending.filter((reply) => {
    if (ids.has(reply.id)) return false;
    const at = unclaimed.findIndex((m) => m.body.trim() === reply.body.trim() && Date.parse(m.at) >= Date.parse(reply.sentAt) - ECHO_SLACK_MS);
    if (at < 0) return true;
    unclaimed.splice(at, 1);
    return false;
  });
}

function changeOf(before: LocalTicket | null, hub: EmployeeTicket): TicketChange {
  if (!before) return 'created';
  // Before the hub's first push the local view is the baseline: the description, status "new".
  const old = toMyTicket(before);
  const seen = new Set(old.messages.map((m) => m.id));
  if (hub.messages.some((m) => !seen.has(m.id) && m.from !== 'employee')) return 'reply';
  if (hub.status !== old.status) return 'status';
  return before.hub ? 'updated' : 'delivered';
}
