import type { ConsoleSocket } from './socket.js';

export interface WatchFeedHandlers<T> {
  /** Everything the watch covers (its ack): replaces what the console had. */
  onSnapshot(items: T[]): void;
  /** A change batch: items to insert or replace. */
  onChanged(items: T[]): void;
  /** The hub refused or did not answer the watch; `null` once it is live again. */
  onError?(message: string | null): void;
  /** Something the hub sent failed validation; reported, never applied. */
  onInvalidPayload?(event: string, rejected: number): void;
}

export interface WatchFeedOptions<T> {
  /** The console's one `/console` socket (from the fleet feed): every watch shares it. */
  socket: ConsoleSocket;
  handlers: WatchFeedHandlers<T>;
  /** How long to wait for the snapshot before asking again. */
  watchTimeoutMs?: number;
  /** Delay before asking again after a refusal or a timeout. */
  retryMs?: number;
}

/** What distinguishes one watch from another: its events, its validators, and what it is called. */
export interface WatchSpec<T> {
  watchEvent: 'alerts:watch' | 'tickets:watch';
  changedEvent: 'alerts:changed' | 'tickets:changed';
  /** "alerts", "tickets": for the message shown when the hub is slow. */
  noun: string;
  parseAck(ack: unknown): { ok: true; items: T[]; rejected: number } | { ok: false; code: string; message: string };
  parseBatch(payload: unknown): { items: T[]; rejected: number };
}

// The typed event map cannot express "one of these events" generically; the spec names them.
type LooseEmit = (event: string, ack: (err: Error | null, ack: unknown) => void) => void;
type LooseOn = (event: string, listener: (payload: unknown) => void) => void;

/**
 * Watches one kind of record over the shared `/console` socket: asks for a snapshot on every
 * (re)connection, so nothing that changed during a gap is missed, and hands validated change
 * batches on. `close()` stops listening; the socket stays with its owner.
 */
export function watchFeed<T>(spec: WatchSpec<T>, options: WatchFeedOptions<T>): { close(): void } {
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
    const timed = socket.timeout(watchTimeoutMs);
    (timed.emit.bind(timed) as unknown as LooseEmit)(spec.watchEvent, (err, ack) => {
      if (closed || !socket.connected) return;
      if (err) {
        handlers.onError?.(`The hub did not send the ${spec.noun} in time.`);
        return retryLater();
      }
      const result = spec.parseAck(ack);
      if (!result.ok) {
        // A session the hub no longer accepts is the fleet feed's to handle; here it only shows.
        handlers.onError?.(result.message);
        if (result.code !== 'unauthorized' && result.code !== 'revoked' && result.code !== 'forbidden') retryLater();
        return;
      }
      if (result.rejected > 0) handlers.onInvalidPayload?.(spec.watchEvent, result.rejected);
      handlers.onSnapshot(result.items);
      handlers.onError?.(null);
    });
  };

  const onChanged = (payload: unknown) => {
    const batch = spec.parseBatch(payload);
    if (batch.rejected > 0) handlers.onInvalidPayload?.(spec.changedEvent, batch.rejected);
    if (batch.items.length > 0) handlers.onChanged(batch.items);
  };

  socket.on('connect', watch);
  (socket.on.bind(socket) as unknown as LooseOn)(spec.changedEvent, onChanged);
  // Attached after the connection came up: nobody will fire `connect` for us.
  if (socket.connected) watch();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket.off('connect', watch);
      (socket.off.bind(socket) as unknown as LooseOn)(spec.changedEvent, onChanged);
    },
  };
}
