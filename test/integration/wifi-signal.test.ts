// The Wi-Fi signal end to end: a wireless agent's heartbeats carry it, the hub stores it with the
// sample, and the device detail the console reads gives it back; a bad one changes nothing.
import { DeviceDetailSchema, newId } from '@deskside/protocol';
import { SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('Wi-Fi signal in heartbeats, against a real hub', () => {
  let hub: TestHub;
  let token: string;
  let agent: SimulatedAgent;

  const health = async () => DeviceDetailSchema.parse((await hub.get(`/api/v1/devices/${agent.deviceId}`, token)).body).health;

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'wifi-signal-test-machine-abcdef', hostname: 'laptop-wifi' });
    await agent.enroll();
    await agent.connect();
  });

  afterAll(async () => {
    agent?.close();
    await hub?.cleanup();
  });

  it('keeps a link, "no link" and an older agent\'s sample apart', async () => {
    const t0 = Date.now() - 3 * 60_000;
    const beat = (minute: number, wifi: unknown) => {
      const base = simulatedMetrics();
      const metrics = wifi === undefined ? base : { ...base, wifi };
      return agent.socket?.timeout(10_000).emitWithAck('device:heartbeat', { id: newId(), sentAt: new Date(t0 + minute * 60_000).toISOString(), metrics: metrics as typeof base });
    };
    expect((await beat(0, { signalDbm: -67, qualityPercent: 66 }))?.ok).toBe(true);
    expect((await beat(1, null))?.ok).toBe(true);
    expect((await beat(2, undefined))?.ok).toBe(true);
    expect((await agent.heartbeat(simulatedMetrics(Math.random, { wireless: true }))).ok).toBe(true);

    const points = await health();
    expect(points).toHaveLength(4);
    const byTime = [...points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    expect(byTime[0]?.wifi).toEqual({ signalDbm: -67, qualityPercent: 66 });
    expect(byTime[1]?.wifi).toBeNull();
    expect(byTime[2]).not.toHaveProperty('wifi');
    expect(byTime[3]?.wifi?.signalDbm).toBeGreaterThanOrEqual(-80);
  });

  it.each([
    ['a positive dBm', { signalDbm: 12, qualityPercent: 100 }],
    ['a quality past 100 %', { signalDbm: -40, qualityPercent: 250 }],
    ['a string', 'excellent'],
  ])('answers invalid_payload to a Wi-Fi link with %s and writes nothing', async (_label, wifi) => {
    const before = (await health()).length;
    const socket = agent.socket;
    if (!socket) throw new Error('not connected');
    const payload = { id: newId(), sentAt: new Date().toISOString(), metrics: { ...simulatedMetrics(), wifi } };
    const ack: unknown = await (socket.timeout(10_000).emitWithAck as (e: string, p: unknown) => Promise<unknown>)('device:heartbeat', payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((await health()).length).toBe(before);
  });
});
