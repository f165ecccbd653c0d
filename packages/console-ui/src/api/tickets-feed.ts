import type { Ticket } from '@deskside/protocol';
import { parseTicketBatch, parseTicketsWatchAck } from './ticket-payloads.js';
import type { ConsoleSocket } from './socket.js';

export interface TicketsFeedHandlers {
  /** Every ticket that is not closed (the `tickets:watch` ack): replaces what the console had. */
  onSnapshot(tickets: Ticket[]): void;
  /** `tickets:changed`: tickets to insert or replace. */
  onChanged(tickets: Ticket[]): void;
  /** The hub refused or did not answer the watch; `null` once it is live again. */
  onError?(message: string | null): void;
  /** Something the hub sent failed validation; reported, never applied. */
  onInvalidPayload?(event: string, rejected: number): void;
}

export interface TicketsFeedOptions {
  /** The console's one `/console` socket (from the fleet feed): tickets share it. */
  socket: ConsoleSocket;
  handlers: TicketsFeedHandlers;
  watchTimeoutMs?: number;
  retryMs?: number;
}

/**
 * Watches tickets over the shared `/console` socket: asks `tickets:watch` on every (re)connection,
 * so nothing created during a gap is missed, and hands validated `tickets:changed` batches on.
 */
export function watchTickets(options: TicketsFeedOptions): { close(): void } {
  const { socket, handlers } = options;
  const watchTimeoutMs = options.watchTimeoutMs ?? 10_000;
  const retryMs = options.retryMs ?? 5000;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const retryLater = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!closed && socket.connected) watch();
    }, retryMs);
  };

  const watch = () => {
    socket.timeout(watchTimeoutMs).emit('tickets:watch', (err, ack: unknown) => {
      if (closed || !socket.connected) return;
      if (err) {
        handlers.onError?.('The hub did not send the tickets in time.');
        return retryLater();
      }
      const result = parseTicketsWatchAck(ack);
      if (!result.ok) {
        // A session the hub no longer accepts is the fleet feed's to handle; here it only shows.
        handlers.onError?.(result.message);
        if (result.code !== 'unauthorized' && result.code !== 'revoked' && result.code !== 'forbidden') retryLater();
        return;
      }
      if (result.batch.rejected > 0) handlers.onInvalidPayload?.('tickets:watch', result.batch.rejected);
      handlers.onSnapshot(result.batch.tickets);
      handlers.onError?.(null);
    });
  };

  const onChanged = (payload: unknown) => {
    const batch = parseTicketBatch(payload);
    if (batch.rejected > 0) handlers.onInvalidPayload?.('tickets:changed', batch.rejected);
    if (batch.tickets.length > 0) handlers.onChanged(batch.tickets);
  };

  socket.on('connect', watch);
  socket.on('tickets:changed', onChanged);
  // Attached after the connection came up: nobody will fire `connect` for us.
  if (socket.connected) watch();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.off('connect', watch);
      socket.off('tickets:changed', onChanged);
    },
  };
}
