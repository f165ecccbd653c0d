import { newId } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// Table-driven, like permissions.test.ts for routes x roles: every site-owned resource x every
// role x both sites, on the real hub. A viewer sees a site's records exactly when the site is theirs.
const PASSWORD = 'site-scope-test-password';
type Site = 'A' | 'B';
interface Viewer {
  name: string;
  role: 'admin' | 'technician' | 'auditor';
  sites: Site[];
}
const VIEWERS: Viewer[] = [
  { name: 'admin', role: 'admin', sites: [] },
  { name: 'tech-a', role: 'technician', sites: ['A'] },
  { name: 'tech-b', role: 'technician', sites: ['B'] },
  { name: 'tech-all', role: 'technician', sites: [] },
  { name: 'auditor-a', role: 'auditor', sites: ['A'] },
  { name: 'auditor-all', role: 'auditor', sites: [] },
];
const sees = (v: Viewer, s: Site): boolean => v.sites.length === 0 || v.sites.includes(s);

describe('site scope of every resource, for every role and site', () => {
  const dir = tempDir();
  let hub: Hub;
  const token = new Map<string, string>();
  const site = {} as Record<Site, string>;
  const device = {} as Record<Site, string>;
  const newcomer = {} as Record<Site, string>;
  const group = {} as Record<Site, string>;
  const enrollToken = {} as Record<Site, string>;
  const ticket = {} as Record<Site, string>;

  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(hub.url + path, {
      method,
      headers: { authorization: `Bearer ${token.get(who) ?? ''}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const ok = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await call(who, method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const login = async (username: string) =>
    ((await (await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })).json()) as { token: string }).token;
  const ids = (list: unknown): string[] => (list as Array<{ id?: string; target?: string }>).map((x) => x.id ?? x.target ?? '');

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    token.set('admin', await login('admin'));
    site.A = ((await ok('admin', 'GET', '/api/v1/sites'))['sites'] as Array<{ id: string }>)[0]?.id ?? '';
    site.B = String((await ok('admin', 'POST', '/api/v1/sites', { name: 'Client B' }))['id']);
    for (const v of VIEWERS.filter((x) => x.name !== 'admin')) {
      await ok('admin', 'POST', '/api/v1/users', { username: v.name, displayName: v.name, password: PASSWORD, role: v.role, ...(v.role === 'technician' ? { tier: 3 } : {}), siteIds: v.sites.map((s) => site[s]) });
      token.set(v.name, await login(v.name));
    }
    for (const s of ['A', 'B'] as const) {
      device[s] = newId();
      newcomer[s] = newId();
      for (const [id, hostname] of [[device[s], `PC-${s}`], [newcomer[s], `NEW-${s}`]] as const) {
        await hub.store.devices.create({ id, siteId: site[s], machineId: newId(), hostname, keyHash: 'e'.repeat(64), enrolledAt: new Date() });
      }
      await ok('admin', 'PATCH', `/api/v1/devices/${device[s]}`, { assetTag: `TAG-${s}` });
      group[s] = String((await ok('admin', 'POST', '/api/v1/groups', { name: `Group ${s}`, kind: 'filter', filter: { siteId: site[s] } }))['id']);
      enrollToken[s] = ((await ok('admin', 'POST', '/api/v1/enroll-tokens', { siteId: site[s], label: `Token ${s}` }))['enrollToken'] as { id: string }).id;
      ticket[s] = String((await ok('admin', 'POST', '/api/v1/tickets', { subject: `Broken ${s}`, description: 'x', impact: 'low', urgency: 'low', deviceId: device[s] }))['id']);
    }
    // A reinstall candidate across sites, as an older hub may have linked: never shown.
    await hub.store.deviceLinks.setCandidate(newcomer.B, device.A, ['serial', 'model', 'mac']);
    await hub.store.deviceLinks.setCandidate(newcomer.A, device.A, ['serial', 'model', 'mac']);
  });
  afterAll(async () => {
    await hub?.close();
    dir.remove();
  });

  /** One row per resource: whether `viewer` sees site `s`'s record (undefined: the role may not ask at all). */
  const RESOURCES: Array<{ name: string; check: (v: Viewer, s: Site) => Promise<boolean | 'forbidden'> }> = [
    { name: 'device', check: async (v, s) => (await call(v.name, 'GET', `/api/v1/devices/${device[s]}`)).status === 200 },
    { name: 'device list', check: async (v, s) => ids((await ok(v.name, 'GET', '/api/v1/devices'))['devices']).includes(device[s]) },
    { name: 'ticket', check: async (v, s) => (await call(v.name, 'GET', `/api/v1/tickets/${ticket[s]}`)).status === 200 },
    { name: 'group list', check: async (v, s) => ids((await ok(v.name, 'GET', '/api/v1/groups'))['groups']).includes(group[s]) },
    { name: 'group devices', check: async (v, s) => (await call(v.name, 'GET', `/api/v1/groups/${group[s]}/devices`)).status === 200 },
    { name: 'group health policy', check: async (v, s) => (await call(v.name, 'GET', `/api/v1/groups/${group[s]}/health-policy`)).status === 200 },
    {
      name: 'group rename',
      check: async (v, s) => {
        const res = await call(v.name, 'PATCH', `/api/v1/groups/${group[s]}`, { name: `Group ${s}` });
        return res.status === 403 ? 'forbidden' : res.status === 200;
      },
    },
    {
      name: 'reinstall candidate',
      check: async (v, s) => {
        const res = await call(v.name, 'GET', `/api/v1/devices/${newcomer[s]}`);
        // Site B's newcomer names site A's device: shown to nobody. Site A's: to whoever sees A.
        return res.status === 200 && res.body['sameAssetCandidate'] !== null;
      },
    },
    {
      name: 'enrolment tokens',
      check: async (v, s) => {
        const res = await call(v.name, 'GET', '/api/v1/enroll-tokens');
        return res.status === 403 ? 'forbidden' : ids(res.body['enrollTokens']).includes(enrollToken[s]);
      },
    },
    {
      name: 'users',
      check: async (v, s) => {
        const res = await call(v.name, 'GET', '/api/v1/users');
        return res.status === 403 ? 'forbidden' : (res.body['users'] as Array<{ username: string }>).some((u) => u.username === `tech-${s.toLowerCase()}`);
      },
    },
    {
      name: 'audit log',
      check: async (v, s) => {
        const res = await call(v.name, 'GET', '/api/v1/audit?limit=500');
        return res.status === 403 ? 'forbidden' : ids(res.body['entries']).includes(`device:${device[s]}`);
      },
    },
    {
      name: 'assignable technicians',
      check: async (v, s) => {
        const res = await call(v.name, 'GET', '/api/v1/technicians');
        return res.status === 403 ? 'forbidden' : (res.body['technicians'] as Array<{ username: string }>).some((u) => u.username === `tech-${s.toLowerCase()}`);
      },
    },
  ];

  const expected = (resource: string, v: Viewer, s: Site): boolean | 'forbidden' => {
    const adminOnly = resource === 'enrolment tokens' || resource === 'users' || resource === 'audit log';
    if (adminOnly && v.role === 'technician') return 'forbidden';
    if (resource === 'group rename') return v.role === 'auditor' ? 'forbidden' : sees(v, s);
    if (resource === 'reinstall candidate') return s === 'A' && sees(v, s);
    return sees(v, s);
  };

  for (const r of RESOURCES) {
    it(`${r.name}: each role x site sees exactly its own`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const v of VIEWERS) {
        for (const s of ['A', 'B'] as const) {
          got.push(`${v.name} x site ${s}: ${String(await r.check(v, s))}`);
          want.push(`${v.name} x site ${s}: ${String(expected(r.name, v, s))}`);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('a site-scoped technician cannot retarget their group to another site or to the whole hub, nor make hub-wide groups', async () => {
    expect((await call('tech-a', 'PATCH', `/api/v1/groups/${group.A}`, { filter: { siteId: site.B } })).status).toBe(403);
    expect((await call('tech-a', 'PATCH', `/api/v1/groups/${group.A}`, { filter: {} })).status).toBe(403);
    expect((await call('tech-a', 'POST', '/api/v1/groups', { name: 'Everything', kind: 'filter', filter: {} })).status).toBe(403);
    expect((await call('tech-b', 'DELETE', `/api/v1/groups/${group.A}`)).status).toBe(404);
    expect((await call('tech-a', 'POST', '/api/v1/groups', { name: 'Mine', kind: 'filter', filter: { siteId: site.A } })).status).toBe(201);
  });
});
