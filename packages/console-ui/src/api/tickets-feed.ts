import type { Ticket } from '@deskside/protocol';
import { parseTicketBatch, parseTicketsWatchAck } from './ticket-payloads.js';
import { watchFeed, type WatchFeedHandlers, type WatchFeedOptions, type WatchSpec } from './watch-feed.js';

/** Snapshot: every ticket that is not closed; changes: tickets to insert or replace. */
export type TicketsFeedHandlers = WatchFeedHandlers<Ticket>;
export type TicketsFeedOptions = WatchFeedOptions<Ticket>;

const TICKETS: WatchSpec<Ticket> = {
  watchEvent: 'tickets:watch',
  changedEvent: 'tickets:changed',
  noun: 'tickets',
  parseAck(ack) {
    const result = parseTicketsWatchAck(ack);
    return result.ok ? { ok: true, items: result.batch.tickets, rejected: result.batch.rejected } : result;
  },
  parseBatch(payload) {
    const batch = parseTicketBatch(payload);
    return { items: batch.tickets, rejected: batch.rejected };
  },
};

/** Watches tickets over the shared `/console` socket (`tickets:watch` on every connection, `tickets:changed`). */
export function watchTickets(options: TicketsFeedOptions): { close(): void } {
  return watchFeed(TICKETS, options);
}
