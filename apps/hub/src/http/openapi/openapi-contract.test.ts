import { PROTOCOL_VERSION, newId, type EnrollResponse } from '@deskside/protocol';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { responseChecker, type ResponseChecker } from '../../test-support/openapi-responses.js';
import { tempDir } from '../../test-support/temp.js';
import { API_OPERATIONS } from './openapi-route.js';

// The contract: the hub's own document covers every route it serves, passes an OpenAPI validator,
// and real answers of a real hub validate against it.
const PASSWORD = 'openapi-contract-password';
const ENROLL = 'openapi-contract-enrol-token-01';
type Json = Record<string, unknown>;

describe('OpenAPI document', () => {
  const dir = tempDir();
  let hub: Hub;
  let document: Json;
  let checker: ResponseChecker;
  let admin = '';
  const problems: string[] = [];

  /** Calls `template` with `params` filled in and checks a JSON answer against the document. */
  const call = async (method: string, template: string, init: { params?: Record<string, string>; query?: string; body?: unknown; token?: string | null } = {}) => {
    const url = template.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(init.params?.[name] ?? 'missing')) + (init.query ? `?${init.query}` : '');
    const token = init.token === undefined ? admin : init.token;
    const res = await fetch(`${hub.url}${url}`, {
      method,
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const body = (res.headers.get('content-type') ?? '').startsWith('application/json') ? ((await res.json()) as Json) : { text: await res.text() };
    problems.push(...checker.check(method, template, res.status, body));
    return { status: res.status, body };
  };

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD, DESKSIDE_ENROLL_TOKEN: ENROLL }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    const res = await fetch(`${hub.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    document = (await res.json()) as Json;
    checker = responseChecker(document);
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('is public, and passes an OpenAPI 3.1 validator', async () => {
    expect(document['openapi']).toBe('3.1.0');
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
  });

  it('describes every route the router serves, and nothing it does not', () => {
    const operations: string[] = [];
    const undocumented: string[] = [];
    for (const [path, methods] of Object.entries(document['paths'] as Record<string, Record<string, { tags: string[] }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`;
        operations.push(key);
        if (op.tags.includes('Undocumented')) undocumented.push(key);
      }
    }
    expect(undocumented).toEqual([]);
    expect(Object.keys(API_OPERATIONS).filter((key) => !operations.includes(key))).toEqual([]);
    expect(operations.length).toBeGreaterThan(70);
  });

  it('real answers of a working hub validate against the document', async () => {
    const login = await call('POST', '/api/v1/login', { token: null, body: { username: 'admin', password: PASSWORD } });
    admin = login.body['token'] as string;
    const enrolled = await call('POST', '/api/v1/enroll', {
      token: null,
      body: { protocolVersion: PROTOCOL_VERSION, enrollToken: ENROLL, deviceId: newId(), machineId: 'openapi-machine-1', hostname: 'PC-OPENAPI', agentVersion: '0.1.0' },
    });
    const device = { id: (enrolled.body as unknown as EnrollResponse).deviceId };
    for (const t of ['/healthz', '/api/v1/me', '/api/v1/me/sessions', '/api/v1/users', '/api/v1/technicians', '/api/v1/sites', '/api/v1/enroll-tokens']) await call('GET', t);
    for (const t of ['/api/v1/devices-pending', '/api/v1/audit/verify', '/api/v1/groups', '/api/v1/alerts', '/api/v1/policies/health', '/api/v1/tickets']) await call('GET', t);
    for (const t of ['/api/v1/incidents', '/api/v1/canned-responses', '/api/v1/sla-settings', '/api/v1/reports/software', '/api/v1/devices']) await call('GET', t);
    await call('GET', '/api/v1/audit', { query: 'limit=20' });
    await call('GET', '/api/v1/reports/activity', { query: 'period=month' });
    for (const t of ['/api/v1/devices/:id', '/api/v1/devices/:id/asset', '/api/v1/devices/:id/changes', '/api/v1/devices/:id/health/hourly']) await call('GET', t, { params: device });
    await call('PATCH', '/api/v1/devices/:id', { params: device, body: { assetTag: 'A-1001' } });
    await call('POST', '/api/v1/devices/:id/maintenance', { params: device, body: { until: null } });

    const site = await call('POST', '/api/v1/sites', { body: { name: 'Branch office' } });
    const user = await call('POST', '/api/v1/users', { body: { username: 'tech1', displayName: 'Tech One', password: PASSWORD, role: 'technician', tier: 1 } });
    await call('PATCH', '/api/v1/users/:id', { params: { id: user.body['id'] as string }, body: { displayName: 'Tech Uno' } });
    await call('DELETE', '/api/v1/users/:id/sessions', { params: { id: user.body['id'] as string } });
    const token = await call('POST', '/api/v1/enroll-tokens', { body: { label: 'branch', siteId: site.body['id'] } });
    await call('DELETE', '/api/v1/enroll-tokens/:id', { params: { id: token.body['id'] as string } });

    const group = await call('POST', '/api/v1/groups', { body: { name: 'Laptops', kind: 'filter', filter: { q: 'PC' } } });
    const gid = { id: group.body['id'] as string };
    await call('PATCH', '/api/v1/groups/:id', { params: gid, body: { name: 'All laptops' } });
    await call('GET', '/api/v1/groups/:id/devices', { params: gid });
    await call('GET', '/api/v1/groups/:id/health-policy', { params: gid });
    await call('DELETE', '/api/v1/groups/:id', { params: gid });

    const ticket = await call('POST', '/api/v1/tickets', { body: { subject: 'Printer jams', description: 'Every morning.', impact: 'low', urgency: 'low' } });
    const tid = { id: ticket.body['id'] as string };
    await call('GET', '/api/v1/tickets/:id', { params: tid });
    await call('POST', '/api/v1/tickets/:id/note', { params: tid, body: { body: 'Checked the tray.' } });
    await call('POST', '/api/v1/tickets/:id/resolve', { params: tid, body: { note: 'Replaced the roller.' } });
    await call('POST', '/api/v1/tickets/:id/reopen', { params: tid });
    await call('POST', '/api/v1/canned-responses', { body: { title: 'Restart', body: 'Please restart your PC.' } });

    const apiToken = await call('POST', '/api/v1/tokens', { body: { label: 'script', scopes: ['devices:read'] } });
    await call('GET', '/api/v1/tokens');
    await call('DELETE', '/api/v1/tokens/:id', { params: { id: (apiToken.body['apiToken'] as Json)['id'] as string } });
    const hook = await call('POST', '/api/v1/webhooks', { body: { label: 'nowhere', url: 'http://127.0.0.1:9/hook', events: ['alert.raised'] } });
    const hid = { id: (hook.body['webhook'] as Json)['id'] as string };
    await call('GET', '/api/v1/webhooks');
    await call('POST', '/api/v1/webhooks/:id/test', { params: hid });
    await call('GET', '/api/v1/webhooks/:id/deliveries', { params: hid });
    await call('DELETE', '/api/v1/webhooks/:id', { params: hid });

    // Errors are documented too.
    await call('GET', '/api/v1/devices/:id', { params: { id: newId() } });
    await call('GET', '/api/v1/devices', { token: null });
    await call('POST', '/api/v1/tickets', { body: { subject: '' } });
    await call('POST', '/api/v1/logout');

    expect(problems).toEqual([]);
    expect([login.status, enrolled.status, site.status, user.status, token.status, group.status, ticket.status, apiToken.status, hook.status]).toEqual([200, 201, 201, 201, 201, 201, 201, 201, 201]);
    expect(checker.checked.size).toBeGreaterThan(40);
    // And the checker does catch an answer that breaks the contract.
    expect(checker.check('GET', '/api/v1/devices', 200, { devices: [{ id: 42 }] })).not.toEqual([]);
  }, 60_000);
});
