import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster on loopback (trust auth), for `npm run cluster` and tests. */
export interface LocalPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (no password: loopback trust). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server (fast shutdown: open transactions roll back) and keeps the data. */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
  /** Stops it and deletes the data directory. */
  destroy(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** A fixed port; default a free one. */
  readonly port?: number;
  /**
   * Keep fsync on. Tests and trial clusters turn it off for speed: a crash of the *machine* could
   * lose their data, a killed hub or a restarted PostgreSQL cannot.
   */
  readonly durable?: boolean;
}

/**
 * The directory of Debian's (or PGBIN's) `initdb` / `pg_ctl`, newest major version first;
 * undefined when PostgreSQL is not installed.
 */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.PGBIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v));
  } catch {
    return undefined;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/**
 * initdb + pg_ctl start in a fresh temp directory, listening on 127.0.0.1 only. PostgreSQL refuses
 * to run as root, so under root the programs run as the `postgres` user (runuser).
 */
export async function startLocalPostgres(options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin; set PGBIN)');
  const asRoot = process.getuid?.() === 0;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'deskside-pg-'));
  const dataDir = path.join(base, 'data');
  if (asRoot) {
    fs.chmodSync(base, 0o755);
    await run('chown', ['postgres:postgres', base]);
  }
  const exec = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args])
      : run(path.join(bin, program), args);
  const port = options.port ?? (await freePort());
  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${base}`,
    '-c max_connections=300',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = async () => {
    await exec('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', path.join(base, 'server.log'), '-o', settings]);
  };
  const stop = async () => {
    await exec('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', dataDir]).catch(() => undefined);
  };
  try {
    await start();
  } catch (error) {
    fs.rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop,
    start,
    async destroy() {
      await stop();
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Stops (immediate mode) the cluster whose data directory is `dataDir` and deletes the temp
 * directory around it: the clean-up for a cluster another process started.
 */
export async function destroyLocalPostgresAt(dataDir: string): Promise<void> {
  const bin = findPostgresBin();
  if (bin) {
    const args = ['stop', '-w', '-m', 'immediate', '-D', dataDir];
    const asRoot = process.getuid?.() === 0;
    await (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]) : run(path.join(bin, 'pg_ctl'), args)).catch(
      () => undefined,
    );
  }
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
