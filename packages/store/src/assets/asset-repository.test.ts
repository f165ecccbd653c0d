import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetRecord, FleetCursor, FleetPageFilter } from '../asset-types.js';
import { aDevice, aSite, at, T0 } from '../test-support/records.js';
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

function anAsset(deviceId: string, overrides: Partial<AssetRecord> = {}): AssetRecord {
  return {
    deviceId,
    assetTag: null,
    assignedTo: null,
    department: null,
    location: null,
    purchaseDate: null,
    supplier: null,
    warrantyEnd: null,
    notes: null,
    lifecycle: null,
    updatedAt: T0,
    updatedBy: newId(),
    updatedByName: 'Tech',
    ...overrides,
  };
}

async function addDevice(hostname: string, overrides: Parameters<typeof aDevice>[1] = {}): Promise<string> {
  const device = aDevice(siteId, { hostname, ...overrides });
  await temp.store.devices.create(device);
  return device.id;
}

async function allPages(filter: FleetPageFilter, size: number): Promise<string[]> {
  const out: string[] = [];
  let after: FleetCursor | null = null;
  for (;;) {
    const page = await temp.store.assets.page(filter, after, size);
    out.push(...page.map((r) => r.device.hostname));
    const last = page.at(-1);
    if (page.length < size || last === undefined) return out;
    after = { hostname: last.device.hostname, id: last.device.id };
  }
}

describe('assets', () => {
  it('upserts asset fields and reads them back', async () => {
    const id = await addDevice('pc-1');
    expect(await temp.store.assets.get(id)).toBeUndefined();
    await temp.store.assets.put(anAsset(id, { assetTag: 'A-1', lifecycle: 'in-use' }));
    await temp.store.assets.put(anAsset(id, { assetTag: 'A-2', warrantyEnd: '2026-01-31', updatedAt: at(1000) }));
    expect(await temp.store.assets.get(id)).toEqual(anAsset(id, { assetTag: 'A-2', warrantyEnd: '2026-01-31', updatedAt: at(1000), updatedBy: expect.any(String) as string }));
    expect((await temp.store.assets.getMany([id, newId()])).get(id)?.assetTag).toBe('A-2');
  });

  it('keeps edits newest first', async () => {
    const id = await addDevice('pc-1');
    const userId = newId();
    await temp.store.assets.addEdits([
      { id: newId(), deviceId: id, field: 'assetTag', before: null, after: 'A-1', at: at(0), userId, userName: 'Ann' },
      { id: newId(), deviceId: id, field: 'assetTag', before: 'A-1', after: 'A-2', at: at(5000), userId, userName: 'Ann' },
    ]);
    const edits = await temp.store.assets.listEdits(id, 10);
    expect(edits.map((e) => e.after)).toEqual(['A-2', 'A-1']);
    expect(await temp.store.assets.listEdits(id, 1)).toHaveLength(1);
  });

  it('pages the fleet in hostname order with keyset cursors, across equal hostnames', async () => {
    const names = ['b', 'A', 'c', 'a', 'B', 'a', 'd', 'e'];
    for (const n of names) await addDevice(n);
    const revoked = await addDevice('aa');
    await temp.store.devices.revoke(revoked, at(1));
    const expected = (await temp.store.devices.list()).map((d) => d.hostname);
    expect(await allPages({}, 3)).toEqual(expected);
    expect(await allPages({}, 1)).toEqual(expected);
    expect(await temp.store.assets.count({})).toBe(names.length);
  });

  it('filters by search, department, location, lifecycle, warranty window and not-seen', async () => {
    const a = await addDevice('sales-1');
    const b = await addDevice('sales-2', { enrolledAt: at(-40 * 86_400_000) });
    const c = await addDevice('hr-1');
    await temp.store.assets.put(anAsset(a, { department: 'Sales', location: 'Paris', warrantyEnd: '2025-03-10', lifecycle: 'in-use' }));
    await temp.store.assets.put(anAsset(b, { department: 'sales', warrantyEnd: '2025-06-01', lifecycle: 'in-repair' }));
    await temp.store.devices.flushPresence([
      { deviceId: a, lastSeenAt: T0, declaredPresence: null, lastStatus: 'online' },
      { deviceId: c, lastSeenAt: at(-10 * 86_400_000), declaredPresence: null, lastStatus: 'overdue' },
    ]);
    expect(await allPages({ department: 'SALES' }, 10)).toEqual(['sales-1', 'sales-2']);
    expect(await allPages({ location: 'paris' }, 10)).toEqual(['sales-1']);
    expect(await allPages({ lifecycle: 'in-repair' }, 10)).toEqual(['sales-2']);
    expect(await allPages({ warrantyFrom: '2025-03-01', warrantyTo: '2025-03-31' }, 10)).toEqual(['sales-1']);
    expect(await allPages({ notSeenSince: at(-7 * 86_400_000) }, 10)).toEqual(['sales-2', 'hr-1'].sort());
    expect(await allPages({ q: 'HR' }, 10)).toEqual(['hr-1']);
    expect(await allPages({ deviceIds: [a, c] }, 10)).toEqual(['hr-1', 'sales-1']);
    expect(await allPages({ deviceIds: [] }, 10)).toEqual([]);
    expect(await temp.store.assets.count({ department: 'sales', warrantyTo: '2025-04-01' })).toBe(1);
    const [first] = await temp.store.assets.page({ deviceIds: [a] }, null, 1);
    expect(first?.asset?.location).toBe('Paris');
    const [none] = await temp.store.assets.page({ deviceIds: [c] }, null, 1);
    expect(none?.asset).toBeNull();
  });
});

describe('groups', () => {
  it('creates, lists, updates and deletes', async () => {
    const g = { id: newId(), name: 'Paris', kind: 'location' as const, filter: { location: 'Paris' }, createdAt: T0, updatedAt: T0 };
    await temp.store.groups.create(g);
    expect(await temp.store.groups.list()).toEqual([g]);
    expect(await temp.store.groups.update({ ...g, name: 'Paris office', updatedAt: at(1) })).toBe(true);
    expect((await temp.store.groups.findById(g.id))?.name).toBe('Paris office');
    expect(await temp.store.groups.update({ ...g, id: newId() })).toBe(false);
    expect(await temp.store.groups.delete(g.id)).toBe(true);
    expect(await temp.store.groups.delete(g.id)).toBe(false);
  });
});
