import { CONSOLE_TO_HUB_EVENTS, NAMESPACES, newId, PROTOCOL_VERSION, type Role } from '@deskside/protocol';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { can, CONSOLE_EVENT_PERMISSIONS, PERMISSIONS } from '../../services/access/permissions.js';
import { tempDir } from '../../test-support/temp.js';
import type { Route } from '../router.js';
import { apiRoutes } from './api-routes.js';

// Table-driven: every HTTP route and console event of the real hub, for every role.
const PASSWORD = 'permissions-test-password';
const ROLES: Array<{ role: Role; tier?: 1 | 2 | 3 }> = [{ role: 'admin' }, { role: 'technician', tier: 1 }, { role: 'technician', tier: 3 }, { role: 'auditor' }];

describe('permission table', () => {
  const dir = tempDir();
  let hub: Hub;
  let routes: Route[];
  const tokens = new Map<string, string>();
  const label = (r: { role: Role; tier?: number }) => `${r.role}${r.tier ? ` tier ${r.tier}` : ''}`;

  const login = async (username: string): Promise<string> => {
    const res = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    const config = resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD });
    hub = await createHub(config, { logger: silentLogger(), consoleDir: `${dir.dir}/no-console` });
    // The same route list the hub serves, built by the same function.
    routes = apiRoutes(hub.services);
    const admin = await login('admin');
    tokens.set('admin', admin);
    for (const r of ROLES.filter((x) => x.role !== 'admin')) {
      const username = label(r).replace(/ /g, '-');
      const res = await fetch(`${hub.url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ username, displayName: username, password: PASSWORD, role: r.role, ...(r.tier ? { tier: r.tier } : {}) }),
      });
      expect(res.status).toBe(201);
      tokens.set(label(r), await login(username));
    }
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('every non-public route declares an action the table knows; public routes are only the known few', () => {
    const undeclared = routes.filter((r) => !r.public && (r.permission === undefined || !Object.hasOwn(PERMISSIONS, r.permission)));
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /api/v1/openapi.json', 'GET /downloads/agent/:file', 'GET /agent-updates/files/:file', 'GET /agent-updates/releases/:id/:feed', 'GET /healthz', 'POST /api/v1/enroll', 'POST /api/v1/login'].sort());
  });

  it('every console event has an action in the table', () => {
    for (const event of CONSOLE_TO_HUB_EVENTS) expect(Object.hasOwn(PERMISSIONS, CONSOLE_EVENT_PERMISSIONS[event])).toBe(true);
  });

  it('answers 403 exactly when the role lacks the route’s action, for every route and role', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      for (const r of ROLES) {
        // Logout ends the session it is sent with: give it a session of its own.
        const token = route.path === '/api/v1/logout' ? await login(r.role === 'admin' ? 'admin' : label(r).replace(/ /g, '-')) : (tokens.get(label(r)) ?? '');
        const path = route.path.replace(/:[a-z]+/gi, newId());
        const res = await fetch(`${hub.url}${path}`, {
          method: route.method,
          headers: { authorization: `Bearer ${token}`, ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        });
        const allowed = can({ role: r.role, tier: r.tier ?? null }, route.permission ?? '');
        if ((res.status === 403) === allowed || res.status === 401) mismatches.push(`${route.method} ${route.path} as ${label(r)}: ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('checks the role of every console event', async () => {
    for (const r of ROLES) {
      const socket = connect(`${hub.url}${NAMESPACES.console}`, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION, token: tokens.get(label(r)) } });
      try {
        for (const event of CONSOLE_TO_HUB_EVENTS) {
          // A refusal is immediate; an event the middleware let through may have no handler yet (no ack).
          const ack = (await socket
            .timeout(1500)
            .emitWithAck(event)
            .catch(() => ({ ok: true }))) as { ok: boolean; error?: { code: string } };
          const allowed = can({ role: r.role, tier: r.tier ?? null }, CONSOLE_EVENT_PERMISSIONS[event]);
          expect(ack.ok || ack.error?.code !== 'forbidden', `${event} as ${label(r)}`).toBe(allowed);
        }
      } finally {
        socket.disconnect();
      }
    }
  }, 30_000);
});

describe('can()', () => {
  it('refuses unknown actions and applies minimum tiers', () => {
    expect(can({ role: 'admin' }, 'no.such-action')).toBe(false);
    expect(can({ role: 'admin' }, 'toString')).toBe(false);
    expect(can({ role: 'auditor' }, 'devices.read')).toBe(true);
    expect(can({ role: 'auditor' }, 'devices.write')).toBe(false);
    expect(can({ role: 'technician', tier: 1 }, 'users.write')).toBe(false);
    expect(can({ role: 'technician', tier: 2 }, 'devices.write')).toBe(true);
  });
});
