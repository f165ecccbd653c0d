// Test support only (not exported by the package): the PostgreSQL server tests run against.
//
// DESKSIDE_TEST_PG_URL (a superuser's URL) names an existing server. Otherwise one throwaway
// cluster per test run: vitest's global setup (postgres-global-setup.ts) names a directory, the
// first test that needs PostgreSQL starts the cluster there (initdb + pg_ctl, loopback, trust) and
// the others wait for it; the global teardown stops it. Each test file (or test) gets its own
// database, created from a template migrated once per run: CREATE DATABASE … TEMPLATE is fast.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS } from '../migrations/index.js';
import { openStore } from '../open-store.js';
import { findPostgresBin, startLocalPostgres } from '../postgres/local-postgres.js';

/** The environment variable naming the shared cluster's directory (set by the global setup). */
export const PG_HOME_ENV = 'DESKSIDE_TEST_PG_HOME';

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.DESKSIDE_TEST_PG_URL) return undefined;
  return findPostgresBin()
    ? undefined
    : 'PostgreSQL tests skipped: no DESKSIDE_TEST_PG_URL and no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql)';
}

let server: Promise<string> | undefined;

/** A superuser URL of the test server, starting the run's cluster if nobody has yet. */
export function testPostgresServer(): Promise<string> {
  server ??= findServer();
  return server;
}

/** A fresh, fully migrated database on the test server; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await testPostgresServer();
  const template = await migratedTemplate(admin);
  const name = `deskside_t_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`create database ${name} template ${template}`));
  return {
    url: withDatabase(admin, name),
    drop: () => withClient(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** `url` pointing at database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function findServer(): Promise<string> {
  const given = process.env.DESKSIDE_TEST_PG_URL;
  if (given) return given;
  const reason = postgresUnavailable();
  if (reason) throw new Error(reason);
  const home = process.env[PG_HOME_ENV];
  if (!home) return startOwnCluster();
  fs.mkdirSync(home, { recursive: true });
  const state = path.join(home, 'cluster.json');
  try {
    fs.mkdirSync(path.join(home, 'starting'));
  } catch {
    return waitForCluster(home, state);
  }
  try {
    const cluster = await startLocalPostgres();
    fs.writeFileSync(`${state}.tmp`, JSON.stringify({ url: cluster.url, dataDir: cluster.dataDir }));
    fs.renameSync(`${state}.tmp`, state);
    return cluster.url;
  } catch (error) {
    fs.writeFileSync(path.join(home, 'failed'), error instanceof Error ? error.message : String(error));
    throw error;
  }
}

async function waitForCluster(home: string, state: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(state)) return (JSON.parse(fs.readFileSync(state, 'utf8')) as { url: string }).url;
    const failed = path.join(home, 'failed');
    if (fs.existsSync(failed)) throw new Error(`the test PostgreSQL did not start: ${fs.readFileSync(failed, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for the test PostgreSQL cluster');
}

/** Outside vitest's global setup (a script): this process's own cluster, gone when it exits. */
async function startOwnCluster(): Promise<string> {
  const cluster = await startLocalPostgres();
  process.once('beforeExit', () => void cluster.destroy());
  return cluster.url;
}

async function migratedTemplate(admin: string): Promise<string> {
  const fingerprint = createHash('sha256').update(Object.keys(MIGRATIONS).join('\n')).digest('hex').slice(0, 12);
  const name = `deskside_tpl_${fingerprint}`;
  await withClient(admin, async (c) => {
    // One creator per run; the others wait here, then find it.
    await c.query('select pg_advisory_lock(7362001)');
    try {
      const found = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return;
      const building = `${name}_new`;
      await c.query(`drop database if exists ${building} with (force)`);
      await c.query(`create database ${building}`);
      const store = await openStore({ databaseUrl: withDatabase(admin, building) });
      await store.close();
      await c.query(`alter database ${building} rename to ${name}`);
    } finally {
      await c.query('select pg_advisory_unlock(7362001)');
    }
  });
  return name;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
