import { NAMESPACES, PROTOCOL_VERSION, type SessionEnded } from '@deskside/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempDir } from '../../test-support/temp.js';

// Every way a technician's session ends reaches their live console sockets, on a whole in-process
// hub whose clock the test moves: expiry (the hub's session sweep), logout, and an admin changing
// what the account may do (disable, role, sites).
const PASSWORD = 'session-end-flows-password';
const HOUR = 3_600_000;

describe('session end flows', () => {
  const dir = tempDir();
  const time = fakeClock(new Date());
  const sockets: Socket[] = [];
  let hub: Hub;
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const token = async (username: string): Promise<string> => {
    const res = await call('/api/v1/login', { method: 'POST', body: { username, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return res.body['token'] as string;
  };
  const createUser = async (admin: string, username: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await call('/api/v1/users', { method: 'POST', token: admin, body: { username, displayName: username, password: PASSWORD, role: 'technician', ...extra } });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  /** A console socket with what it was told and how it was dropped. No reconnection: a drop is final. */
  const openConsole = async (sessionToken: string) => {
    const socket = connect(`${hub.url}${NAMESPACES.console}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { protocolVersion: PROTOCOL_VERSION, token: sessionToken } });
    sockets.push(socket);
    const ended: SessionEnded[] = [];
    socket.on('session:ended', (payload: SessionEnded) => void ended.push(payload));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // The fleet snapshot: this socket now watches live fleet changes.
    const watch = (await socket.timeout(5000).emitWithAck('fleet:watch')) as { ok: boolean };
    expect(watch.ok).toBe(true);
    return { socket, ended, disconnected };
  };

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir, sessionHours: 12 }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), {
      clock: time.clock,
      logger: silentLogger(),
      consoleDir: `${dir.dir}/none`,
    });
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('an expired session’s console gets session:ended {expired} and is dropped; a live one stays', async () => {
    const admin = await token('admin');
    await createUser(admin, 'wally');
    const earlyToken = await token('wally');
    const early = await openConsole(earlyToken);
    time.advance(2 * HOUR);
    const late = await openConsole(await token('wally'));
    expect(await hub.realtime.sweepSessions()).toBe(0);

    time.advance(10 * HOUR); // `early` is 12 h old now; `late` has 2 h left.
    expect(await hub.realtime.sweepSessions()).toBe(1);
    expect(await early.disconnected).toBe('io server disconnect');
    expect(early.ended).toEqual([{ reason: 'expired' }]);
    expect(late.socket.connected).toBe(true);
    expect(late.ended).toEqual([]);
    expect(((await late.socket.timeout(5000).emitWithAck('fleet:watch')) as { ok: boolean }).ok).toBe(true);
    // The expired token cannot open a new socket either.
    const again = connect(`${hub.url}${NAMESPACES.console}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { protocolVersion: PROTOCOL_VERSION, token: earlyToken } });
    sockets.push(again);
    const refusal = await new Promise<unknown>((resolve) => again.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data)));
    expect(refusal).toMatchObject({ code: 'unauthorized' });

    time.advance(2 * HOUR);
    expect(await hub.realtime.sweepSessions()).toBe(1);
    expect(await late.disconnected).toBe('io server disconnect');
    expect(late.ended).toEqual([{ reason: 'expired' }]);
  });

  it('logging out ends that session’s console sockets, wherever they are open', async () => {
    const admin = await token('admin');
    await createUser(admin, 'lou');
    const lou = await token('lou');
    const other = await openConsole(await token('lou'));
    const console1 = await openConsole(lou);
    const console2 = await openConsole(lou);
    expect((await call('/api/v1/logout', { method: 'POST', token: lou })).status).toBe(200);
    expect(await console1.disconnected).toBe('io server disconnect');
    expect(await console2.disconnected).toBe('io server disconnect');
    expect(console1.ended).toEqual([{ reason: 'revoked' }]);
    expect(console2.ended).toEqual([{ reason: 'revoked' }]);
    // Another session of the same person is not logged out.
    expect(other.socket.connected).toBe(true);
  });

  it('disabling a user, changing their role or narrowing their sites ends their live consoles', async () => {
    const admin = await token('admin');
    const siteId = ((await call('/api/v1/sites', { method: 'POST', token: admin, body: { name: 'Branch' } })).body as { id: string }).id;
    const changes: Array<Record<string, unknown>> = [{ role: 'auditor' }, { tier: 1 }, { siteIds: [siteId] }, { disabled: true }];
    for (const [i, change] of changes.entries()) {
      const id = await createUser(admin, `changed${i}`, { tier: 3 });
      const live = await openConsole(await token(`changed${i}`));
      const bystander = await openConsole(admin);
      expect((await call(`/api/v1/users/${id}`, { method: 'PATCH', token: admin, body: change })).status).toBe(200);
      expect(await live.disconnected).toBe('io server disconnect');
      expect(live.ended).toEqual([{ reason: 'revoked' }]);
      expect(bystander.socket.connected).toBe(true);
    }
    // A change that does not touch access (the display name) leaves the consoles open.
    const id = await createUser(admin, 'renamed');
    const live = await openConsole(await token('renamed'));
    expect((await call(`/api/v1/users/${id}`, { method: 'PATCH', token: admin, body: { displayName: 'Renamed' } })).status).toBe(200);
    expect(await hub.realtime.sweepSessions()).toBe(0);
    expect(live.socket.connected).toBe(true);
    expect(live.ended).toEqual([]);
  });
});
