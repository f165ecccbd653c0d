// Identity and access against the real hub process: device revocation, the auditor role, the
// login lock, the audit chain, and HTTPS with a self-signed certificate.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type HandshakeErrorData, newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { SimulatedAgent } from '@deskside/simulator';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const PASSWORD = 'auditor-password-0123';

describe('access control against a real hub', () => {
  let hub: TestHub;
  let admin: string;

  const call = async (pathname: string, token: string, method = 'GET', body?: unknown) => {
    const res = await fetch(hub.url + pathname, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  const login = (username: string, password: string) =>
    fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  beforeAll(async () => {
    hub = await startHub();
    admin = await hub.login();
  });
  afterAll(async () => {
    await hub?.cleanup();
  });

  it('disconnects a revoked device at once and refuses it on reconnect', async () => {
    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `access-machine-${newId()}`, hostname: 'to-revoke' });
    await agent.enroll();
    await agent.connect();
    const socket = agent.socket;
    if (!socket) throw new Error('not connected');
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const started = Date.now();
    expect((await call(`/api/v1/devices/${agent.deviceId}/revoke`, admin, 'POST')).status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(2000);
    const again = await new Promise<HandshakeErrorData | 'connected'>((resolve) => {
      const s = io(`${hub.url}/agent`, { auth: { protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: agent.deviceKey }, transports: ['websocket'], reconnection: false });
      s.once('connect', () => {
        s.disconnect();
        resolve('connected');
      });
      s.once('connect_error', (err) => resolve((err as Error & { data: HandshakeErrorData }).data));
    });
    expect(again).toMatchObject({ code: 'revoked' });
    agent.close();
  });

  it('lets an auditor read but refuses every change with 403', async () => {
    const created = await call('/api/v1/users', admin, 'POST', { username: 'audrey', displayName: 'Audrey', password: PASSWORD, role: 'auditor' });
    expect(created.status).toBe(201);
    const auditor = ((await (await login('audrey', PASSWORD)).json()) as { token: string }).token;
    for (const pathname of ['/api/v1/devices', '/api/v1/users', '/api/v1/audit?limit=5', '/api/v1/enroll-tokens', '/api/v1/sites', '/api/v1/me']) {
      expect((await call(pathname, auditor)).status, pathname).toBe(200);
    }
    const id = String(created.body['id']);
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/users', { username: 'eve', displayName: 'Eve', password: 'eve-password-123', role: 'admin' }],
      ['PATCH', `/api/v1/users/${id}`, { role: 'admin' }],
      ['POST', '/api/v1/sites', { name: 'Rogue' }],
      ['POST', '/api/v1/enroll-tokens', { siteId: newId(), label: 'x' }],
      ['DELETE', `/api/v1/enroll-tokens/${newId()}`, undefined],
      ['POST', `/api/v1/devices/${newId()}/revoke`, undefined],
      ['POST', `/api/v1/devices/${newId()}/approve`, undefined],
      ['PATCH', `/api/v1/devices/${newId()}`, { assetTag: 'X' }],
      ['DELETE', `/api/v1/users/${id}/sessions`, undefined],
    ];
    for (const [method, pathname, body] of writes) {
      const res = await call(pathname, auditor, method, body);
      expect(res.status, `${method} ${pathname}`).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    }
    // Nothing changed: still an auditor.
    const users = (await call('/api/v1/users', admin)).body['users'] as Array<{ username: string; role: string }>;
    expect(users.find((u) => u.username === 'audrey')?.role).toBe('auditor');
  });

  it('lets a technician list whom tickets can be assigned to, but not the user administration', async () => {
    expect((await call('/api/v1/users', admin, 'POST', { username: 'tina', displayName: 'Tina', password: PASSWORD, role: 'technician', tier: 2 })).status).toBe(201);
    const tech = ((await (await login('tina', PASSWORD)).json()) as { token: string }).token;
    expect((await call('/api/v1/users', tech)).status).toBe(403);
    const list = await call('/api/v1/technicians', tech);
    expect(list.status).toBe(200);
    const technicians = list.body['technicians'] as Array<Record<string, unknown>>;
    // Admins and technicians, never the auditor; names only, nothing an administrator keeps.
    expect(technicians.map((t) => t['username']).sort()).toEqual(['admin', 'tina']);
    expect(Object.keys(technicians[0] ?? {}).sort()).toEqual(['displayName', 'id', 'role', 'tier', 'username']);
  });

  it('locks an account after repeated failures: 429 with Retry-After, for unknown users alike', async () => {
    for (const username of ['admin', 'nobody-at-all']) {
      for (let i = 0; i < 10; i++) expect((await login(username, 'wrong-guess')).status).toBe(401);
      const locked = await login(username, username === 'admin' ? 'still-wrong' : 'x');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('locked');
    }
    // Even the right password waits for the lock to end.
    expect((await login('admin', TEST_ADMIN_PASSWORD)).status).toBe(429);
  });

  it('keeps a hash chain that verifies after the run', async () => {
    const verdict = await call('/api/v1/audit/verify', admin);
    expect(verdict.body).toMatchObject({ ok: true });
    expect(Number(verdict.body['rows'])).toBeGreaterThan(10);
    const entries = (await call('/api/v1/audit?limit=500', admin)).body['entries'] as Array<{ action: string }>;
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['device.revoke', 'user.create', 'login.failure', 'login.success']));
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

describe.skipIf(!openssl)('HTTPS hub (self-signed certificate made with the openssl CLI; skipped when openssl is missing)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deskside-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  let hub: TestHub;

  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    hub = await startHub(['--tls-cert', certFile, '--tls-key', keyFile]);
  });
  afterAll(async () => {
    await hub?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (pathname: string, body: unknown, ca?: Buffer) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const url = new URL(pathname, hub.url);
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(ca ? { ca } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  it('serves the API over HTTPS on its port and hands enrolling agents the fingerprint to pin', async () => {
    expect(hub.url).toMatch(/^https:\/\//);
    const cert = readFileSync(certFile);
    const enrolled = await post('/api/v1/enroll', { protocolVersion: PROTOCOL_VERSION, enrollToken: TEST_ENROLL_TOKEN, deviceId: newId(), machineId: `tls-machine-${newId()}`, hostname: 'tls-pc', agentVersion: '0.1.0' }, cert);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body['tlsFingerprint']).toBe(new X509Certificate(cert).fingerprint256);
    // Without trusting the certificate, a client refuses to talk.
    await expect(post('/api/v1/enroll', {})).rejects.toThrow(/self[- ]signed|certificate/i);
  });
});
