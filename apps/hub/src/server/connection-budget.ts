import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** What one hub process lets TCP connections hold, before any of them has said who it is. */
export interface ConnectionLimits {
  /** A connection must start its first request (or upgrade) within this many ms, or it is closed. */
  idleMs: number;
  /** Open connections from one remote address, every kind (agents, consoles, API, half-open). */
  perAddress: number;
  /** Open connections in all: kept below the process's open-file limit, so files and the database still open. */
  total: number;
}

export interface ConnectionBudget {
  /** Open connections of one address, and in all (tests, metrics). */
  open(address?: string): number;
  /** Connections refused or closed for idling since start, by reason (metrics). */
  readonly refused: { perAddress: number; total: number; idle: number };
  /**
   * Call after socket.io attached: a request or an upgrade lifts the first-request deadline (from
   * then on the server's own request, header and keep-alive timeouts and engine.io's pings hold it).
   */
  watchRequests(): void;
}

/** File descriptors kept back for the database, attachments, logs and the listening socket itself. */
const FD_RESERVE = 1024;
const TOTAL_WHEN_UNKNOWN = 16_384;

/**
 * The default total: the soft open-file limit less a reserve (Linux: /proc/self/limits). Without
 * it, a flood of connections would make the hub fail to open its own files (EMFILE) for everyone.
 */
export function defaultTotalConnections(limitsText: string | undefined = readLimits()): number {
  const match = limitsText === undefined ? null : /^Max open files\s+(\d+|unlimited)/m.exec(limitsText);
  if (!match || match[1] === 'unlimited') return TOTAL_WHEN_UNKNOWN;
  return Math.max(64, Number(match[1]) - FD_RESERVE);
}

function readLimits(): string | undefined {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Budgets the server's TCP connections from the moment they are accepted: per address, in all,
 * and in time to the first request. Node's HTTP server never closes a connection that stays silent
 * (its header and request timeouts start with a request), so without this anyone could hold the
 * hub's sockets, and its file descriptors, with connections that send nothing.
 */
export function budgetConnections(server: Server, limits: ConnectionLimits, tls = false): ConnectionBudget {
  const byAddress = new Map<string, number>();
  const refused = { perAddress: 0, total: 0, idle: 0 };
  const requested = new WeakSet<Socket>();
  let total = 0;

  const armIdle = (socket: Socket): void => {
    socket.setTimeout(limits.idleMs);
    // Also fires for the keep-alive timeout Node sets after a response: closing is right then too.
    socket.on('timeout', () => {
      if (socket.destroyed) return;
      if (!requested.has(socket)) refused.idle++;
      socket.destroy();
    });
  };
  const lift = (socket: Socket): void => {
    requested.add(socket);
    socket.setTimeout(0);
  };

  // Prepended: before anything else sees a connection this budget refuses.
  server.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = byAddress.get(address) ?? 0;
    if (total >= limits.total || count >= limits.perAddress) {
      if (total >= limits.total) refused.total++;
      else refused.perAddress++;
      socket.destroy();
      return;
    }
    total++;
    byAddress.set(address, count + 1);
    socket.once('close', () => {
      total--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left <= 0) byAddress.delete(address);
      else byAddress.set(address, left);
    });
    // Under TLS the handshake timeout (createHubServer) bounds the raw socket; the deadline to the
    // first request then runs on the TLS socket, the one requests arrive on.
    if (!tls) armIdle(socket);
  });
  if (tls) server.prependListener('secureConnection', armIdle);

  return {
    open: (address) => (address === undefined ? total : (byAddress.get(address) ?? 0)),
    refused,
    watchRequests() {
      server.prependListener('request', (req: { socket: Socket }) => lift(req.socket));
      server.prependListener('upgrade', (_req: unknown, socket: Socket) => lift(socket));
    },
  };
}
