// The PostgreSQL a cluster bench runs against: the one given, or a throwaway local cluster with
// fsync on (an ack must mean "on disk", as in production). Also what the bench reads from it:
// heartbeat rows stored, and the server's CPU when it runs on this machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startLocalPostgres } from '@deskside/store';
import pg from 'pg';
import { processTreeCpuSeconds } from './child-process.js';

export interface BenchDatabase {
  url: string;
  /** The postmaster's pid when PostgreSQL runs on this machine and we may read its data directory. */
  postmasterPid: number | null;
  /** health_samples rows so far (one per acknowledged heartbeat). */
  heartbeatRows(): Promise<number>;
  /** CPU seconds of the PostgreSQL server so far, or null when it is not local. */
  cpuSeconds(): number | null;
  /**
   * Runs `fn` (enrolling the fleet: set-up, not measured) with commits not waiting for the disk,
   * on a throwaway server only; the measured load runs with the server's durable defaults.
   */
  unmeasured<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openBenchDatabase(given: string): Promise<BenchDatabase> {
  let cluster: Awaited<ReturnType<typeof startLocalPostgres>> | undefined;
  let url = given;
  if (given === 'local') {
    cluster = await startLocalPostgres({ durable: true });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database deskside_bench');
    await admin.end();
    const u = new URL(cluster.url);
    u.pathname = '/deskside_bench';
    url = u.toString();
  }
  // A superuser on the throwaway server (ALTER SYSTEM); the given URL's role otherwise.
  const client = new pg.Client({ connectionString: cluster ? cluster.url.replace(/\/postgres$/, '/deskside_bench') : url, application_name: 'deskside-bench' });
  await client.connect();
  const postmasterPid = await findPostmaster(client);
  return {
    url,
    postmasterPid,
    async heartbeatRows() {
      // The table exists once the first hub has migrated; before that, nothing is stored.
      const { rows } = await client.query<{ n: string | null }>("select case when to_regclass('health_samples') is null then 0 else (select count(*) from health_samples) end as n");
      return Number(rows[0]?.n ?? 0);
    },
    cpuSeconds: () => (postmasterPid === null ? null : processTreeCpuSeconds(postmasterPid)),
    async unmeasured(fn) {
      if (!cluster) return fn();
      await client.query('alter system set synchronous_commit = off');
      await client.query('select pg_reload_conf()');
      try {
        return await fn();
      } finally {
        await client.query('alter system reset synchronous_commit');
        await client.query('select pg_reload_conf()');
      }
    },
    async close() {
      await client.end();
      await cluster?.destroy();
    },
  };
}

/** The first line of postmaster.pid in the server's data directory (superuser and local only). */
async function findPostmaster(client: pg.Client): Promise<number | null> {
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    const dir = rows[0]?.data_directory;
    if (!dir) return null;
    const pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
