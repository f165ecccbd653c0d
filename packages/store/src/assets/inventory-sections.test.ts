import type { InventoryDocument } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, anInventoryDocument, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
});
afterEach(() => temp.cleanup());

async function withInventory(document: InventoryDocument): Promise<string> {
  const device = aDevice(siteId);
  await temp.store.devices.create(device);
  await temp.store.inventory.put({ deviceId: device.id, hash: 'a'.repeat(64), document, updatedAt: T0 });
  return device.id;
}

const disks = [{ device: '/dev/sda', model: 'SSD', serial: 'S1', sizeBytes: 1_000, type: 'SSD', interface: 'SATA', smartStatus: 'ok' }];
const software = [{ name: 'App "1"', version: '1.0', publisher: null, installDate: null, source: 'dpkg', arch: null }];

describe('inventorySections', () => {
  it('answers only the sections asked for, as parsed JSON, and leaves out the ones a document lacks', async () => {
    const full = await withInventory({ ...anInventoryDocument(), disks, software } as InventoryDocument);
    const bare = await withInventory(anInventoryDocument());
    const noInventory = aDevice(siteId);
    await temp.store.devices.create(noInventory);

    const got = await temp.store.assets.inventorySections([full, bare, noInventory.id], ['disks', 'software']);
    expect(got.get(full)).toEqual({ disks, software });
    expect(got.get(bare)).toEqual({});
    expect(got.has(noInventory.id)).toBe(false);
    expect(Object.keys(got.get(full) ?? {})).not.toContain('os');
  });

  it('keeps a section that is not an object (a bad document) as the JSON value it is, for the caller to reject', async () => {
    const odd = await withInventory({ ...anInventoryDocument(), disks: 'not a list' } as unknown as InventoryDocument);
    expect((await temp.store.assets.inventorySections([odd], ['disks'])).get(odd)).toEqual({ disks: 'not a list' });
  });

  it('answers every device of a list longer than one statement may bind', async () => {
    const ids: string[] = [];
    await temp.store.transaction(async (tx) => {
      for (let i = 0; i < 1_200; i++) {
        const device = aDevice(siteId);
        await tx.devices.create(device);
        await tx.inventory.put({ deviceId: device.id, hash: 'a'.repeat(64), document: { ...anInventoryDocument(), disks } as InventoryDocument, updatedAt: T0 });
        ids.push(device.id);
      }
    });
    const got = await temp.store.assets.inventorySections(ids, ['disks']);
    expect(got.size).toBe(1_200);
  });

  it('asks nothing for no sections or no devices', async () => {
    const id = await withInventory(anInventoryDocument());
    expect((await temp.store.assets.inventorySections([id], [])).size).toBe(0);
    expect((await temp.store.assets.inventorySections([], ['disks'])).size).toBe(0);
  });
});
