// The hub processes a bench measures: one on SQLite, or N sharing one PostgreSQL. Each has its own
// data directory (a hub locks its own) holding the first hub's secrets.key, like `npm run cluster`.
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProgram } from './child-process.js';

export interface BenchHub {
  url: string;
  pid: number;
  child: ChildProcess;
}

export interface BenchHubsOptions {
  hubBin: string;
  count: number;
  databaseUrl?: string;
  heartbeatSeconds: number;
  adminPassword: string;
  enrollToken: string;
}

/** Starts the hubs: the first alone (it migrates and creates the admin), then the rest together. */
export async function startBenchHubs(opts: BenchHubsOptions): Promise<{ hubs: BenchHub[]; stop(): Promise<void> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'deskside-bench-'));
  const hubs: BenchHub[] = [];
  const env = { ...process.env, DESKSIDE_ADMIN_PASSWORD: opts.adminPassword, DESKSIDE_ENROLL_TOKEN: opts.enrollToken, DESKSIDE_LOG_LEVEL: 'warn' };
  const start = async (i: number) => {
    const dataDir = path.join(root, `hub-${i + 1}`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (i > 0) copyFileSync(path.join(root, 'hub-1', 'secrets.key'), path.join(dataDir, 'secrets.key'));
    const started = await startProgram(
      opts.hubBin,
      [
        '--port', '0', '--data-dir', dataDir, '--heartbeat-seconds', String(opts.heartbeatSeconds),
        ...(opts.databaseUrl ? ['--database', opts.databaseUrl] : []),
        // Every simulated agent comes from loopback: lift the per-address caps meant for real networks.
        '--agent-connections-per-address', '1000000', '--agent-handshakes-per-address', '100000', '--connections-per-address', '1000000',
      ],
      /DESKSIDE_READY (\{.*\})/,
      env,
    );
    hubs[i] = { url: (JSON.parse(started.match[1] ?? '{}') as { url: string }).url, pid: started.child.pid ?? 0, child: started.child };
  };
  const stop = async () => {
    await Promise.all(
      hubs.map((h) => (h.child.exitCode === null && h.child.signalCode === null ? new Promise((r) => { h.child.once('exit', r); h.child.kill('SIGTERM'); }) : undefined)),
    );
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await start(0);
    await Promise.all(Array.from({ length: opts.count - 1 }, (_, i) => start(i + 1)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { hubs, stop };
}
