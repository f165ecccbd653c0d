import type { Alert } from '@deskside/protocol';
import { parseAlertBatch, parseAlertsWatchAck } from './alert-payloads.js';
import type { ConsoleSocket } from './socket.js';

export interface AlertsFeedHandlers {
  /** Every unresolved alert (the `alerts:watch` ack): replaces what the console had. */
  onSnapshot(alerts: Alert[]): void;
  /** `alerts:changed`: alerts to insert or replace (resolved ones included, to drop them). */
  onChanged(alerts: Alert[]): void;
  /** The hub refused or did not answer the watch; `null` once it is live again. */
  onError?(message: string | null): void;
  /** Something the hub sent failed validation; reported, never applied. */
  onInvalidPayload?(event: string, rejected: number): void;
}

export interface AlertsFeedOptions {
  /** The console's one `/console` socket (from the fleet feed): alerts share it. */
  socket: ConsoleSocket;
  handlers: AlertsFeedHandlers;
  /** How long to wait for the `alerts:watch` snapshot before asking again. */
  watchTimeoutMs?: number;
  /** Delay before asking again after a refusal or a timeout. */
  retryMs?: number;
}

/** A running alerts watch; `close()` stops listening (the socket itself stays with its owner). */
export interface AlertsFeed {
  close(): void;
}

/**
 * Watches alerts over the shared `/console` socket: asks `alerts:watch` on every (re)connection,
 * so nothing raised during a gap is missed, and hands validated `alerts:changed` batches on.
 */
export function watchAlerts(options: AlertsFeedOptions): AlertsFeed {
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
    socket.timeout(watchTimeoutMs).emit('alerts:watch', (err, ack: unknown) => {
      if (closed || !socket.connected) return;
      if (err) {
        handlers.onError?.('The hub did not send the alerts in time.');
        return retryLater();
      }
      const result = parseAlertsWatchAck(ack);
      if (!result.ok) {
        // A session the hub no longer accepts is the fleet feed's to handle; here it only shows.
        handlers.onError?.(result.message);
        if (result.code !== 'unauthorized' && result.code !== 'revoked' && result.code !== 'forbidden') retryLater();
        return;
      }
      if (result.batch.rejected > 0) handlers.onInvalidPayload?.('alerts:watch', result.batch.rejected);
      handlers.onSnapshot(result.batch.alerts);
      handlers.onError?.(null);
    });
  };

  const onChanged = (payload: unknown) => {
    const batch = parseAlertBatch(payload);
    if (batch.rejected > 0) handlers.onInvalidPayload?.('alerts:changed', batch.rejected);
    if (batch.alerts.length > 0) handlers.onChanged(batch.alerts);
  };

  socket.on('connect', watch);
  socket.on('alerts:changed', onChanged);
  // Attached after the connection came up: nobody will fire `connect` for us.
  if (socket.connected) watch();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.off('connect', watch);
      socket.off('alerts:changed', onChanged);
    },
  };
}
