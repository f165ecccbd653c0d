import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heartbeat, inventoryDocument, hashOf } from '../../realtime/testing/fixtures.js';
import { startHarness, until, type Harness } from '../../realtime/testing/harness.js';

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

  it('answers undefined for an unknown device', async () => {
    expect(await h.realtime.fleet.detail(newId())).toBeUndefined();
  });
});
