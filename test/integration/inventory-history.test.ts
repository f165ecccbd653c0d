// Inventory change history and reinstall recognition against a real hub process.
import { AuditListResponseSchema, DeviceChangesResponseSchema, DeviceDetailSchema, DeviceMergeResponseSchema, type InventoryDocument } from '@deskside/protocol';
import { SimulatedAgent } from '@deskside/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const GB = 2 ** 30;

function inventory(over: { memory?: number; editor?: string; diskSerial?: string; hostname?: string } = {}): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: new Date().toISOString(),
    agentVersion: '0.1.0',
    probes: [],
    system: { manufacturer: 'LENOVO', model: '20XWCTO1WW', version: null, serial: 'PF3KX9QZ', uuid: null, sku: null, virtual: false },
    os: { platform: 'win32', distro: 'Windows 11 Pro', release: '10.0.22631', build: '22631', codename: null, kernel: null, arch: 'x64', hostname: over.hostname ?? 'PC-HISTORY', fqdn: null, timezone: null, lastBootAt: null },
    memory: { totalBytes: (over.memory ?? 16) * GB, modules: [] },
    disks: [{ device: 'PHYSICALDRIVE0', model: 'SAMSUNG MZVL2512', serial: over.diskSerial ?? 'S6B0NX0R', sizeBytes: 512 * 10 ** 9, type: 'SSD', interface: 'NVMe', smartStatus: 'ok' }],
    network: {
      adapters: [{ name: 'Ethernet', mac: '8c:16:45:aa:bb:01', ipv4: ['10.0.0.5'], ipv6: [], type: 'wired', speedMbps: 1000, dhcp: true, isDefault: true }],
      defaultGateway: '10.0.0.1',
      dnsServers: ['10.0.0.1'],
    },
    software: [
      { name: 'Editor', version: over.editor ?? '1.2', publisher: 'Contoso', installDate: null, source: 'registry', arch: 'x64' },
      { name: 'Mail ‮txt.exe', version: '5.0', publisher: 'Fabrikam', installDate: '2025-01-02', source: 'registry-wow64', arch: 'x86' },
    ],
  };
}

describe('inventory history against a real hub', () => {
  let hub: TestHub;
  let token: string;
  const agents: SimulatedAgent[] = [];

  const agent = async (machineId: string, hostname: string) => {
    const a = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId, hostname });
    agents.push(a);
    await a.enroll();
    await a.connect();
    return a;
  };
  const detail = async (id: string) => DeviceDetailSchema.parse((await hub.get(`/api/v1/devices/${id}`, token)).body);

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
  });

  afterAll(async () => {
    for (const a of agents) a.close();
    await hub?.cleanup();
  });

  it('turns a changed inventory into change rows visible through the API', async () => {
    const pc = await agent('history-machine-0001-abcdef', 'PC-HISTORY');
    expect(await pc.sendInventory(inventory())).toBe('sent');
    expect((await detail(pc.deviceId)).changes).toEqual([]);

    expect(await pc.sendInventory(inventory({ memory: 8, editor: '1.3', diskSerial: 'S6B0NX9Z' }))).toBe('sent');
    const changes = (await detail(pc.deviceId)).changes ?? [];
    expect(changes.map((c) => [c.section, c.kind, c.summary]).sort()).toEqual(
      [
        ['disks', 'changed', 'Disk PHYSICALDRIVE0 serial changed S6B0NX0R → S6B0NX9Z (SAMSUNG MZVL2512)'],
        ['memory', 'changed', 'Memory 16 GB → 8 GB'],
        ['software', 'upgraded', 'Software Editor 1.2 → 1.3'],
      ].sort(),
    );
    expect(changes.find((c) => c.section === 'software')?.after).toMatchObject({ name: 'Editor', version: '1.3' });

    // Memory and disks are watched by the default policy: their change raises an inventory-change alert.
    await expect
      .poll(async () => {
        const list = (await hub.get(`/api/v1/alerts?deviceId=${pc.deviceId}`, token)).body as { alerts: Array<{ check: string; subject: string }> };
        return list.alerts.filter((a) => a.check === 'inventory-change').map((a) => a.subject).sort();
      }, { timeout: 10_000 })
      .toEqual(['disks', 'memory']);

    // The same document again changes nothing; a page of one walks back in time.
    expect(await pc.sendInventory(inventory({ memory: 8, editor: '1.3', diskSerial: 'S6B0NX9Z' }))).toBe('current');
    const page = await hub.get(`/api/v1/devices/${pc.deviceId}/changes?limit=1`, token);
    expect(page.status).toBe(200);
    expect(DeviceChangesResponseSchema.parse(page.body).changes).toHaveLength(1);
    expect((await hub.get(`/api/v1/devices/${pc.deviceId}/changes?limit=100000`, token)).status).toBe(400);
  });

  it('recognizes a reinstalled PC (same serial, model and MAC), links it, and merges the old record on request', async () => {
    const [old] = agents;
    if (!old) throw new Error('first test did not run');
    const reinstalled = await agent('history-machine-0002-abcdef', 'PC-HISTORY-NEW');
    expect(await reinstalled.sendInventory(inventory({ hostname: 'PC-HISTORY-NEW' }))).toBe('sent');
    const fresh = await detail(reinstalled.deviceId);
    expect(fresh.sameAssetCandidate).toMatchObject({ deviceId: old.deviceId, matchedOn: ['serial', 'model', 'mac'] });

    const merge = await fetch(`${hub.url}/api/v1/devices/${old.deviceId}/merge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ intoId: reinstalled.deviceId }),
    });
    expect(merge.status).toBe(200);
    expect(DeviceMergeResponseSchema.parse(await merge.json())).toMatchObject({ mergedId: old.deviceId, intoId: reinstalled.deviceId, movedChanges: 3, movedInventory: false });

    const merged = await detail(reinstalled.deviceId);
    expect(merged.sameAssetCandidate).toBeNull();
    expect(merged.changes?.[0]).toMatchObject({ section: 'device', kind: 'merged' });
    expect(merged.changes?.some((c) => c.summary === 'Memory 16 GB → 8 GB')).toBe(true);
    expect((await detail(old.deviceId)).mergedIntoId).toBe(reinstalled.deviceId);
    const audit = AuditListResponseSchema.parse((await hub.get('/api/v1/audit?limit=50', token)).body);
    expect(audit.entries.find((e) => e.action === 'device.merge')).toMatchObject({ target: `device:${old.deviceId}`, details: { intoId: reinstalled.deviceId, movedChanges: 3 } });

    const again = await fetch(`${hub.url}/api/v1/devices/${old.deviceId}/merge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ intoId: reinstalled.deviceId }),
    });
    expect(again.status).toBe(409);
  });

  it('stores antivirus definitions fields but writes no history row when only the definitions move', async () => {
    const pc = await agent('history-machine-0003-abcdef', 'PC-AV');
    const base = inventory({ hostname: 'PC-AV' });
    const withDefinitions = (definitionsVersion: string, definitionsUpdatedAt: string): InventoryDocument => ({
      ...base,
      // Another PC: not a reinstall candidate of the records above.
      system: base.system ? { ...base.system, serial: 'AV0DEF01' } : undefined,
      network: base.network ? { ...base.network, adapters: base.network.adapters.map((a) => ({ ...a, mac: '8c:16:45:aa:bb:99' })) } : undefined,
      security: {
        antivirus: [{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion, definitionsUpdatedAt }],
        firewallEnabled: true,
        firewallProfiles: [],
        diskEncryption: 'filevault',
        systemVolumeEncrypted: true,
        pendingUpdates: null,
        rebootPending: null,
      },
    });
    expect(await pc.sendInventory(withDefinitions('5286', '2026-03-08T04:00:00Z'))).toBe('sent');
    expect(await pc.sendInventory(withDefinitions('5287', '2026-03-09T04:00:00Z'))).toBe('sent');
    const stored = await detail(pc.deviceId);
    expect(stored.inventory?.security?.antivirus).toEqual([{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: '5287', definitionsUpdatedAt: '2026-03-09T04:00:00Z' }]);
    expect(stored.changes).toEqual([]);
  });
});
