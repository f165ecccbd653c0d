import { createAdapter } from '@socket.io/postgres-adapter';
import type { Store } from '@deskside/store';
import type pg from 'pg';
import type { Server } from 'socket.io';
import type { Logger } from '../../log/logger.js';

const clustered = new WeakSet<object>();

/**
 * On PostgreSQL, gives `io` socket.io's PostgreSQL adapter on the store's own pool (LISTEN/NOTIFY;
 * payloads over 8 kB through the socket_io_attachments table, migration 0017), so `to(room).emit`
 * on one hub reaches the sockets of every hub. On SQLite (one hub) it keeps the in-memory adapter.
 * Answers whether `io` is now clustered.
 */
export function useClusterAdapter(io: Server, store: Store, logger: Logger): boolean {
  if (store.dialect !== 'postgres' || !store.postgresPool) return false;
  io.adapter(createAdapter(store.postgresPool as pg.Pool, { errorHandler: (error) => logger.warn('cluster adapter error', { error: error.message }) }));
  clustered.add(io);
  return true;
}

/**
 * Whether a room of this namespace may have members on other hubs. The feeds skip work when no
 * local socket watches; in a cluster a watcher may be on another hub, so they must not.
 */
export function isClustered(nsp: { readonly server: object }): boolean {
  return clustered.has(nsp.server);
}
