import type { InventoryDocument, Software } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { compareVersions, formatBytes, MAX_CHANGES_PER_INVENTORY } from './change-draft.js';
import { diffInventories } from './diff.js';

const app = (name: string, version: string | null, publisher: string | null = 'Contoso'): Software => ({ name, version, publisher, installDate: null, source: 'registry', arch: null });

function doc(overrides: Partial<InventoryDocument> = {}): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: '2026-11-24T10:00:00.000Z',
    agentVersion: '0.1.0',
    probes: [],
    os: { platform: 'win32', distro: 'Windows 11 Pro', release: '10.0.22631', build: null, codename: null, kernel: null, arch: 'x64', hostname: 'pc-01', fqdn: null, timezone: null, lastBootAt: null },
    system: { manufacturer: 'LENOVO', model: '20XW', version: null, serial: 'PF0ABC12', uuid: null, sku: null, virtual: false },
    memory: { totalBytes: 16 * 2 ** 30, modules: [] },
    ...overrides,
  };
}

const summaries = (before: InventoryDocument, after: InventoryDocument) => diffInventories(before, after).map((c) => c.summary);

describe('diffInventories', () => {
  it('finds nothing between equal documents, nor on the first inventory', () => {
    const a = doc({ software: [app('Editor', '1.0')] });
    expect(diffInventories(a, structuredClone(a))).toEqual([]);
    expect(diffInventories(undefined, a)).toEqual([]);
  });

  it('software: installed, removed, upgraded and downgraded, keyed by name + publisher', () => {
    const before = doc({ software: [app('Editor', '1.2'), app('Old Tool', '3.0'), app('Browser', '120.0.1'), app('Same', '1', 'A')] });
    const after = doc({ software: [app('Editor', '1.3'), app('New Tool', '0.9'), app('Browser', '119.5'), app('Same', '1', 'B')] });
    const changes = diffInventories(before, after);
    expect(changes.map((c) => [c.kind, c.summary])).toEqual(
      expect.arrayContaining([
        ['upgraded', 'Software Editor 1.2 → 1.3'],
        ['downgraded', 'Software Browser 120.0.1 → 119.5'],
        ['added', 'Software New Tool 0.9 installed'],
        ['removed', 'Software Old Tool 3.0 removed'],
        ['added', 'Software Same 1 installed'],
        ['removed', 'Software Same 1 removed'],
      ]),
    );
    expect(changes).toHaveLength(6);
    expect(changes.every((c) => c.section === 'software')).toBe(true);
  });

  it('memory total change reads in GB', () => {
    const before = doc({ memory: { totalBytes: 16 * 2 ** 30, modules: [] } });
    const after = doc({ memory: { totalBytes: 8 * 2 ** 30, modules: [] } });
    expect(summaries(before, after)).toEqual(['Memory 16 GB → 8 GB']);
  });

  const disk = (serial: string | null, device = '/dev/sda') => ({ device, model: 'SSD 980', serial, sizeBytes: 2 ** 40, type: 'SSD', interface: 'NVMe', smartStatus: 'ok' as const });

  it('disks: serial changed in the same slot, added, removed', () => {
    expect(summaries(doc({ disks: [disk('S1')] }), doc({ disks: [disk('S2')] }))).toEqual(['Disk /dev/sda serial changed S1 → S2 (SSD 980)']);
    const added = diffInventories(doc({ disks: [disk('S1')] }), doc({ disks: [disk('S1'), disk('S9', '/dev/sdb')] }));
    expect(added.map((c) => [c.kind, c.summary])).toEqual([['added', 'Disk SSD 980 (S9) 1 TB added']]);
    expect(diffInventories(doc({ disks: [disk('S1'), disk('S9', '/dev/sdb')] }), doc({ disks: [disk('S1')] }))[0]?.kind).toBe('removed');
  });

  const volume = (mount: string, usedBytes: number, extra: object = {}) => ({ mount, fs: 'NTFS', label: null, sizeBytes: 500 * 2 ** 30, usedBytes, removable: false, encrypted: false, ...extra });

  it('volumes: used bytes are noise; added/removed and encryption are not', () => {
    expect(diffInventories(doc({ volumes: [volume('C:', 1)] }), doc({ volumes: [volume('C:', 2 ** 35)] }))).toEqual([]);
    expect(summaries(doc({ volumes: [volume('C:', 1)] }), doc({ volumes: [volume('C:', 1, { encrypted: true })] }))).toEqual(['Volume C: encrypted false → true']);
    expect(diffInventories(doc({ volumes: [volume('C:', 1)] }), doc({ volumes: [volume('C:', 1), volume('D:', 1)] }))[0]?.summary).toBe('Volume D: (NTFS, 500 GB) added');
  });

  it('network: a MAC change on the same adapter; addresses are noise', () => {
    const adapter = (mac: string, ip: string) => ({ name: 'Ethernet', mac, ipv4: [ip], ipv6: [], type: 'wired' as const, speedMbps: 1000, dhcp: true, isDefault: true });
    const net = (mac: string, ip: string) => ({ adapters: [adapter(mac, ip)], defaultGateway: null, dnsServers: [] });
    expect(diffInventories(doc({ network: net('aa:bb:cc:00:00:01', '10.0.0.5') }), doc({ network: net('aa:bb:cc:00:00:01', '10.0.0.9') }))).toEqual([]);
    expect(summaries(doc({ network: net('aa:bb:cc:00:00:01', '10.0.0.5') }), doc({ network: net('aa:bb:cc:00:00:02', '10.0.0.5') }))).toEqual([
      'Network adapter Ethernet MAC aa:bb:cc:00:00:01 → aa:bb:cc:00:00:02',
    ]);
  });

  it('OS build and hardware serial / BIOS changes', () => {
    const base = doc();
    if (!base.os || !base.system) throw new Error('sample lacks os/system');
    const hw = { chassisType: 'Notebook', assetTag: null, biosVendor: 'LENOVO', biosVersion: 'N2HET70W', biosDate: '2023-01-01', baseboardManufacturer: null, baseboardModel: null, baseboardSerial: null, secureBoot: true };
    const before = doc({ os: { ...base.os, build: '22621' }, system: { ...base.system, serial: 'PF0ABC12' }, hardware: hw });
    const after = doc({ os: { ...base.os, build: '22631' }, system: { ...base.system, serial: 'PF0XYZ99' }, hardware: { ...hw, biosVersion: 'N2HET75W' } });
    expect(summaries(before, after)).toEqual(['Serial number PF0ABC12 → PF0XYZ99', 'BIOS version N2HET70W → N2HET75W', 'OS build 22621 → 22631']);
  });

  it('a section missing on one side is unknown, not "everything removed"', () => {
    expect(diffInventories(doc({ software: [app('Editor', '1')] }), doc({ software: undefined }))).toEqual([]);
  });

  it('security posture is not history: a daily antivirus definitions bump writes no row', () => {
    const security = (definitionsVersion: string, definitionsUpdatedAt: string): InventoryDocument['security'] => ({
      antivirus: [{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion, definitionsUpdatedAt }],
      firewallEnabled: true,
      firewallProfiles: [],
      diskEncryption: 'filevault',
      systemVolumeEncrypted: true,
      pendingUpdates: null,
      rebootPending: null,
    });
    const before = doc({ security: security('5286', '2026-11-23T04:00:00Z') });
    expect(diffInventories(before, doc({ security: security('5287', '2026-11-24T04:00:00Z') }))).toEqual([]);
  });

  it('caps the rows of one inventory and says how many more there were', () => {
    const many = Array.from({ length: MAX_CHANGES_PER_INVENTORY + 50 }, (_, i) => app(`App ${i}`, '1'));
    const changes = diffInventories(doc({ software: [] }), doc({ software: many }));
    expect(changes).toHaveLength(MAX_CHANGES_PER_INVENTORY);
    expect(changes.at(-1)?.summary).toBe('…and 51 more changes in this inventory');
  });

  it('hostile strings stay data: long values are cut in summaries', () => {
    const changes = diffInventories(doc({ software: [app('X', '1')] }), doc({ software: [app('X', `2${'9'.repeat(500)}`)] }));
    expect(changes[0]?.summary.length).toBeLessThan(120);
  });
});

describe('helpers', () => {
  it('compareVersions is numeric per part', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0', '2.0.1')).toBeLessThan(0);
    expect(compareVersions('1.0-beta', '1.0-beta')).toBe(0);
  });

  it('formatBytes', () => {
    expect(formatBytes(17179869184)).toBe('16 GB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(null)).toBe('unknown');
  });
});
