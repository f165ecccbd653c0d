import type { CreatedApiToken } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// API tokens end to end on an in-process hub: scopes, site scope, the creator's rights at use time.
const PASSWORD = 'api-token-flows-password';
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

describe('API tokens', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin = '';
  const call = async (path: string, token: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const mint = async (by: string, body: unknown) => {
    const res = await call('/api/v1/tokens', by, { method: 'POST', body });
    expect(res.status).toBe(201);
    return res.body as unknown as CreatedApiToken;
  };
  const login = async (username: string) => (await call('/api/v1/login', '', { method: 'POST', body: { username, password: PASSWORD } })).body['token'] as string;

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = await login('admin');
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('shows a token once, lists it hashed with its last use, and honours its scopes', async () => {
    const created = await mint(admin, { label: 'Nightly asset sync', scopes: ['devices:read'] });
    expect(created.token).toMatch(/^dsk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ label: 'Nightly asset sync', scopes: ['devices:read'], siteIds: [], lastUsedAt: null, revokedAt: null });
    expect((await call('/api/v1/devices', created.token)).status).toBe(200);
    const tickets = await call('/api/v1/tickets', created.token);
    expect(tickets.status).toBe(403);
    expect(tickets.body.error?.message).toContain('tickets:read');
    // No scope opens administration, so a token cannot mint tokens or read accounts.
    expect((await call('/api/v1/tokens', created.token, { method: 'POST', body: { label: 'x', scopes: ['metrics'] } })).status).toBe(403);
    expect((await call('/api/v1/me', created.token)).status).toBe(403);

    const listed = await call('/api/v1/tokens', admin);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    const [row] = listed.body['tokens'] as Array<{ id: string; lastUsedAt: string | null; prefix: string }>;
    expect(row).toMatchObject({ id: created.apiToken.id, prefix: created.token.slice(0, 10) });
    expect(row?.lastUsedAt).not.toBeNull();

    expect((await call(`/api/v1/tokens/${created.apiToken.id}`, admin, { method: 'DELETE' })).body['revokedAt']).not.toBeNull();
    expect((await call('/api/v1/devices', created.token)).status).toBe(401);
    const audit = await call('/api/v1/audit?limit=20', admin);
    const actions = (audit.body['entries'] as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['api-token.create', 'api-token.revoke']));
  });

  it('never does more than its creator can, checked again at every use', async () => {
    const sites = await call('/api/v1/sites', admin);
    const main = (sites.body['sites'] as Array<{ id: string }>)[0]?.id ?? '';
    const branch = (await call('/api/v1/sites', admin, { method: 'POST', body: { name: 'Branch' } })).body['id'] as string;
    const user = await call('/api/v1/users', admin, { method: 'POST', body: { username: 'scoped-admin', displayName: 'Scoped', password: PASSWORD, role: 'admin', siteIds: [main] } });
    const scopedAdmin = await login('scoped-admin');
    // Not beyond the creator's sites.
    expect((await call('/api/v1/tokens', scopedAdmin, { method: 'POST', body: { label: 'x', scopes: ['devices:read'], siteIds: [branch] } })).status).toBe(403);
    const token = await mint(scopedAdmin, { label: 'Helpdesk bot', scopes: ['tickets:write', 'tickets:read'] });
    expect(token.apiToken.siteIds).toEqual([main]);
    expect((await call('/api/v1/tickets', token.token, { method: 'POST', body: { subject: 'From a script', description: 'Created with an API token.', impact: 'low', urgency: 'low' } })).status).toBe(201);

    // The creator becomes an auditor: the token can still read, but no longer write.
    const id = user.body['id'] as string;
    expect((await call(`/api/v1/users/${id}`, admin, { method: 'PATCH', body: { role: 'auditor' } })).status).toBe(200);
    expect((await call('/api/v1/tickets', token.token)).status).toBe(200);
    expect((await call('/api/v1/tickets', token.token, { method: 'POST', body: { subject: 'Again', description: 'Refused now.', impact: 'low', urgency: 'low' } })).status).toBe(403);
    // The creator moves to another site: the token's site is no longer theirs.
    expect((await call(`/api/v1/users/${id}`, admin, { method: 'PATCH', body: { siteIds: [branch] } })).status).toBe(200);
    expect((await call('/api/v1/tickets', token.token)).status).toBe(403);
    // The creator is disabled: the token is dead.
    expect((await call(`/api/v1/users/${id}`, admin, { method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    expect((await call('/api/v1/tickets', token.token)).status).toBe(401);
  });

  it('refuses bad requests clearly', async () => {
    expect((await call('/api/v1/tokens', admin, { method: 'POST', body: { label: 'x', scopes: ['root'] } })).status).toBe(400);
    expect((await call('/api/v1/tokens', admin, { method: 'POST', body: { label: 'x', scopes: ['metrics'], expiresAt: '2001-01-01T00:00:00Z' } })).status).toBe(400);
    expect((await call('/api/v1/devices', 'dsk_not-a-real-token-0000000000000000000000000000')).status).toBe(401);
  });
});
