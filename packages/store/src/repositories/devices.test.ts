import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { DeviceRecord, NewDevice, PresenceFlush } from '../types.js';

let temp: TempStore;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
});
afterEach(() => temp.cleanup());

function freshRecord(device: NewDevice): DeviceRecord {
  return {
    ...device,
    lastSeenAt: null,
    declaredPresence: null,
    lastStatus: null,
    inventoryHash: null,
    inventoryUpdatedAt: null,
    revokedAt: null,
    os: null,
    cpu: null,
    ramBytes: null,
    diskUsedBytes: null,
    diskTotalBytes: null,
    ip: null,
    approval: 'active',
  };
}

async function hostnames(filter?: Parameters<TempStore['store']['devices']['list']>[0]): Promise<string[]> {
  return (await temp.store.devices.list(filter)).map((d) => d.hostname);
}

describe('devices', () => {
  it('round-trips a new device', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    expect(await temp.store.devices.findById(device.id)).toEqual(freshRecord(device));
    expect(await temp.store.devices.findById(newId())).toBeUndefined();
  });

  it('refuses a device in an unknown site (foreign key)', async () => {
    await expect(temp.store.devices.create(aDevice(newId()))).rejects.toThrow(/foreign key/i);
  });

  it('finds the non-revoked device by machine id', async () => {
    const old = aDevice(siteId, { machineId: 'M-1', hostname: 'old' });
    const current = aDevice(siteId, { machineId: 'M-1', hostname: 'new', enrolledAt: at(1000) });
    await temp.store.devices.create(old);
    await temp.store.devices.create(current);
    expect((await temp.store.devices.findByMachineId('M-1'))?.id).toBe(current.id);
    await temp.store.devices.revoke(current.id, at(2000));
    expect((await temp.store.devices.findByMachineId('M-1'))?.id).toBe(old.id);
    await temp.store.devices.revoke(old.id, at(3000));
    expect(await temp.store.devices.findByMachineId('M-1')).toBeUndefined();
  });

  it('updates the hostname and only the summary fields given', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    await temp.store.devices.updateSummary(device.id, 'PC-RENAMED', {
      os: 'Windows 11 Pro',
      cpu: 'Intel Core i5',
      ramBytes: 16 * 2 ** 30,
      diskUsedBytes: 2 ** 30,
      diskTotalBytes: 2 ** 40,
      ip: '10.0.0.5',
    });
    await temp.store.devices.updateSummary(device.id, 'PC-RENAMED', { ip: null, diskUsedBytes: 2 ** 31 });
    expect(await temp.store.devices.findById(device.id)).toEqual({
      ...freshRecord(device),
      hostname: 'PC-RENAMED',
      os: 'Windows 11 Pro',
      cpu: 'Intel Core i5',
      ramBytes: 16 * 2 ** 30,
      diskUsedBytes: 2 ** 31,
      diskTotalBytes: 2 ** 40,
      ip: null,
    });
  });

  it('lists by hostname, without revoked devices unless asked', async () => {
    for (const hostname of ['zeta', 'Alpha', 'beta']) await temp.store.devices.create(aDevice(siteId, { hostname }));
    const gone = aDevice(siteId, { hostname: 'gamma' });
    await temp.store.devices.create(gone);
    await temp.store.devices.revoke(gone.id, T0);
    expect(await hostnames()).toEqual(['Alpha', 'beta', 'zeta']);
    expect(await hostnames({ includeRevoked: true })).toEqual(['Alpha', 'beta', 'gamma', 'zeta']);
  });

  it('filters by site ids; an empty list matches nothing', async () => {
    const other = aSite({ name: 'Branch' });
    await temp.store.sites.create(other);
    await temp.store.devices.create(aDevice(siteId, { hostname: 'here' }));
    await temp.store.devices.create(aDevice(other.id, { hostname: 'there' }));
    expect(await hostnames({ siteIds: [other.id] })).toEqual(['there']);
    expect(await hostnames({ siteIds: [siteId, other.id] })).toEqual(['here', 'there']);
    expect(await hostnames({ siteIds: [] })).toEqual([]);
  });

  it('searches hostname, OS, CPU and IP case-insensitively', async () => {
    const rows: Array<[string, string, string, string]> = [
      ['FRONT-DESK', 'Windows 11 Pro', 'Intel Core i5', '10.0.0.5'],
      ['mac-mini', 'macOS 14', 'Apple M2', '10.0.1.7'],
      ['srv-files', 'Ubuntu 24.04', 'AMD EPYC', '192.168.1.10'],
    ];
    for (const [hostname, os, cpu, ip] of rows) {
      const d = aDevice(siteId, { hostname });
      await temp.store.devices.create(d);
      await temp.store.devices.updateSummary(d.id, hostname, { os, cpu, ip });
    }
    expect(await hostnames({ q: 'desk' })).toEqual(['FRONT-DESK']);
    expect(await hostnames({ q: 'WINDOWS' })).toEqual(['FRONT-DESK']);
    expect(await hostnames({ q: 'apple m' })).toEqual(['mac-mini']);
    expect(await hostnames({ q: '192.168' })).toEqual(['srv-files']);
    expect(await hostnames({ q: '10.0.' })).toEqual(['FRONT-DESK', 'mac-mini']);
    expect(await hostnames({ q: '' })).toEqual(['FRONT-DESK', 'mac-mini', 'srv-files']);
  });

  it('takes LIKE wildcards in q literally', async () => {
    for (const hostname of ['PC_01', 'PCX01', '100%-uptime', 'back\\slash']) {
      await temp.store.devices.create(aDevice(siteId, { hostname }));
    }
    expect(await hostnames({ q: '%' })).toEqual(['100%-uptime']);
    expect(await hostnames({ q: '_' })).toEqual(['PC_01']);
    expect(await hostnames({ q: 'PC_0' })).toEqual(['PC_01']);
    expect(await hostnames({ q: '\\' })).toEqual(['back\\slash']);
    expect(await hostnames({ q: '%%' })).toEqual([]);
  });

  it('flushes presence for thousands of devices, the last update per device winning', async () => {
    const devices = Array.from({ length: 3_000 }, (_, i) => aDevice(siteId, { hostname: `PC-${i}` }));
    await temp.store.transaction(async (tx) => {
      for (const d of devices) await tx.devices.create(d);
    });
    const updates: PresenceFlush[] = devices.map((d, i) => ({
      deviceId: d.id,
      lastSeenAt: at(i),
      declaredPresence: i % 3 === 0 ? 'asleep' : null,
      lastStatus: i % 3 === 0 ? 'asleep' : 'online',
    }));
    const first = devices[0];
    if (first === undefined) throw new Error('no devices');
    updates.push({ deviceId: first.id, lastSeenAt: null, declaredPresence: 'shut-down', lastStatus: 'shut-down' });
    await temp.store.transaction((tx) => tx.devices.flushPresence(updates));

    expect(await temp.store.devices.findById(first.id)).toMatchObject({
      lastSeenAt: null,
      declaredPresence: 'shut-down',
      lastStatus: 'shut-down',
    });
    const all = await temp.store.devices.list();
    const byId = new Map(all.map((d) => [d.id, d]));
    devices.slice(1).forEach((d, index) => {
      const i = index + 1;
      expect(byId.get(d.id)).toMatchObject({
        lastSeenAt: at(i),
        declaredPresence: i % 3 === 0 ? 'asleep' : null,
        lastStatus: i % 3 === 0 ? 'asleep' : 'online',
      });
    });
  });

  it('flushPresence outside a transaction, and with nothing to flush', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    await temp.store.devices.flushPresence([]);
    await temp.store.devices.flushPresence([
      { deviceId: device.id, lastSeenAt: at(5), declaredPresence: null, lastStatus: 'unreachable' },
      { deviceId: newId(), lastSeenAt: at(5), declaredPresence: null, lastStatus: 'online' },
    ]);
    expect(await temp.store.devices.findById(device.id)).toMatchObject({ lastSeenAt: at(5), lastStatus: 'unreachable' });
  });

  it('does not let an older sighting overwrite a newer one (a hub the device left)', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    await temp.store.devices.flushPresence([{ deviceId: device.id, lastSeenAt: at(10), declaredPresence: null, lastStatus: 'online' }]);
    await temp.store.devices.flushPresence([{ deviceId: device.id, lastSeenAt: at(5), declaredPresence: null, lastStatus: 'unreachable' }]);
    expect(await temp.store.devices.findById(device.id)).toMatchObject({ lastSeenAt: at(10), lastStatus: 'online' });
  });

  it('turns devices recorded online but silent since a cut-off unreachable, and answers them', async () => {
    const [silent, fresh, asleep] = [aDevice(siteId), aDevice(siteId, { hostname: 'PC-2' }), aDevice(siteId, { hostname: 'PC-3' })];
    for (const d of [silent, fresh, asleep]) await temp.store.devices.create(d);
    await temp.store.devices.flushPresence([
      { deviceId: silent.id, lastSeenAt: at(1), declaredPresence: null, lastStatus: 'online' },
      { deviceId: fresh.id, lastSeenAt: at(9), declaredPresence: null, lastStatus: 'online' },
      { deviceId: asleep.id, lastSeenAt: at(1), declaredPresence: 'asleep', lastStatus: 'asleep' },
    ]);
    expect(await temp.store.devices.markSilentUnreachable(at(5))).toEqual([{ id: silent.id, lastSeenAt: at(1) }]);
    expect((await temp.store.devices.findById(silent.id))?.lastStatus).toBe('unreachable');
    expect((await temp.store.devices.findById(fresh.id))?.lastStatus).toBe('online');
    expect(await temp.store.devices.markSilentUnreachable(at(5))).toEqual([]);
  });

  it('keeps the first revocation time', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    await temp.store.devices.revoke(device.id, at(1));
    await temp.store.devices.revoke(device.id, at(2));
    expect((await temp.store.devices.findById(device.id))?.revokedAt).toEqual(at(1));
  });
});
