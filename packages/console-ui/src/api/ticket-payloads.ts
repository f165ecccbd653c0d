import { TicketSchema, type Ticket } from '@deskside/protocol';

/** Largest batch the console looks at: the hub sends at most every ticket that is not closed. */
const MAX_BATCH = 20_000;

/** Tickets that passed the schema, and how many were dropped. */
export interface TicketBatch {
  tickets: Ticket[];
  rejected: number;
}

/**
 * `{tickets: Ticket[]}` from the hub (`tickets:changed`, the `tickets:watch` ack), checked ticket
 * by ticket: one malformed row is dropped and counted instead of losing the whole batch.
 */
export function parseTicketBatch(payload: unknown): TicketBatch {
  if (!isRecord(payload) || !Array.isArray(payload.tickets)) return { tickets: [], rejected: 1 };
  const items: unknown[] = payload.tickets;
  if (items.length > MAX_BATCH) return { tickets: [], rejected: items.length };
  const tickets: Ticket[] = [];
  let rejected = 0;
  for (const item of items) {
    const parsed = TicketSchema.safeParse(item);
    if (parsed.success) tickets.push(parsed.data);
    else rejected += 1;
  }
  return { tickets, rejected };
}

/** The ack of `tickets:watch`: every ticket that is not closed, or the hub's error. */
export function parseTicketsWatchAck(ack: unknown): { ok: true; batch: TicketBatch } | { ok: false; code: string; message: string } {
  if (!isRecord(ack) || typeof ack.ok !== 'boolean') return { ok: false, code: 'bad_response', message: 'Malformed answer to tickets:watch.' };
  if (ack.ok) return { ok: true, batch: parseTicketBatch(ack.data) };
  const error = isRecord(ack.error) ? ack.error : {};
  return {
    ok: false,
    code: typeof error.code === 'string' ? error.code.slice(0, 64) : 'bad_response',
    message: typeof error.message === 'string' ? error.message.slice(0, 1024) : 'The hub refused to send the tickets.',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
