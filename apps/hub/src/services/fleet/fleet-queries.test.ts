import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heartbeat, inventoryDocument, hashOf } from '../../realtime/testing/fixtures.js';
import { startHarness, until, type Harness } from '../../realtime/testing/harness.js';
import { HEALTH_MAX_POINTS } from './fleet-queries.js';

const DAY = 24 * 3600_000;

describe('fleet queries', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('lists devices with live status, filtered by text and status', async () => {
    const live = await h.enrollDevice('accounting-01');
    const gone = await h.enrollDevice('reception-01');
    const agent = await h.connectAgent(live);
    const other = await h.connectAgent(gone);
    other.disconnect();
    await until(async () => (await h.realtime.fleet.list({ status: 'unreachable' })).length === 1, 'one unreachable');

    expect((await h.realtime.fleet.list({})).map((d) => d.hostname).sort()).toEqual(['accounting-01', 'reception-01']);
    expect((await h.realtime.fleet.list({ q: 'ACCOUNT' })).map((d) => d.id)).toEqual([live.id]);
    expect((await h.realtime.fleet.list({ status: 'online' })).map((d) => d.id)).toEqual([live.id]);
    expect((await h.realtime.fleet.list({ status: 'unreachable' })).map((d) => d.id)).toEqual([gone.id]);
    expect(await h.realtime.fleet.list({ siteIds: [newId()] })).toEqual([]);
    agent.disconnect();
  });

  it('pages the list: SQL order and count by hostname, any other order from one walk, totals stated', async () => {
    const names = ['pc-10', 'pc-2', 'pc-9', 'PC-1'];
    for (const n of names) await h.enrollDevice(n);
    const first = await h.realtime.fleet.page({ limit: 2 });
    expect(first.total).toBe(4);
    expect(first.devices.map((d) => d.hostname)).toEqual(['PC-1', 'pc-10']);
    expect((await h.realtime.fleet.page({ limit: 2, offset: 2 })).devices.map((d) => d.hostname)).toEqual(['pc-2', 'pc-9']);
    const desc = await h.realtime.fleet.page({ limit: 3, sort: 'hostname', order: 'desc' });
    expect(desc).toMatchObject({ total: 4 });
    expect(desc.devices.map((d) => d.hostname)).toEqual(['pc-10', 'pc-9', 'pc-2']);
    expect(await h.realtime.fleet.page({ limit: 5, q: 'pc-9' })).toMatchObject({ total: 1, devices: [{ hostname: 'pc-9' }] });
    expect(await h.realtime.fleet.page({ limit: 5, status: 'online' })).toEqual({ devices: [], total: 0 });
  });

  it('details a device with its inventory and the last day of health, oldest first', async () => {
    const device = await h.enrollDevice();
    const agent = await h.connectAgent(device);
    const doc = inventoryDocument();
    await agent.timeout(5000).emitWithAck('inventory:full', { id: newId(), hash: hashOf(doc), document: doc });
    // Samples keep the agent's own time, so each heartbeat is stamped on the test's clock.
    const beat = () => agent.timeout(5000).emitWithAck('device:heartbeat', heartbeat({ sentAt: h.clock().toISOString() }));
    await beat();
    h.clock.advance(23 * 3600_000);
    await beat();
    h.clock.advance(2 * 3600_000);
    await beat();

    const detail = await h.realtime.fleet.detail(device.id);
    expect(detail?.inventory).toEqual(doc);
    expect(detail?.inventoryHash).toBe(hashOf(doc));
    expect(detail?.os).toBe('Ubuntu 22.04.4 LTS');
    // The first sample is 25 h old now: outside the window.
    expect(detail?.health).toHaveLength(2);
    const times = detail?.health.map((p) => p.at) ?? [];
    expect([...times].sort()).toEqual(times);
    expect(detail?.lastSeen).toBe(h.clock().toISOString());
  });

  it('covers the whole last day with at most 500 averaged points when a day of 30 s samples is stored', async () => {
    const device = await h.enrollDevice();
    const now = h.clock().getTime();
    // 2,880 samples: one every 30 s over the last 24 h, CPU cycling 0, 30, 60 (mean 30).
    const samples = Array.from({ length: 2880 }, (_, i) => ({
      deviceId: device.id,
      messageId: newId(),
      at: new Date(now - DAY + 30_000 + i * 30_000),
      metrics: { cpuPercent: (i % 3) * 30, memUsedBytes: 2000, memTotalBytes: 4000, diskUsedBytes: 10, diskTotalBytes: 100, uptimeSeconds: i },
    }));
    await h.store.health.insertMany(samples);

    const health = (await h.realtime.fleet.detail(device.id))?.health ?? [];
    expect(health.length).toBeLessThanOrEqual(HEALTH_MAX_POINTS);
    expect(health.length).toBeGreaterThan(400);
    const first = Date.parse(health[0]?.at ?? '');
    const last = Date.parse(health[health.length - 1]?.at ?? '');
    // The first point is within one 3-minute bucket of the window's start, the last is the latest sample.
    expect(first - (now - DAY)).toBeLessThanOrEqual(3 * 60_000 + 30_000);
    expect(last).toBe(now);
    const mean = health.reduce((sum, p) => sum + p.cpuPercent, 0) / health.length;
    expect(mean).toBeGreaterThan(29);
    expect(mean).toBeLessThan(31);
    expect(health.every((p) => p.memUsedBytes === 2000 && p.diskUsedBytes === 10)).toBe(true);
  });

  it('answers undefined for an unknown device', async () => {
    expect(await h.realtime.fleet.detail(newId())).toBeUndefined();
  });
});
