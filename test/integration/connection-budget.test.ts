// The hub's TCP budget, against the real hub process: connections that never send a request are
// closed (they would otherwise hold a file descriptor forever: Node's HTTP server starts its own
// timeouts only once a request begins), one address cannot hold more than its share, and the
// clients that do speak — an agent on its socket, a console on the API — are untouched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { newId } from '@deskside/protocol';
import { SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFrom } from '../support/http-from.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const IDLE_SECONDS = 1;
const PER_ADDRESS = 20;

describe('connection budget of a real hub', () => {
  let hub: TestHub;
  let port: number;
  const opened: Socket[] = [];

  beforeAll(async () => {
    hub = await startHub(['--idle-connection-seconds', String(IDLE_SECONDS), '--connections-per-address', String(PER_ADDRESS)]);
    port = Number(new URL(hub.url).port);
  });
  afterAll(async () => {
    for (const s of opened) s.destroy();
    await hub?.cleanup();
  });

  /** A raw TCP connection from `localAddress` that sends nothing; answers when and how it ended. */
  function silent(localAddress: string): Promise<{ socket: Socket; ended: Promise<number> }> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress });
      opened.push(socket);
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        const started = Date.now();
        resolve({ socket, ended: new Promise((done) => socket.once('close', () => done(Date.now() - started))) });
      });
      socket.once('error', reject);
    });
  }

  it('closes connections that never start a request, while an agent and the API keep working', async () => {
    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `budget-${newId()}`, hostname: 'PC-BUDGET' });
    await agent.enroll();
    await agent.connect();
    const quiet = await Promise.all(Array.from({ length: 10 }, () => silent('127.0.6.1')));
    const lifetimes = await Promise.all(quiet.map((q) => q.ended));
    // Each was held for about the idle deadline, not forever (the bound is generous: no timing is asserted).
    expect(lifetimes.every((ms) => ms < 60_000)).toBe(true);
    // The agent's socket (upgraded, speaking) outlived every silent connection.
    expect(agent.socket?.connected).toBe(true);
    const ack = await agent.heartbeat(simulatedMetrics());
    expect(ack.ok).toBe(true);
    expect((await jsonFrom('127.0.6.2', `${hub.url}/api/v1/login`, 'POST', { username: 'admin', password: 'wrong-password-123' })).status).toBe(401);
    agent.close();
  });

  it(`holds at most ${PER_ADDRESS} connections from one address, and frees them when they close`, async () => {
    const attempts = await Promise.all(Array.from({ length: PER_ADDRESS + 10 }, () => silent('127.0.7.1')));
    // The extra ones are closed at once; the others by the idle deadline.
    const refusedAtOnce = await Promise.all(
      attempts.map((a) => Promise.race([a.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), IDLE_SECONDS * 500))])),
    );
    expect(refusedAtOnce.filter(Boolean).length).toBeGreaterThanOrEqual(10);
    // Another address is not affected by the first one's cap.
    expect((await jsonFrom('127.0.7.2', `${hub.url}/healthz`, 'GET')).status).toBe(200);
    await Promise.all(attempts.map((a) => a.ended));
    // Once they are gone, the address may connect again.
    expect((await jsonFrom('127.0.7.1', `${hub.url}/healthz`, 'GET')).status).toBe(200);
  });

  it('reports the budget in its metrics', async () => {
    const token = await hub.login();
    const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    expect(text).toMatch(/deskside_tcp_connections_open \d+/);
    expect(Number(/deskside_tcp_connections_refused_idle (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(10);
    expect(Number(/deskside_tcp_connections_refused_per_address (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(10);
  });
});

const openssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!openssl)('connection budget of a real HTTPS hub (certificate made with the openssl CLI)', () => {
  let hub: TestHub;
  let port: number;
  const dir = mkdtempSync(path.join(tmpdir(), 'deskside-budget-tls-'));

  beforeAll(async () => {
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    hub = await startHub(['--tls-cert', certFile, '--tls-key', keyFile, '--idle-connection-seconds', String(IDLE_SECONDS)]);
    port = Number(new URL(hub.url).port);
  });
  afterAll(async () => {
    await hub?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a connection that never starts the TLS handshake, and one that completes it but never sends a request', async () => {
    const raw = connect({ host: '127.0.0.1', port });
    raw.on('error', () => undefined);
    const secured = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false });
    secured.on('error', () => undefined);
    await new Promise<void>((resolve) => secured.once('secureConnect', () => resolve()));
    await Promise.all([raw, secured].map((s) => new Promise<void>((resolve) => (s.closed ? resolve() : s.once('close', () => resolve())))));
    expect(raw.destroyed && secured.destroyed).toBe(true);
  });
});
