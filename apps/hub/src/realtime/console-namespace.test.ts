import { DeviceListResponseSchema, type DeviceSummary } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heartbeat } from './testing/fixtures.js';
import { startHarness, until, type Harness } from './testing/harness.js';

describe('/console', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it.each([
    ['a foreign Origin', { origin: 'http://evil.example' }, 'forbidden'],
    ['an Origin on another port', { origin: 'http://console.test:8080' }, 'forbidden'],
    ['a wrong token', { token: 'wrong-token-0123456789' }, 'unauthorized'],
    ['a token too short to be one', { token: 'short' }, 'unauthorized'],
    ['an outdated protocol', { protocolVersion: 0 }, 'protocol_unsupported'],
  ])('refuses %s', async (_label, options, code) => {
    expect(await h.tryConsoleHandshake(options)).toMatchObject({ code });
  });

  it.each([
    ['an allowed Origin', { origin: 'http://console.test' }],
    ['no Origin (a non-browser client)', {}],
  ])('accepts %s with a valid token', async (_label, options) => {
    expect(await h.tryConsoleHandshake(options)).toBe('connected');
  });

  it('accepts the page the hub itself served (same origin), whatever the list says', async () => {
    const host = new URL(h.url).host;
    expect(await h.tryConsoleHandshake({ origin: `http://${host}` })).toBe('connected');
    expect(await h.tryConsoleHandshake({ origin: 'http://evil.example' })).toMatchObject({ code: 'forbidden' });
  });

  it('answers fleet:watch with the current fleet', async () => {
    const device = await h.enrollDevice('pc-1');
    await h.connectAgent(device);
    const consoleSocket = await h.connectConsole();
    const ack = await consoleSocket.timeout(5000).emitWithAck('fleet:watch');
    expect(ack.ok).toBe(true);
    const devices = ack.ok ? ack.data.devices : [];
    expect(devices).toEqual([expect.objectContaining({ id: device.id, hostname: 'pc-1', status: 'online' })]);
    expect(() => DeviceListResponseSchema.parse({ devices })).not.toThrow();
  });

  it('coalesces many changes into one devices:changed with the latest state', async () => {
    const consoleSocket = await h.connectConsole();
    await consoleSocket.timeout(5000).emitWithAck('fleet:watch');
    const batches: DeviceSummary[][] = [];
    consoleSocket.on('devices:changed', ({ devices }) => batches.push(devices));

    const devices = await Promise.all(Array.from({ length: 12 }, (_, i) => h.enrollDevice(`pc-${i}`)));
    const agents = await Promise.all(devices.map((d) => h.connectAgent(d)));
    await Promise.all(agents.map((a) => a.timeout(5000).emitWithAck('device:heartbeat', heartbeat())));
    agents[0]?.disconnect();
    await until(async () => (await h.metrics.render()).includes('deskside_agents_connected 11'), 'one agent gone');

    await h.realtime.settle();
    await until(() => batches.length > 0, 'a feed message');
    await h.realtime.settle();
    expect(batches).toHaveLength(1);
    const batch = batches[0] ?? [];
    expect(batch).toHaveLength(12);
    expect(batch.find((d) => d.id === devices[0]?.id)?.status).toBe('unreachable');
    expect(batch.filter((d) => d.status === 'online')).toHaveLength(11);
  });

  it('sends nothing to consoles that are not watching', async () => {
    const consoleSocket = await h.connectConsole();
    let received = 0;
    consoleSocket.on('devices:changed', () => received++);
    await h.connectAgent(await h.enrollDevice());
    await h.realtime.settle();
    // A watcher that joins afterwards proves the feed round-trip has happened by then.
    const watcher = await h.connectConsole();
    await watcher.timeout(5000).emitWithAck('fleet:watch');
    expect(received).toBe(0);
  });

  it('tells watchers a revoked device is gone', async () => {
    const device = await h.enrollDevice();
    await h.connectAgent(device);
    const consoleSocket = await h.connectConsole();
    await consoleSocket.timeout(5000).emitWithAck('fleet:watch');
    const removed = new Promise((resolve) => consoleSocket.once('devices:removed', resolve));
    await h.store.devices.revoke(device.id, h.clock());
    h.realtime.deviceRevoked(device.id);
    await h.realtime.settle();
    expect(await removed).toEqual({ ids: [device.id] });
  });

  it('answers unknown_event on the console namespace too', async () => {
    const consoleSocket = await h.connectConsole();
    const ack = await (consoleSocket.timeout(5000).emitWithAck as (e: string) => Promise<unknown>)('device:delete-all');
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    expect(consoleSocket.connected).toBe(true);
  });
});
