import { AgentPolicySchema, PROTOCOL_VERSION } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './testing/harness.js';

describe('/agent handshake', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts the enrolled id and key, and pushes the policy and an inventory request', async () => {
    const device = await h.enrollDevice();
    const socket = h.openAgent(device);
    const policy = new Promise((resolve) => socket.once('policy:update', resolve));
    const request = new Promise((resolve) => socket.once('inventory:request', resolve));
    await h.waitConnected(socket);
    expect(await policy).toEqual({
      heartbeatSeconds: 30,
      inventorySeconds: 3600,
      inventoryIntervals: { volatileSeconds: 300, softwareSeconds: 3600, hardwareSeconds: 3600, fullSeconds: 86_400 },
    });
    expect(await request).toEqual({ reason: 'hub-has-none' });
  });

  it('pushes the inventory cadence the hub was configured with', async () => {
    const inventoryIntervals = { volatileSeconds: 600, softwareSeconds: 1800, hardwareSeconds: 1800, fullSeconds: 43_200 };
    const custom = await startHarness({ config: { inventoryIntervals } });
    try {
      const socket = custom.openAgent(await custom.enrollDevice());
      const policy = new Promise((resolve) => socket.once('policy:update', resolve));
      await custom.waitConnected(socket);
      expect(AgentPolicySchema.parse(await policy).inventoryIntervals).toEqual(inventoryIntervals);
    } finally {
      await custom.close();
    }
  });

  it.each([
    ['missing auth', () => ({}), 'invalid_payload'],
    ['mistyped fields', () => ({ protocolVersion: 'one', deviceId: 5, deviceKey: null }), 'invalid_payload'],
    ['an outdated protocol', (d: Valid) => ({ ...d, protocolVersion: 0 }), 'protocol_unsupported'],
    ['a newer protocol', (d: Valid) => ({ ...d, protocolVersion: PROTOCOL_VERSION + 1 }), 'protocol_unsupported'],
    ['a wrong key', (d: Valid) => ({ ...d, deviceKey: 'k'.repeat(43) }), 'unauthorized'],
    ['an unknown device id', (d: Valid) => ({ ...d, deviceId: '01J00000000000000000000000' }), 'unauthorized'],
  ])('refuses %s', async (_label, make: (d: Valid) => unknown, code) => {
    const device = await h.enrollDevice();
    const valid = { protocolVersion: PROTOCOL_VERSION, deviceId: device.id, deviceKey: device.key };
    expect(await h.tryAgentHandshake(make(valid))).toMatchObject({ code });
  });

  it('gives an unknown id and a wrong key the same message', async () => {
    const device = await h.enrollDevice();
    const wrongKey = await h.tryAgentHandshake({ protocolVersion: PROTOCOL_VERSION, deviceId: device.id, deviceKey: 'k'.repeat(43) });
    const unknownId = await h.tryAgentHandshake({ protocolVersion: PROTOCOL_VERSION, deviceId: '01J00000000000000000000000', deviceKey: device.key });
    expect(wrongKey).toEqual(unknownId);
  });

  it("refuses a valid key used with another device's id", async () => {
    const mine = await h.enrollDevice('mine');
    const theirs = await h.enrollDevice('theirs');
    const result = await h.tryAgentHandshake({ protocolVersion: PROTOCOL_VERSION, deviceId: theirs.id, deviceKey: mine.key });
    expect(result).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a revoked device (only to a caller holding its key)', async () => {
    const device = await h.enrollDevice();
    await h.store.devices.revoke(device.id, h.clock());
    const valid = { protocolVersion: PROTOCOL_VERSION, deviceId: device.id, deviceKey: device.key };
    expect(await h.tryAgentHandshake(valid)).toMatchObject({ code: 'revoked' });
    expect(await h.tryAgentHandshake({ ...valid, deviceKey: 'k'.repeat(43) })).toMatchObject({ code: 'unauthorized' });
  });

  it('drops the sockets of a device revoked while connected', async () => {
    const device = await h.enrollDevice();
    const socket = await h.connectAgent(device);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await h.store.devices.revoke(device.id, h.clock());
    h.realtime.deviceRevoked(device.id);
    expect(await gone).toBe('io server disconnect');
  });
});

type Valid = { protocolVersion: number; deviceId: string; deviceKey: string };
