// The agent protocol against a real hub process: idempotent writes and bad input of every kind.
import { DeviceDetailSchema, type HandshakeErrorData, LIMITS, newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { HubRefusal, SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

let counter = 0;
const machineId = () => `protocol-test-machine-${counter++}-abcdef`;

describe('agent protocol against a real hub', () => {
  let hub: TestHub;
  let token: string;
  let agent: SimulatedAgent;

  const healthCount = async (deviceId: string) =>
    DeviceDetailSchema.parse((await hub.get(`/api/v1/devices/${deviceId}`, token)).body).health.length;

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: machineId(), hostname: 'proto-1' });
    await agent.enroll();
    await agent.connect();
  });

  afterAll(async () => {
    agent?.close();
    await hub?.cleanup();
  });

  it('stores a heartbeat re-sent with the same message id once, and answers the same', async () => {
    const id = newId();
    const metrics = simulatedMetrics();
    const sentAt = new Date().toISOString();
    const send = () => agent.socket?.timeout(10_000).emitWithAck('device:heartbeat', { id, sentAt, metrics });
    const first = await send();
    const second = await send();
    expect(first?.ok).toBe(true);
    expect(second).toEqual(first);
    expect(await healthCount(agent.deviceId)).toBe(1);
  });

  it('refuses the same message id with another payload', async () => {
    const id = newId();
    const sentAt = new Date().toISOString();
    const first = await agent.socket?.timeout(10_000).emitWithAck('device:heartbeat', { id, sentAt, metrics: simulatedMetrics() });
    expect(first?.ok).toBe(true);
    const before = await healthCount(agent.deviceId);
    const changed = { ...simulatedMetrics(), cpuPercent: 99.9 };
    const second = await agent.socket?.timeout(10_000).emitWithAck('device:heartbeat', { id, sentAt, metrics: changed });
    expect(second).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    expect(await healthCount(agent.deviceId)).toBe(before);
  });

  it.each([
    ['a payload that fails its schema', { id: 'not-an-id', sentAt: 'now', metrics: {} }],
    ['negative sizes', { id: newId(), sentAt: new Date().toISOString(), metrics: { ...simulatedMetrics(), memUsedBytes: -5 } }],
    ['a far-future timestamp', { id: newId(), sentAt: '2099-01-01T00:00:00.000Z', metrics: simulatedMetrics() }],
    ['a prototype-pollution key', JSON.parse(`{"__proto__": {"polluted": true}, "id": "${newId()}"}`) as unknown],
  ])('answers invalid_payload to %s and writes nothing', async (_label, payload) => {
    const before = await healthCount(agent.deviceId);
    const socket = agent.socket;
    if (!socket) throw new Error('not connected');
    // Deliberately untyped: a hostile agent sends whatever it likes.
    const ack: unknown = await (socket.timeout(10_000).emitWithAck as (e: string, p: unknown) => Promise<unknown>)('device:heartbeat', payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await healthCount(agent.deviceId)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown_event to an event that does not exist, and stays connected', async () => {
    const socket = agent.socket;
    if (!socket) throw new Error('not connected');
    const ack: unknown = await (socket.timeout(10_000).emitWithAck as (e: string, p: unknown) => Promise<unknown>)('device:format-disk', { id: newId() });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
  });

  it('drops a connection that sends a payload over the size limit, and stays up', async () => {
    const big = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: machineId(), hostname: 'big' });
    await big.enroll();
    await big.connect();
    const socket = big.socket;
    if (!socket) throw new Error('not connected');
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const pad = 'x'.repeat(LIMITS.socketMessageBytes + 64 * 1024);
    (socket.emit as (e: string, p: unknown) => void)('device:heartbeat', { id: newId(), sentAt: new Date().toISOString(), metrics: simulatedMetrics(), pad });
    expect(await closed).toMatch(/transport|closed/);
    expect(await healthCount(big.deviceId)).toBe(0);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('refuses enrolment with a wrong token, and quarantines a duplicate machine id', async () => {
    const wrong = new SimulatedAgent({ hubUrl: hub.url, enrollToken: 'wrong-token-wrong-token', machineId: machineId(), hostname: 'x' });
    await expect(wrong.enroll()).rejects.toBeInstanceOf(HubRefusal);
    await expect(wrong.enroll()).rejects.toMatchObject({ code: 'unauthorized' });
    // A clone is enrolled as its own record, pending approval, and may not connect (so write) until approved.
    const twin = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'protocol-test-machine-0-abcdef', hostname: 'clone' });
    await twin.enroll();
    const refused = await handshake({ protocolVersion: PROTOCOL_VERSION, deviceId: twin.deviceId, deviceKey: twin.deviceKey });
    expect(refused).toMatchObject({ code: 'pending_approval' });
  });

  const handshake = (auth: Record<string, unknown>) =>
    new Promise<HandshakeErrorData | 'connected'>((resolve) => {
      const socket = io(`${hub.url}/agent`, { auth, transports: ['websocket'], reconnection: false });
      socket.once('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.once('connect_error', (err) => resolve((err as Error & { data: HandshakeErrorData }).data));
    });

  it('refuses handshakes with missing, wrong, borrowed or outdated credentials', async () => {
    const other = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: machineId(), hostname: 'other' });
    await other.enroll();
    const valid = { protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: agent.deviceKey };
    expect(await handshake(valid)).toBe('connected');
    expect(await handshake({})).toMatchObject({ code: 'invalid_payload' });
    expect(await handshake({ ...valid, deviceKey: 'k'.repeat(43) })).toMatchObject({ code: 'unauthorized' });
    // A real key, used for another device's id.
    expect(await handshake({ ...valid, deviceId: other.deviceId })).toMatchObject({ code: 'unauthorized' });
    expect(await handshake({ ...valid, protocolVersion: 0 })).toMatchObject({ code: 'protocol_unsupported' });
  });
});
