import pg from 'pg';
import type { JobLeases } from '../types.js';

/**
 * Cluster-wide job leadership on PostgreSQL: session advisory locks held by one dedicated
 * connection (outside the pool). A hub that dies, or loses that connection, loses its locks with
 * it, so another hub's next `tryTake` wins within its polling interval.
 */
export function postgresJobLeases(config: pg.PoolConfig): JobLeases {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  const held = new Set<string>();
  let closed = false;

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    held.clear();
    c.end().catch(() => undefined);
  };
  const connection = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ ...config, application_name: `deskside-leases:${process.pid}` });
      c.on('error', () => drop(c));
      c.on('end', () => drop(c));
      try {
        await c.connect();
      } catch (error) {
        await c.end().catch(() => undefined);
        throw error;
      }
      client = c;
      return c;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  return {
    async tryTake(job) {
      if (closed) return false;
      if (held.has(job)) return true;
      try {
        const c = await connection();
        const { rows } = await c.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [`deskside:${job}`]);
        if (rows[0]?.ok && client === c) held.add(job);
      } catch {
        // Unreachable database: leads nothing until it answers again.
        if (client) drop(client);
      }
      return held.has(job);
    },
    holds: (job) => held.has(job),
    async close() {
      closed = true;
      held.clear();
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}

/** SQLite has one hub: it leads every job. */
export function singleHubLeases(): JobLeases {
  return { tryTake: () => Promise.resolve(true), holds: () => true, close: () => Promise.resolve() };
}
