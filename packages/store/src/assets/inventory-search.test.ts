import type { InventoryDocument } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, anInventoryDocument, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

// The fleet search reaches into the latest inventory: model, serial, user accounts, software.
let temp: TempStore;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
});
afterEach(() => temp.cleanup());

async function addDevice(hostname: string, extra: Partial<InventoryDocument> | null): Promise<string> {
  const device = aDevice(siteId, { hostname });
  await temp.store.devices.create(device);
  if (extra !== null) {
    const document: InventoryDocument = { ...anInventoryDocument(hostname), ...extra };
    await temp.store.inventory.put({ deviceId: device.id, hash: 'a'.repeat(64), document, updatedAt: T0 });
  }
  return device.id;
}

const search = async (q: string) => (await temp.store.assets.page({ q }, null, 100)).map((r) => r.device.hostname);

describe('fleet search in inventories', () => {
  beforeEach(async () => {
    await addDevice('pc-accounting', {
      system: { manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', version: null, serial: 'SN-ABC123', uuid: null, sku: null, virtual: false },
      users: { loggedIn: [{ name: 'marie.curie', session: 'console', since: null }], local: [{ name: 'Administrator', fullName: null, admin: true, disabled: false }] },
      software: [
        { name: 'Mozilla Firefox', version: '128.0', publisher: 'Mozilla', installDate: null, source: 'registry', arch: 'x64' },
        { name: '7-Zip 100%_edition', version: '23.01', publisher: null, installDate: null, source: 'registry', arch: 'x64' },
      ],
    } as Partial<InventoryDocument>);
    await addDevice('pc-reception', {
      system: { manufacturer: 'Lenovo', model: 'ThinkPad T14', version: null, serial: 'PF3XYZ', uuid: null, sku: null, virtual: false },
      software: [{ name: 'LibreOffice', version: '24.2', publisher: null, installDate: null, source: 'registry', arch: 'x64' }],
    } as Partial<InventoryDocument>);
    await addDevice('pc-no-inventory', null);
  });

  it.each([
    ['optiplex', ['pc-accounting']],
    ['sn-abc', ['pc-accounting']],
    ['MARIE', ['pc-accounting']],
    ['firefox', ['pc-accounting']],
    ['libreoffice', ['pc-reception']],
    ['thinkpad', ['pc-reception']],
    ['pc-', ['pc-accounting', 'pc-no-inventory', 'pc-reception']],
    ['nothing-like-this', []],
  ])('%s', async (q, hostnames) => {
    expect(await search(q)).toEqual(hostnames);
  });

  it('takes LIKE wildcards literally and does not match JSON keys', async () => {
    expect(await search('100%_')).toEqual(['pc-accounting']);
    expect(await search('Zip_100')).toEqual([]);
    expect(await search('manufacturer')).toEqual([]);
    expect(await search('registry')).toEqual([]);
  });

  it('searches the asset’s assigned user too', async () => {
    const [first] = await temp.store.assets.page({ q: 'pc-reception' }, null, 1);
    await temp.store.assets.put({
      deviceId: first!.device.id,
      assetTag: null,
      assignedTo: 'Jean Dupont',
      department: null,
      location: null,
      purchaseDate: null,
      supplier: null,
      warrantyEnd: null,
      notes: null,
      lifecycle: null,
      updatedAt: T0,
      updatedBy: '01J00000000000000000000001',
      updatedByName: 'Tech',
    });
    expect(await search('dupont')).toEqual(['pc-reception']);
  });
});
