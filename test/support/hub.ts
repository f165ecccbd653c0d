import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoginResponseSchema } from '@deskside/protocol';
import { createTestDatabase } from '../../packages/store/src/test-support/postgres.js';
import { ContractCheck } from './contract.js';
import { hubBin } from './paths.js';
import { type RunningProcess, startNode } from './processes.js';

export const TEST_ADMIN_PASSWORD = 'correct-horse-battery-staple-42';
export const TEST_ENROLL_TOKEN = 'test-enrolment-token-0123456789abcdef';
/**
 * The engine test hubs run on: SQLite in their data directory, or (the `integration-postgres`
 * vitest project, DESKSIDE_TEST_HUB_ENGINE=postgres) a fresh database on the run's PostgreSQL.
 */
export const TEST_HUB_ENGINE: 'sqlite' | 'postgres' = process.env.DESKSIDE_TEST_HUB_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
/** A canary password in the hubs' PostgreSQL URL (the test cluster trusts loopback, so any works). */
export const TEST_DATABASE_PASSWORD = 'canary-database-password-5e1d7c';

export interface TestHub {
  url: string;
  dataDir: string;
  engine: 'sqlite' | 'postgres';
  /** The PostgreSQL database's URL when engine is postgres. */
  databaseUrl: string | undefined;
  process: RunningProcess;
  login(): Promise<string>;
  /** GET with the admin's bearer token; answers status and parsed body. */
  get(pathname: string, token: string): Promise<{ status: number; body: unknown }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the hub again on the same data directory and port. */
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * Starts the built hub (`deskside-hub`) on a free port with a fresh data directory; `extraEnv`
 * adds to its environment (e.g. NODE_OPTIONS to cap its heap).
 */
export async function startHub(
  extraArgs: string[] = [],
  dataDir = mkdtempSync(path.join(tmpdir(), 'deskside-hub-')),
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<TestHub> {
  const database = TEST_HUB_ENGINE === 'postgres' && !extraArgs.includes('--database') ? await createTestDatabase() : undefined;
  if (database) {
    const url = new URL(database.url);
    url.password = TEST_DATABASE_PASSWORD;
    extraArgs = [...extraArgs, '--database', url.toString()];
  }
  const env = { DESKSIDE_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, DESKSIDE_ENROLL_TOKEN: TEST_ENROLL_TOKEN, ...extraEnv };
  let port = 0;
  const launch = async () => {
    const proc = startNode(hubBin, ['--port', String(port), '--data-dir', dataDir, ...extraArgs], env);
    const m = await proc.waitFor(/DESKSIDE_READY (\{.*\})/);
    const ready = JSON.parse(m[1] ?? '{}') as { url: string; port: number };
    port = ready.port;
    return { proc, url: ready.url };
  };
  let { proc, url } = await launch();
  // Every answer read through `get` must match the hub's OpenAPI document.
  const contract = new ContractCheck(() => url);

  const hub: TestHub = {
    url,
    dataDir,
    engine: database ? 'postgres' : 'sqlite',
    databaseUrl: database?.url,
    get process() {
      return proc;
    },
    async login() {
      const res = await fetch(`${url}/api/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
      });
      if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return LoginResponseSchema.parse(await res.json()).token;
    },
    async get(pathname, token) {
      const res = await fetch(url + pathname, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      const body = text ? (JSON.parse(text) as unknown) : null;
      await contract.check('GET', pathname, res.status, res.headers.get('content-type') ?? '', body);
      return { status: res.status, body };
    },
    async stop(signal = 'SIGTERM') {
      await proc.stop(signal);
    },
    async restart() {
      ({ proc, url } = await launch());
    },
    async cleanup() {
      await proc.stop('SIGTERM');
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hub;
}
