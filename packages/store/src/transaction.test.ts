import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aMetricsSample, aSite, T0 } from './test-support/records.js';
import { openTempStore, type TempStore } from './test-support/temp-store.js';
import { openStore } from './open-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

describe('store.transaction', () => {
  it('commits every write when fn resolves, and answers its value', async () => {
    const site = aSite();
    const device = aDevice(site.id);
    const answer = await temp.store.transaction(async (tx) => {
      await tx.sites.create(site);
      await tx.devices.create(device);
      await tx.health.insertMany([{ deviceId: device.id, messageId: 'm1', at: T0, metrics: aMetricsSample() }]);
      await tx.settings.set('k', 'v');
      return 42;
    });
    expect(answer).toBe(42);
    // Seen from another connection: it is on disk, not only in this connection's view.
    const other = await openStore(temp.options);
    try {
      expect(await other.sites.findById(site.id)).toEqual(site);
      expect(await other.devices.findById(device.id)).toBeDefined();
      expect(await other.health.recent(device.id, T0, 10)).toHaveLength(1);
      expect(await other.settings.get('k')).toBe('v');
    } finally {
      await other.close();
    }
  });

  it('rolls everything back when fn throws, and rethrows the error', async () => {
    const site = aSite();
    const device = aDevice(site.id);
    const boom = new Error('boom');
    await expect(
      temp.store.transaction(async (tx) => {
        await tx.sites.create(site);
        await tx.devices.create(device);
        await tx.devices.flushPresence([
          { deviceId: device.id, lastSeenAt: T0, declaredPresence: null, lastStatus: 'online' },
        ]);
        await tx.inventory.put({
          deviceId: device.id,
          hash: 'f'.repeat(64),
          document: { schemaVersion: 1, collectedAt: T0.toISOString(), agentVersion: '0.1.0', probes: [] },
          updatedAt: T0,
        });
        await tx.messages.putMany([
          { deviceId: device.id, messageId: 'm1', kind: 'heartbeat', payloadHash: 'x', result: null, processedAt: T0 },
        ]);
        await tx.settings.set('k', 'v');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await temp.store.sites.list()).toEqual([]);
    expect(await temp.store.devices.findById(device.id)).toBeUndefined();
    expect(await temp.store.inventory.get(device.id)).toBeUndefined();
    expect(await temp.store.messages.get(device.id, 'm1')).toBeUndefined();
    expect(await temp.store.settings.get('k')).toBeUndefined();
  });

  it('rolls back when a statement inside fails, and the store stays usable', async () => {
    const site = aSite();
    await temp.store.sites.create(site);
    await expect(
      temp.store.transaction(async (tx) => {
        await tx.settings.set('half', 'done');
        await tx.sites.create(site); // duplicate primary key
      }),
    ).rejects.toThrow(/unique/i);
    expect(await temp.store.settings.get('half')).toBeUndefined();
    await temp.store.settings.set('after', 'ok');
    expect(await temp.store.settings.get('after')).toBe('ok');
  });
});
