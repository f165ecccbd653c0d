import { NAMESPACES, PROTOCOL_VERSION, newId, type EnrollResponse } from '@deskside/protocol';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { totpCode, totpStep } from '../../services/auth/totp.js';
import { tempDir } from '../../test-support/temp.js';

// The access API end to end on an in-process hub: TOTP, sessions, users, tokens, quarantine, sites.
const PASSWORD = 'access-flows-password';

describe('access flows', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
  };
  const login = (username: string, totp?: string) => call('/api/v1/login', { method: 'POST', body: { username, password: PASSWORD, ...(totp ? { totp } : {}) } });
  const token = async (username: string): Promise<string> => (await login(username)).body['token'] as string;
  const createUser = (username: string, extra: Record<string, unknown> = {}) =>
    call('/api/v1/users', { method: 'POST', token: admin, body: { username, displayName: username, password: PASSWORD, role: 'technician', ...extra } });

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = await token('admin');
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('enrols TOTP, then requires a code at login and refuses a replayed one', async () => {
    expect((await createUser('tina')).status).toBe(201);
    const tina = await token('tina');
    const begun = await call('/api/v1/me/totp', { method: 'POST', token: tina });
    expect(begun.status).toBe(201);
    const secret = begun.body['secret'] as string;
    expect(begun.body['otpauthUri']).toContain(`secret=${secret}`);
    const now = () => totpStep(new Date());
    expect((await call('/api/v1/me/totp/confirm', { method: 'POST', token: tina, body: { code: '000000' === totpCode(secret, now()) ? '111111' : '000000' } })).status).toBe(401);
    expect((await call('/api/v1/me/totp/confirm', { method: 'POST', token: tina, body: { code: totpCode(secret, now()) } })).status).toBe(200);
    // The secret is never shown again.
    expect(JSON.stringify((await call('/api/v1/users', { token: admin })).body)).not.toContain(secret);
    const bare = await login('tina');
    expect(bare).toMatchObject({ status: 401, body: { error: { code: 'totp_required' } } });
    const next = totpCode(secret, now() + 1);
    expect((await login('tina', next)).status).toBe(200);
    expect((await login('tina', next)).body.error?.code).toBe('unauthorized');
    const me = await call('/api/v1/me', { token: tina });
    expect(me.body).toMatchObject({ user: { username: 'tina', totpEnabled: true, tier: 1 } });
  });

  it('lists and revokes sessions; a revoked session’s console socket gets session:ended', async () => {
    expect((await createUser('sam')).status).toBe(201);
    const first = await token('sam');
    const second = await token('sam');
    const sessions = (await call('/api/v1/me/sessions', { token: first })).body['sessions'] as Array<{ id: string; current: boolean }>;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current);
    if (!other) throw new Error('expected a second session');
    const socket = connect(`${hub.url}${NAMESPACES.console}`, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION, token: second } });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ended = new Promise<unknown>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await call(`/api/v1/sessions/${other.id}`, { method: 'DELETE', token: first })).status).toBe(200);
    expect(await ended).toEqual({ reason: 'revoked' });
    expect(await disconnected).toBe('io server disconnect');
    expect((await call('/api/v1/me', { token: second })).status).toBe(401);
    expect((await call('/api/v1/me', { token: first })).status).toBe(200);
    // Disabling the user ends the rest.
    const users = (await call('/api/v1/users', { token: admin })).body['users'] as Array<{ id: string; username: string }>;
    const sam = users.find((u) => u.username === 'sam');
    expect((await call(`/api/v1/users/${sam?.id}`, { method: 'PATCH', token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await call('/api/v1/me', { token: first })).status).toBe(401);
    expect((await login('sam')).status).toBe(401);
  });

  it('issues per-site tokens with a use limit, quarantines a clone until approved, and scopes technicians to their sites', async () => {
    const site = (await call('/api/v1/sites', { method: 'POST', token: admin, body: { name: 'Client B' } })).body as { id: string };
    const created = await call('/api/v1/enroll-tokens', { method: 'POST', token: admin, body: { siteId: site.id, label: 'B laptops', maxUses: 2, expiresInHours: 24 } });
    expect(created.status).toBe(201);
    const plain = created.body['token'] as string;
    const tokenId = (created.body['enrollToken'] as { id: string }).id;
    expect(JSON.stringify((await call('/api/v1/enroll-tokens', { token: admin })).body)).not.toContain(plain);
    const enrol = (machineId: string) =>
      call('/api/v1/enroll', { method: 'POST', body: { protocolVersion: PROTOCOL_VERSION, enrollToken: plain, deviceId: newId(), machineId, hostname: 'B-PC', agentVersion: '0.1.0' } });
    const a = (await enrol('client-b-machine-1')).body as unknown as EnrollResponse;
    const clone = (await enrol('client-b-machine-1')).body as unknown as EnrollResponse;
    expect(a.approval).toBe('active');
    expect(clone.approval).toBe('pending-approval');
    expect((await enrol('client-b-machine-2')).status).toBe(401); // two uses spent
    const pending = (await call('/api/v1/devices-pending', { token: admin })).body['devices'] as Array<{ id: string; twinIds: string[] }>;
    expect(pending).toEqual([expect.objectContaining({ id: clone.deviceId, twinIds: [a.deviceId] })]);
    expect((await call(`/api/v1/devices/${clone.deviceId}/approve`, { method: 'POST', token: admin })).status).toBe(200);
    expect((await call('/api/v1/devices-pending', { token: admin })).body['devices']).toEqual([]);
    expect((await call(`/api/v1/enroll-tokens/${tokenId}`, { method: 'DELETE', token: admin })).body).toMatchObject({ revokedAt: expect.any(String) });

    // A technician scoped to Client B sees its two devices only; one scoped elsewhere sees none of them.
    expect((await createUser('bea', { siteIds: [site.id] })).status).toBe(201);
    const bea = await token('bea');
    const seen = ((await call('/api/v1/devices', { token: bea })).body['devices'] as Array<{ id: string }>).map((d) => d.id).sort();
    expect(seen).toEqual([a.deviceId, clone.deviceId].sort());
    const main = ((await call('/api/v1/sites', { token: admin })).body['sites'] as Array<{ id: string; name: string }>).find((s) => s.name !== 'Client B');
    expect((await createUser('mo', { siteIds: [main?.id] })).status).toBe(201);
    const mo = await token('mo');
    expect((await call('/api/v1/devices', { token: mo })).body['devices']).toEqual([]);
    expect((await call(`/api/v1/devices/${a.deviceId}`, { token: mo })).status).toBe(404);
    const socket = connect(`${hub.url}${NAMESPACES.console}`, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION, token: mo } });
    try {
      const ack = (await socket.timeout(5000).emitWithAck('fleet:watch')) as { ok: true; data: { devices: unknown[] } };
      expect(ack.data.devices).toEqual([]);
    } finally {
      socket.disconnect();
    }
  });

  it('records what happened in a verifiable audit log', async () => {
    const audit = await call('/api/v1/audit?limit=200', { token: admin });
    const actions = (audit.body['entries'] as Array<{ action: string }>).map((e) => e.action);
    for (const a of ['login.success', 'login.failure', 'user.create', 'user.disable', 'totp.enable', 'session.revoke', 'site.create', 'enroll-token.create', 'enroll-token.revoke', 'device.approve']) {
      expect(actions).toContain(a);
    }
    expect((await call('/api/v1/audit/verify', { token: admin })).body).toMatchObject({ ok: true });
    expect(JSON.stringify(audit.body)).not.toContain(PASSWORD);
  });
});
