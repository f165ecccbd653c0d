import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type ConsoleHandshake,
  type ConsoleToHubEvents,
  type DeviceSummary,
  type HubToConsoleEvents,
} from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';
import { parseDeviceBatch, parseHandshakeError, parseRemovedIds, parseWatchAck } from './feed-payloads.js';

/** What the connection indicator shows. */
export type ConnectionState =
  /** First connection, or connected and waiting for the snapshot. */
  | 'connecting'
  /** Watching: changes arrive as they happen. */
  | 'live'
  /** Lost; socket.io is retrying. What is on screen may be stale. */
  | 'reconnecting'
  /** The hub will not talk to this console (e.g. protocol too old): reloading is the fix. */
  | 'refused';

export interface FleetFeedHandlers {
  onState(state: ConnectionState, detail?: string): void;
  onSnapshot(devices: DeviceSummary[]): void;
  onChanged(devices: DeviceSummary[]): void;
  onRemoved(ids: string[]): void;
  /** The hub ended the session (`session:ended`) or refused the token: log out. */
  onSessionEnded(reason: string): void;
  /** Something the hub sent failed validation; reported, never applied. */
  onInvalidPayload?(event: string, rejected: number): void;
}

export interface FleetFeedOptions {
  token: string;
  handlers: FleetFeedHandlers;
  /** Hub origin; defaults to the page's own (the hub serves the console). */
  url?: string;
  /** How long to wait for the `fleet:watch` snapshot before asking again. */
  watchTimeoutMs?: number;
}

/** A running feed; `close()` disconnects for good. */
export interface FleetFeed {
  close(): void;
  /** The one `/console` connection, for other watches (alerts) to share instead of opening their own. */
  readonly socket: ConsoleSocket;
}

/** The console's typed `/console` socket. */
export type ConsoleSocket = Socket<HubToConsoleEvents, ConsoleToHubEvents>;

/**
 * The `/console` socket: connects with the session token, asks for the fleet (`fleet:watch`) on
 * every (re)connection so nothing changed during a gap is missed, and hands validated changes on.
 */
export function connectFleetFeed(options: FleetFeedOptions): FleetFeed {
  const { handlers } = options;
  const watchTimeoutMs = options.watchTimeoutMs ?? 10_000;
  const auth: ConsoleHandshake = { protocolVersion: PROTOCOL_VERSION, token: options.token };
  const target = `${options.url ?? ''}${NAMESPACES.console}`;
  const socket: ConsoleSocket = io(target, {
    path: '/socket.io',
    auth,
    transports: ['websocket'],
    tryAllTransports: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    withCredentials: false,
  });
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const retryLater = (action: () => void, delayMs: number) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!closed) action();
    }, delayMs);
  };

  const watch = () => {
    handlers.onState('connecting');
    socket.timeout(watchTimeoutMs).emit('fleet:watch', (err, ack: unknown) => {
      if (closed || !socket.connected) return;
      if (err) {
        handlers.onState('reconnecting', 'The hub did not answer in time.');
        retryLater(watch, 2000);
        return;
      }
      const result = parseWatchAck(ack);
      if (!result.ok) {
        if (result.code === 'unauthorized' || result.code === 'revoked') return handlers.onSessionEnded(result.code);
        handlers.onState('reconnecting', result.message);
        retryLater(watch, 5000);
        return;
      }
      if (result.batch.rejected > 0) handlers.onInvalidPayload?.('fleet:watch', result.batch.rejected);
      handlers.onSnapshot(result.batch.devices);
      handlers.onState('live');
    });
  };

  socket.on('connect', watch);

  socket.on('devices:changed', (payload: unknown) => {
    const batch = parseDeviceBatch(payload);
    if (batch.rejected > 0) handlers.onInvalidPayload?.('devices:changed', batch.rejected);
    if (batch.devices.length > 0) handlers.onChanged(batch.devices);
  });

  socket.on('devices:removed', (payload: unknown) => {
    const removed = parseRemovedIds(payload);
    if (removed.rejected > 0) handlers.onInvalidPayload?.('devices:removed', removed.rejected);
    if (removed.ids.length > 0) handlers.onRemoved(removed.ids);
  });

  socket.on('session:ended', (payload: unknown) => {
    const reason =
      typeof payload === 'object' && payload !== null && 'reason' in payload && typeof payload.reason === 'string'
        ? payload.reason.slice(0, 32)
        : 'ended';
    close();
    handlers.onSessionEnded(reason);
  });

  socket.on('disconnect', (reason) => {
    if (closed) return;
    handlers.onState('reconnecting');
    // The hub hung up on purpose: socket.io does not retry that by itself. A revoked session
    // comes back as an `unauthorized` handshake refusal on the next attempt.
    if (reason === 'io server disconnect') retryLater(() => socket.connect(), 2000);
  });

  socket.on('connect_error', (error: Error & { data?: unknown }) => {
    if (closed) return;
    const refusal = parseHandshakeError(error.data);
    if (refusal?.code === 'unauthorized' || refusal?.code === 'revoked') {
      close();
      handlers.onSessionEnded(refusal.code);
      return;
    }
    if (refusal?.code === 'protocol_unsupported' || refusal?.code === 'forbidden' || refusal?.code === 'invalid_payload') {
      close();
      handlers.onState('refused', refusal.message);
      return;
    }
    handlers.onState('reconnecting', refusal?.message);
    // A refusal from the hub's middleware stops socket.io's own retries; transport errors do not.
    if (!socket.active) retryLater(() => socket.connect(), refusal?.code === 'rate_limited' ? 10_000 : 3000);
  });

  function close() {
    closed = true;
    clearTimeout(retryTimer);
    socket.removeAllListeners();
    socket.disconnect();
  }

  return { close, socket };
}
