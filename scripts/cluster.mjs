#!/usr/bin/env node
// `npm run cluster -- --hubs 3 [--database postgres://…] [--port 4800]`: several hubs on one
// PostgreSQL behind a small TCP balancer on loopback, for trying scale-out and for tests. Without
// --database it starts a throwaway PostgreSQL (Debian's initdb/pg_ctl, loopback, temp directory).
// Each hub has its own data directory (a hub locks its own), all with the first hub's secrets.key
// (it encrypts TOTP seeds and webhook secrets, so every hub must hold the same one). Prints the
// balancer URL and the login.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onHubOutput, root } from './lib/hub-output.mjs';
import { startLocalPostgres } from '../packages/store/dist/index.js';

const hubBin = path.join(root, 'apps/hub/bin/deskside-hub.js');

function parseArgs(argv) {
  const opts = { hubs: 3, port: 4800, database: undefined, heartbeatSeconds: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (flag === '--hubs') opts.hubs = Number(value);
    else if (flag === '--port') opts.port = Number(value);
    else if (flag === '--database') opts.database = value;
    else if (flag === '--heartbeat-seconds') opts.heartbeatSeconds = value;
    else throw new Error(`Unknown option ${flag}: use --hubs N, --database URL, --port P, --heartbeat-seconds N`);
  }
  if (!Number.isInteger(opts.hubs) || opts.hubs < 1 || opts.hubs > 16) throw new Error('--hubs must be 1-16');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0-65535');
  return opts;
}

/** A throwaway PostgreSQL with a `deskside` database; answers its URL. */
async function throwawayDatabase() {
  const cluster = await startLocalPostgres();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database deskside');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/deskside';
  return { url: url.toString(), cluster };
}

function startHub(index, args, env) {
  const child = spawn(process.execPath, [hubBin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const hub = { index, child, url: undefined, port: undefined, alive: true };
  const ready = new Promise((resolve, reject) => {
    onHubOutput(child, {
      onReady: (ready) => {
        hub.url = ready.url;
        hub.port = ready.port;
        resolve(hub);
      },
      onLine: (line) => {
        if (index === 0) process.stdout.write(`${line}\n`);
      },
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => process.stderr.write(chunk.split('\n').filter(Boolean).map((l) => `[hub ${index + 1}] ${l}\n`).join('')));
    child.once('exit', (code, signal) => {
      hub.alive = false;
      reject(new Error(`hub ${index + 1} exited (${signal ?? code}) before it was ready`));
      console.log(`hub ${index + 1} exited (${signal ?? code})`);
    });
  });
  return { hub, ready };
}

/** Round-robin TCP balancer over the live hubs; a hub that refuses the connection is skipped. */
function startBalancer(hubs, port) {
  let next = 0;
  const server = net.createServer((client) => {
    client.pause();
    const tryHub = (attempt) => {
      const live = hubs.filter((h) => h.alive && h.port);
      if (live.length === 0 || attempt >= live.length) return client.destroy();
      const hub = live[next++ % live.length];
      const upstream = net.connect(hub.port, '127.0.0.1');
      upstream.once('connect', () => {
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.once('error', () => tryHub(attempt + 1));
    };
    tryHub(0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const database = opts.database ? { url: opts.database, cluster: undefined } : await throwawayDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskside-cluster-'));
  const password = process.env.DESKSIDE_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const enrollToken = process.env.DESKSIDE_ENROLL_TOKEN ?? randomBytes(18).toString('base64url');
  const env = { ...process.env, DESKSIDE_ADMIN_PASSWORD: password, DESKSIDE_ENROLL_TOKEN: enrollToken, DESKSIDE_LOG_LEVEL: process.env.DESKSIDE_LOG_LEVEL ?? 'warn' };
  const hubs = [];
  const balancer = await startBalancer(hubs, opts.port);
  const balancerUrl = `http://127.0.0.1:${balancer.address().port}`;
  const hubDir = (i) => path.join(dataDir, `hub-${i + 1}`);
  const argsFor = (i) => [
    '--host', '127.0.0.1', '--port', '0', '--data-dir', hubDir(i), '--database', database.url, '--allowed-origin', balancerUrl,
    ...(opts.heartbeatSeconds ? ['--heartbeat-seconds', opts.heartbeatSeconds] : []),
  ];

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    balancer.close();
    await Promise.all(hubs.map((h) => (h.alive ? new Promise((r) => { h.child.once('exit', r); h.child.kill('SIGTERM'); }) : undefined)));
    await database.cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    // The first hub alone: it migrates the database and creates the first account.
    const first = startHub(0, argsFor(0), env);
    hubs.push(first.hub);
    await first.ready;
    const rest = Array.from({ length: opts.hubs - 1 }, (_, i) => {
      mkdirSync(hubDir(i + 1), { recursive: true, mode: 0o700 });
      copyFileSync(path.join(hubDir(0), 'secrets.key'), path.join(hubDir(i + 1), 'secrets.key'));
      return startHub(i + 1, argsFor(i + 1), env);
    });
    hubs.push(...rest.map((r) => r.hub));
    await Promise.all(rest.map((r) => r.ready));
  } catch (error) {
    console.error(String(error));
    return stop(1);
  }
  console.log('');
  console.log(`Deskside cluster: ${opts.hubs} hubs on ${database.cluster ? 'a throwaway PostgreSQL' : 'your PostgreSQL'}`);
  for (const h of hubs) console.log(`  hub ${h.index + 1}: ${h.url} (pid ${h.child.pid})`);
  console.log(`  balancer: ${balancerUrl}   <- open the console and point agents here`);
  console.log(`  login: admin / ${password}`);
  console.log(`  enrolment token: ${enrollToken}`);
  console.log(`DESKSIDE_CLUSTER_READY ${JSON.stringify({ url: balancerUrl, hubs: hubs.map((h) => ({ url: h.url, pid: h.child.pid })) })}`);
  console.log('Ctrl+C stops the hubs and removes the throwaway data.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
