import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite, at } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { DeviceChangeRecord } from './history-types.js';

let temp: TempStore;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
});
afterEach(() => temp.cleanup());

const change = (deviceId: string, minute: number, summary = `change ${minute}`): DeviceChangeRecord => ({
  id: newId(),
  deviceId,
  at: at(minute * 60),
  section: 'software',
  kind: 'upgraded',
  summary,
  before: { name: 'X', version: '1' },
  after: null,
});

describe('device changes', () => {
  it('stores rows (more than one insert batch) and pages newest first', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    await temp.store.changes.insertMany(Array.from({ length: 250 }, (_, i) => change(device.id, i)));
    const first = await temp.store.changes.list(device.id, { limit: 3 });
    expect(first.map((c) => c.summary)).toEqual(['change 249', 'change 248', 'change 247']);
    expect(first[0]).toMatchObject({ kind: 'upgraded', before: { name: 'X', version: '1' }, after: null });
    const older = await temp.store.changes.list(device.id, { before: first[2]?.at ?? new Date(), limit: 2 });
    expect(older.map((c) => c.summary)).toEqual(['change 246', 'change 245']);
  });

  it('is rolled back with the transaction it was written in', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    await expect(
      temp.store.transaction(async (tx) => {
        await tx.changes.insertMany([change(device.id, 1)]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await temp.store.changes.list(device.id, { limit: 10 })).toEqual([]);
  });
});

describe('device links', () => {
  it('keeps a candidate, clears it, and records a merge that moves history and health', async () => {
    const old = aDevice(siteId);
    const fresh = aDevice(siteId);
    await temp.store.devices.create(old);
    await temp.store.devices.create(fresh);
    await temp.store.deviceLinks.setCandidate(fresh.id, old.id, ['serial', 'model', 'mac']);
    expect(await temp.store.deviceLinks.get(fresh.id)).toMatchObject({ candidateId: old.id, matchedOn: ['serial', 'model', 'mac'], mergedIntoId: null });
    await temp.store.changes.insertMany([change(old.id, 1), change(old.id, 2)]);
    await temp.store.health.insertMany([{ deviceId: old.id, messageId: newId(), at: at(5), metrics: { cpuPercent: 1, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 } }]);
    const moved = await temp.store.transaction(async (tx) => {
      const result = await tx.deviceLinks.moveRecords(old.id, fresh.id);
      await tx.deviceLinks.markMerged(old.id, fresh.id, at(10));
      await tx.deviceLinks.clearCandidate(fresh.id);
      return result;
    });
    expect(moved).toEqual({ changes: 2, healthSamples: 1, inventory: false });
    expect(await temp.store.changes.list(fresh.id, { limit: 10 })).toHaveLength(2);
    expect(await temp.store.deviceLinks.get(old.id)).toMatchObject({ mergedIntoId: fresh.id });
    expect((await temp.store.deviceLinks.get(fresh.id))?.candidateId).toBeNull();
  });
});

describe('device identities', () => {
  it('finds devices by identity key', async () => {
    const a = aDevice(siteId);
    const b = aDevice(siteId);
    await temp.store.devices.create(a);
    await temp.store.devices.create(b);
    await temp.store.deviceLinks.setIdentity(a.id, 'pf0abc12|20xw', ['aa:bb:cc:dd:ee:01']);
    await temp.store.deviceLinks.setIdentity(b.id, 'other|model', []);
    expect(await temp.store.deviceLinks.findByIdentity('pf0abc12|20xw')).toEqual([{ deviceId: a.id, identityKey: 'pf0abc12|20xw', macs: ['aa:bb:cc:dd:ee:01'] }]);
    await temp.store.deviceLinks.setIdentity(a.id, null, []);
    expect(await temp.store.deviceLinks.findByIdentity('pf0abc12|20xw')).toEqual([]);
  });
});
