// What an outside audit broke, re-run against the real hub process with real clients: the login
// lockout under hundreds of simultaneous guesses (password and TOTP, per account and per address),
// merge as an unaudited revoke, and junk /agent handshakes starving real agents.
import { type HandshakeErrorData, newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { SimulatedAgent } from '@deskside/simulator';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../apps/hub/src/services/auth/totp.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { jsonFrom } from '../support/http-from.js';

const PASSWORD = 'victim-password-0123456';

describe('round-two audit against a real hub', () => {
  let hub: TestHub;
  let admin: string;
  const api = (method: string, pathname: string, token: string, body?: unknown) => jsonFrom('127.0.0.1', hub.url + pathname, method, body, token);
  const login = (from: string, username: string, password: string, totp?: string) =>
    jsonFrom(from, `${hub.url}/api/v1/login`, 'POST', { username, password, ...(totp ? { totp } : {}) });
  const createUser = async (username: string, role: 'technician' | 'admin', extra: Record<string, unknown> = {}) => {
    const res = await api('POST', '/api/v1/users', admin, { username, displayName: username, password: PASSWORD, role, ...extra });
    expect(res.status).toBe(201);
  };
  /** How many of `attempts` were actually checked (answered 200 or 401), and how many were refused unchecked. */
  const tally = (answers: Array<{ status: number }>) => ({
    checked: answers.filter((a) => a.status === 200 || a.status === 401).length,
    refused: answers.filter((a) => a.status === 429).length,
  });

  beforeAll(async () => {
    // A small connect budget, so that junk handshakes would have spent it on the old hub.
    hub = await startHub(['--agent-connect-rate', '40']);
    admin = await hub.login();
  });
  afterAll(async () => {
    await hub?.cleanup();
  });

  it('checks at most 10 of 400 simultaneous password guesses on one account, the right one included', async () => {
    await createUser('victim', 'technician', { tier: 1 });
    const guesses = Array.from({ length: 400 }, (_, i) => (i === 399 ? PASSWORD : `guess-${i}`));
    // 400 guesses from 200 addresses: 2 each, far below the per-address limit.
    const answers = await Promise.all(guesses.map((g, i) => login(`127.0.1.${(i % 200) + 1}`, 'victim', g)));
    expect(tally(answers).checked).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 429).every((a) => (a.body['error'] as { code: string }).code === 'locked')).toBe(true);
    // The lock holds afterwards, for the right password too.
    expect((await login('127.0.1.250', 'victim', PASSWORD)).status).toBe(429);
  });

  it('checks at most 10 of 400 simultaneous TOTP codes for an account whose password is known', async () => {
    await createUser('tess', 'technician', { tier: 1 });
    const session = (await login('127.0.2.1', 'tess', PASSWORD)).body['token'] as string;
    const secret = (await api('POST', '/api/v1/me/totp', session)).body['secret'] as string;
    expect((await api('POST', '/api/v1/me/totp/confirm', session, { code: totpCode(secret, totpStep(new Date())) })).status).toBe(200);
    const codes = Array.from({ length: 400 }, (_, i) => String((i * 7919) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(codes.map((c, i) => login(`127.0.2.${(i % 200) + 2}`, 'tess', PASSWORD, c)));
    expect(tally(answers).checked).toBeLessThanOrEqual(10);
    expect(tally(answers).refused).toBeGreaterThanOrEqual(390);
  });

  it('checks at most 50 of 300 simultaneous guesses from one address spraying many accounts', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => login('127.0.3.1', `sprayed-${i}`, 'Winter2026!')));
    expect(tally(answers).checked).toBeLessThanOrEqual(50);
    expect(answers.filter((a) => a.status === 429).every((a) => (a.body['error'] as { code: string }).code === 'rate_limited')).toBe(true);
  });

  it('merges devices only through the admin revoke: refused to technicians, audited, live socket dropped', async () => {
    const agents = ['old', 'new'].map((n) => new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `merge-${n}-${newId()}`, hostname: `PC-${n}` }));
    for (const a of agents) {
      await a.enroll();
      await a.connect();
    }
    const [old, kept] = agents;
    if (!old?.socket || !kept) throw new Error('agents not connected');
    await createUser('tier3', 'technician', { tier: 3 });
    const tech = (await login('127.0.4.1', 'tier3', PASSWORD)).body['token'] as string;
    expect((await api('POST', `/api/v1/devices/${old.deviceId}/merge`, tech, { intoId: kept.deviceId })).status).toBe(403);
    const dropped = new Promise<string>((resolve) => old.socket?.once('disconnect', resolve));
    expect((await api('POST', `/api/v1/devices/${old.deviceId}/merge`, admin, { intoId: kept.deviceId })).status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    const entries = (await api('GET', '/api/v1/audit?limit=20', admin)).body['entries'] as Array<{ action: string; target: string }>;
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'device.merge', target: `device:${old.deviceId}` })]));
    for (const a of agents) a.close();
  });

  it('lets every real agent in while 600 junk handshakes pour in', async () => {
    const real = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `real-${i}-${newId()}`, hostname: `REAL-${i}` });
        await agent.enroll();
        return agent;
      }),
    );
    const handshake = (auth: unknown) =>
      new Promise<HandshakeErrorData | 'connected'>((resolve) => {
        const s = io(`${hub.url}/agent`, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
        s.once('connect', () => {
          resolve('connected');
          setTimeout(() => s.disconnect(), 2000);
        });
        s.once('connect_error', (err) => {
          resolve((err as Error & { data: HandshakeErrorData }).data);
          s.close();
        });
      });
    const someId = real[0]?.deviceId ?? newId();
    const junk = Array.from({ length: 600 }, (_, i) => handshake({ protocolVersion: PROTOCOL_VERSION, deviceId: i % 2 ? someId : newId(), deviceKey: `junk-${i}`.padEnd(43, 'x') }));
    const answers = await Promise.all(real.map((a) => handshake({ protocolVersion: PROTOCOL_VERSION, deviceId: a.deviceId, deviceKey: a.deviceKey })));
    const junkAnswers = await Promise.all(junk);
    expect(junkAnswers.filter((a) => a === 'connected')).toEqual([]);
    expect(answers.filter((a) => a !== 'connected')).toEqual([]);
  });
});
