import { newId, PROTOCOL_VERSION, NAMESPACES } from '@deskside/protocol';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from './app.js';
import { resolveConfig } from './config.js';
import { captureLogger, tempDir } from './test-support/temp.js';

const ADMIN_PASSWORD = 'app-test-admin-password';

describe('hub (HTTP end to end)', () => {
  const dir = tempDir();
  const log = captureLogger();
  let hub: Hub;
  let token: string;

  const api = (path: string, init: RequestInit & { auth?: string } = {}) =>
    fetch(`${hub.url}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.auth ? { authorization: `Bearer ${init.auth}` } : {}),
      },
    });
  const enrollBody = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      enrollToken: hub.credentials.enrollToken,
      deviceId: newId(),
      machineId: `machine-${newId()}`,
      hostname: 'PC-ACCOUNTING-1',
      agentVersion: '0.1.0',
      ...overrides,
    });

  beforeAll(async () => {
    const config = resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: ADMIN_PASSWORD });
    hub = await createHub(config, { logger: log.logger, consoleDir: `${dir.dir}/no-console` });
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('listens on the port it was given (0: any) and answers /healthz', async () => {
    expect(hub.port).toBeGreaterThan(0);
    expect(hub.url).toBe(`http://127.0.0.1:${hub.port}`);
    const res = await api('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('requires a bearer token for the device list', async () => {
    const res = await api('/api/v1/devices');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await api('/api/v1/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'wrong' }) });
    const unknown = await api('/api/v1/login', { method: 'POST', body: JSON.stringify({ username: 'ghost', password: 'wrong' }) });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('logs the admin in', async () => {
    const res = await api('/api/v1/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { username: string; role: string }; expiresAt: string };
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin' });
    token = body.token;
  });

  it('enrols a device over HTTP, then lists and details it', async () => {
    const deviceId = newId();
    const res = await api('/api/v1/enroll', { method: 'POST', body: enrollBody({ deviceId, machineId: 'machine-one-aaaa' }) });
    expect(res.status).toBe(201);
    const enrolled = (await res.json()) as { deviceId: string; deviceKey: string; policy: { heartbeatSeconds: number } };
    expect(enrolled).toMatchObject({ deviceId, policy: { heartbeatSeconds: 30 } });

    // A second PC with the same machine id is quarantined, not merged and not listed.
    const twin = await api('/api/v1/enroll', { method: 'POST', body: enrollBody({ machineId: 'machine-one-aaaa' }) });
    expect(twin.status).toBe(201);
    expect(((await twin.json()) as { approval: string }).approval).toBe('pending-approval');
    const badToken = await api('/api/v1/enroll', { method: 'POST', body: enrollBody({ enrollToken: 'not-the-token' }) });
    expect(badToken.status).toBe(401);
    const garbage = await api('/api/v1/enroll', { method: 'POST', body: enrollBody({ deviceId: 'nope' }) });
    expect(garbage.status).toBe(400);

    const list = (await (await api('/api/v1/devices', { auth: token })).json()) as { devices: Array<{ id: string; hostname: string }> };
    expect(list.devices.map((d) => [d.id, d.hostname])).toEqual([[deviceId, 'PC-ACCOUNTING-1']]);
    const filtered = (await (await api('/api/v1/devices?q=nomatch', { auth: token })).json()) as { devices: unknown[] };
    expect(filtered.devices).toEqual([]);
    expect((await api('/api/v1/devices?status=sideways', { auth: token })).status).toBe(400);

    const detail = await api(`/api/v1/devices/${deviceId}`, { auth: token });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: deviceId, machineId: 'machine-one-aaaa' });
    expect((await api(`/api/v1/devices/${newId()}`, { auth: token })).status).toBe(404);
    expect((await api('/api/v1/devices/not-an-id', { auth: token })).status).toBe(400);

    // The credential works on the agent socket that shares the HTTP server.
    const socket = connect(`${hub.url}${NAMESPACES.agent}`, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId, deviceKey: enrolled.deviceKey },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    socket.disconnect();
  });

  it('serves Prometheus metrics to a signed-in user', async () => {
    expect((await api('/metrics')).status).toBe(401);
    const res = await api('/metrics', { auth: token });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(text).toMatch(/deskside_http_requests_total\{method="GET",status="401"\} \d+/);
  });

  it('answers 503 with a hint while the console is not built', async () => {
    const res = await api('/devices');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('revokes the session on logout', async () => {
    expect((await api('/api/v1/logout', { method: 'POST', auth: token })).status).toBe(200);
    expect((await api('/api/v1/devices', { auth: token })).status).toBe(401);
  });

  it('throttles password guessing', async () => {
    const guess = () => api('/api/v1/login', { method: 'POST', body: JSON.stringify({ username: 'throttled', password: 'guess' }) });
    for (let i = 0; i < 10; i++) expect((await guess()).status).toBe(401);
    const res = await guess();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    // The account (known or not: this one does not exist) is locked for the rest of the window.
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('locked');
  });

  it('never logged a secret', () => {
    expect(log.text()).not.toContain(ADMIN_PASSWORD);
    expect(log.text()).not.toContain(hub.credentials.enrollToken ?? 'unset');
    expect(log.text()).not.toContain(token);
  });
});

describe('hub restarts', () => {
  it('shows its first-start credentials once, and they keep working after a restart', async () => {
    const dir = tempDir();
    const config = resolveConfig({ port: 0, dataDir: dir.dir }, {});
    const first = await createHub(config, { logger: captureLogger().logger });
    const credentials = first.credentials;
    expect(credentials.adminPassword).toBeDefined();
    await first.close();
    await first.close();
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();

    const second = await createHub(config, { logger: captureLogger().logger });
    expect(second.credentials).toEqual({ firstStart: false });
    const login = await fetch(`${second.url}/api/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: credentials.adminPassword }),
    });
    expect(login.status).toBe(200);
    await second.close();
    dir.remove();
  });
});
