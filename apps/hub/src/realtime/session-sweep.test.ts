import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId, ok, type SessionEnded } from '@deskside/protocol';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogger, fakeClock, tempStore } from '../test-support/temp.js';
import { authenticateToken, createSession } from '../services/auth/session.js';
import { sessionStatus } from '../services/auth/session-status.js';
import { sessionRoom } from './access-rooms.js';
import type { ConsoleNamespace } from './context.js';
import type { ConsoleClient } from './testing/harness.js';
import { createSessionSweeper, type SessionSweeper } from './session-sweep.js';

const HOUR = 3_600_000;

// The sweeper on a real /console namespace (real sockets, real SQLite sessions), authenticated
// the way the hub does it, with a clock the test moves.
describe('session sweeper', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let time: ReturnType<typeof fakeClock>;
  let http: HttpServer;
  let io: Server;
  let url: string;
  let sweeper: SessionSweeper;
  let log: ReturnType<typeof captureLogger>;
  let userId: string;
  let storeDown = false;
  /** Runs inside the handshake, after the token was accepted (to stage races). */
  let afterAuth: (sessionId: string) => Promise<void> = async () => undefined;
  const clients: ConsoleClient[] = [];
  const deps = () => ({ store: temp.store, clock: time.clock });

  beforeEach(async () => {
    temp = await tempStore();
    time = fakeClock();
    log = captureLogger();
    userId = newId();
    await temp.store.users.create({ id: userId, username: 'wall', displayName: 'Wall screen', role: 'technician', passwordHash: 'x', createdAt: time.clock(), disabledAt: null });
    http = createServer();
    io = new Server(http);
    const consoles = io.of('/console') as unknown as ConsoleNamespace;
    consoles.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      void authenticateToken(deps(), typeof token === 'string' ? token : '').then(async (who) => {
        if (!who) return next(new Error('unauthorized'));
        socket.data = who;
        await afterAuth(who.sessionId);
        next();
      });
    });
    consoles.on('connection', (socket) => {
      void socket.join(sessionRoom(socket.data.sessionId));
      socket.on('fleet:watch', (ack: unknown) => {
        if (typeof ack === 'function') (ack as (a: unknown) => void)(ok({ devices: [] }));
      });
    });
    sweeper = createSessionSweeper({
      consoles,
      status: (id) => (storeDown ? Promise.reject(new Error('store unreachable')) : sessionStatus(deps(), id)),
      prune: () => temp.store.sessions.deleteExpired(time.clock()),
      clock: time.clock,
      logger: log.logger,
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/console`;
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    storeDown = false;
    afterAuth = async () => undefined;
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    await temp.cleanup();
  });

  const login = async (hours = 12) => createSession({ ...deps(), sessionHours: hours, newId: () => newId() }, userId);
  const open = async (token: string) => {
    const socket: ConsoleClient = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    clients.push(socket);
    const ended: SessionEnded[] = [];
    socket.on('session:ended', (payload) => void ended.push(payload));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    // A round trip: the hub's connection-time check has answered by the time the ack is back.
    await socket.timeout(2000).emitWithAck('fleet:watch');
    return { socket, ended, disconnected };
  };

  it('ends an expired session’s sockets with reason expired and leaves a live session alone', async () => {
    const early = await login(1);
    const late = await login(12);
    const a = await open(early.token);
    const b = await open(early.token);
    const live = await open(late.token);
    expect(await sweeper.sweep()).toBe(0);
    time.advance(HOUR);
    expect(await sweeper.sweep()).toBe(2);
    expect(await a.disconnected).toBe('io server disconnect');
    expect(await b.disconnected).toBe('io server disconnect');
    expect(a.ended).toEqual([{ reason: 'expired' }]);
    expect(b.ended).toEqual([{ reason: 'expired' }]);
    expect(live.socket.connected).toBe(true);
    expect(await live.socket.timeout(2000).emitWithAck('fleet:watch')).toEqual({ ok: true, data: { devices: [] } });
    expect(live.ended).toEqual([]);
    expect(log.text()).not.toContain(early.token);
  });

  it('enforces a learnt expiry with the store unreachable', async () => {
    const s = await login(1);
    const c = await open(s.token);
    storeDown = true;
    expect(await sweeper.sweep()).toBe(0);
    expect(c.socket.connected).toBe(true);
    expect(log.text()).toContain('could not check some sessions');
    time.advance(HOUR);
    expect(await sweeper.sweep()).toBe(1);
    expect(await c.disconnected).toBe('io server disconnect');
    expect(c.ended).toEqual([{ reason: 'expired' }]);
  });

  it('refuses an event from an expired session before any sweep, telling it why first', async () => {
    const s = await login(1);
    const c = await open(s.token);
    time.advance(HOUR);
    const order: string[] = [];
    c.socket.on('session:ended', () => void order.push('ended'));
    const answer = await c.socket.timeout(2000).emitWithAck('fleet:watch');
    order.push('ack');
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(order).toEqual(['ended', 'ack']);
    expect(await c.disconnected).toBe('io server disconnect');
  });

  it('ends sockets whose session was revoked or whose user was disabled without a broadcast reaching this hub', async () => {
    const s1 = await login();
    const s2 = await login();
    const c1 = await open(s1.token);
    const c2 = await open(s2.token);
    await temp.store.sessions.revoke(s1.sessionId, time.clock());
    expect(await sweeper.sweep()).toBe(1);
    expect(await c1.disconnected).toBe('io server disconnect');
    expect(c1.ended).toEqual([{ reason: 'revoked' }]);
    expect(c2.socket.connected).toBe(true);
    await temp.store.users.update(userId, { disabledAt: time.clock() });
    expect(await sweeper.sweep()).toBe(1);
    expect(await c2.disconnected).toBe('io server disconnect');
    expect(c2.ended).toEqual([{ reason: 'revoked' }]);
  });

  it('checks a socket as it connects: a revocation between its token check and its room join still ends it', async () => {
    const s = await login();
    afterAuth = async (sessionId) => {
      await temp.store.sessions.revoke(sessionId, time.clock());
      // The broadcast the revoke path sends, before this socket is in its session room: missed.
      io.of('/console').to(sessionRoom(sessionId)).emit('session:ended', { reason: 'revoked' });
    };
    const socket: ConsoleClient = connect(url, { auth: { token: s.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    clients.push(socket);
    const ended = new Promise<SessionEnded>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await ended).toEqual({ reason: 'revoked' });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('does not run two sweeps at once', async () => {
    const s = await login();
    await open(s.token);
    const first = sweeper.sweep();
    expect(sweeper.sweep()).toBe(first);
    await first;
    await sweeper.idle();
  });

  it('prunes expired sessions from the store, and only those', async () => {
    const old = await login(1);
    const current = await login(12);
    time.advance(HOUR + 1);
    expect(await sweeper.prune()).toBe(1);
    expect(await temp.store.sessions.findById(old.sessionId)).toBeUndefined();
    expect(await temp.store.sessions.findById(current.sessionId)).toBeDefined();
  });
});
