import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoginResponseSchema } from '@deskside/protocol';
import { hubBin } from './paths.js';
import { type RunningProcess, startNode } from './processes.js';

export const TEST_ADMIN_PASSWORD = 'correct-horse-battery-staple-42';
export const TEST_ENROLL_TOKEN = 'test-enrolment-token-0123456789abcdef';

export interface TestHub {
  url: string;
  dataDir: string;
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

  const hub: TestHub = {
    url,
    dataDir,
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
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    async stop(signal = 'SIGTERM') {
      await proc.stop(signal);
    },
    async restart() {
      ({ proc, url } = await launch());
    },
    async cleanup() {
      await proc.stop('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hub;
}
