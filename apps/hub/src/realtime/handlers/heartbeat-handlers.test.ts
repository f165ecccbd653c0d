import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heartbeat, metrics } from '../testing/fixtures.js';
import { startHarness, type AgentClient, type Harness, type TestDevice } from '../testing/harness.js';

/** Sends anything under any event name: a hostile agent is not bound by the typed event map. */
function raw(socket: AgentClient, event: string, ...args: unknown[]): Promise<unknown> {
  return (socket.timeout(5000).emitWithAck as (e: string, ...a: unknown[]) => Promise<unknown>)(event, ...args);
}

describe('device:heartbeat', () => {
  let h: Harness;
  let device: TestDevice;
  let socket: AgentClient;
  const samples = async (id = device.id) => (await h.store.health.recent(id, new Date(0), 1000)).length;

  beforeEach(async () => {
    h = await startHarness();
    device = await h.enrollDevice();
    socket = await h.connectAgent(device);
  });
  afterEach(async () => {
    await h.close();
  });

  it('commits the sample, then acks with the receipt time', async () => {
    const ack = await socket.timeout(5000).emitWithAck('device:heartbeat', heartbeat());
    expect(ack).toEqual({ ok: true, data: { receivedAt: h.clock().toISOString() } });
    expect(await samples()).toBe(1);
    const rendered = await h.metrics.render();
    expect(rendered).toMatch(/deskside_heartbeats_acked_total 1/);
    expect(rendered).toMatch(/deskside_agents_connected 1/);
    expect(rendered).toMatch(/deskside_agent_ack_duration_seconds_count\{event="device:heartbeat"\} 1/);
  });

  it("keeps the agent's sample time for a backlog sent after an absence, but never a time after receipt", async () => {
    const hoursAgo = (h2: number) => new Date(h.clock().getTime() - h2 * 3600_000).toISOString();
    expect((await socket.timeout(5000).emitWithAck('device:heartbeat', { ...heartbeat(), sentAt: hoursAgo(5) })).ok).toBe(true);
    const ahead = new Date(h.clock().getTime() + 3600_000).toISOString();
    expect((await socket.timeout(5000).emitWithAck('device:heartbeat', { ...heartbeat(), sentAt: ahead })).ok).toBe(true);
    const stored = (await h.store.health.recent(device.id, new Date(0), 10)).map((s) => s.at.toISOString()).sort();
    expect(stored).toEqual([hoursAgo(5), h.clock().toISOString()]);
  });

  it('stores a heartbeat re-sent with the same id once and answers the same', async () => {
    const hb = heartbeat();
    const first = await socket.timeout(5000).emitWithAck('device:heartbeat', hb);
    h.clock.advance(1000);
    const second = await socket.timeout(5000).emitWithAck('device:heartbeat', hb);
    expect(second).toEqual(first);
    expect(await samples()).toBe(1);
  });

  it('dedupes the same id twice inside one batch', async () => {
    const hb = heartbeat();
    const [a, b] = await Promise.all([
      socket.timeout(5000).emitWithAck('device:heartbeat', hb),
      socket.timeout(5000).emitWithAck('device:heartbeat', hb),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(b).toEqual(a);
    expect(await samples()).toBe(1);
  });

  it('refuses the same id with another payload, and writes nothing', async () => {
    const hb = heartbeat();
    await socket.timeout(5000).emitWithAck('device:heartbeat', hb);
    const ack = await socket.timeout(5000).emitWithAck('device:heartbeat', { ...hb, metrics: metrics({ cpuPercent: 99 }) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    expect(await samples()).toBe(1);
  });

  it.each([
    ['a bad id', { ...heartbeat(), id: 'nope' }],
    ['a negative size', { ...heartbeat(), metrics: { ...metrics(), memUsedBytes: -1 } }],
    ['a timestamp two days ahead', heartbeat({ sentAt: new Date(Date.now() + 48 * 3600_000).toISOString() })],
    ['a timestamp before 2000', heartbeat({ sentAt: '1999-12-31T23:59:59.000Z' })],
    ['no payload at all', undefined],
  ])('answers invalid_payload to %s and writes nothing', async (_label, payload) => {
    const ack = await raw(socket, 'device:heartbeat', payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await samples()).toBe(0);
    expect(await h.metrics.render()).toMatch(/deskside_rejected_payloads_total\{[^}]*\} 1/);
  });

  it('drops a heartbeat sent without an ack callback', async () => {
    (socket.emit as (e: string, p: unknown) => void)('device:heartbeat', heartbeat());
    // The next acked heartbeat is processed after the first; only it is stored.
    await socket.timeout(5000).emitWithAck('device:heartbeat', heartbeat());
    expect(await samples()).toBe(1);
  });

  it('answers unknown_event to an event the protocol lacks, and stays connected', async () => {
    expect(await raw(socket, 'device:format-disk', { id: newId() })).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    (socket.emit as (e: string) => void)('no-ack-either');
    expect(socket.connected).toBe(true);
    expect((await socket.timeout(5000).emitWithAck('device:heartbeat', heartbeat())).ok).toBe(true);
    expect(await h.metrics.render()).toMatch(/deskside_unknown_events_total 2/);
  });

  it('answers rate_limited past the burst, then recovers as tokens refill', async () => {
    const acks = await Promise.all(Array.from({ length: 70 }, () => socket.timeout(5000).emitWithAck('device:heartbeat', heartbeat())));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(limited).toHaveLength(10);
    expect(await samples()).toBe(60);
    h.clock.advance(1000);
    expect((await socket.timeout(5000).emitWithAck('device:heartbeat', heartbeat())).ok).toBe(true);
  });

  it("writes under the socket's device, whatever the payload claims", async () => {
    const other = await h.enrollDevice('other');
    const ack = await raw(socket, 'device:heartbeat', { ...heartbeat(), deviceId: other.id });
    expect(ack).toMatchObject({ ok: true });
    expect(await samples(other.id)).toBe(0);
    expect(await samples(device.id)).toBe(1);
  });

  it('acks every agent of a burst, each under its own device', async () => {
    const devices = await Promise.all(Array.from({ length: 5 }, () => h.enrollDevice()));
    const agents = await Promise.all(devices.map((d) => h.connectAgent(d)));
    const acks = await Promise.all(agents.map((a) => a.timeout(5000).emitWithAck('device:heartbeat', heartbeat())));
    expect(acks.every((a) => a.ok)).toBe(true);
    for (const d of devices) expect(await samples(d.id)).toBe(1);
  });
});
