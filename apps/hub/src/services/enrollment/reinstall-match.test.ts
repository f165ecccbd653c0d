import type { InventoryDocument } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { hardwareIdentity, usableIdentifier, usableMac } from './reinstall-match.js';

const doc = (serial: string | null, model: string | null, macs: string[], virtual = false): InventoryDocument => ({
  schemaVersion: 1,
  collectedAt: '2026-01-01T00:00:00.000Z',
  agentVersion: '1',
  probes: [],
  system: { manufacturer: 'Dell Inc.', model, version: null, serial, uuid: null, sku: null, virtual },
  network: { adapters: macs.map((mac, i) => ({ name: `eth${i}`, mac, ipv4: [], ipv6: [], type: i === 2 ? 'virtual' : 'wired', speedMbps: null, dhcp: null, isDefault: false })), defaultGateway: null, dnsServers: [] },
});

describe('reinstall identity', () => {
  it.each(['To Be Filled By O.E.M.', 'Default string', '0000000000', 'xxxxxxxxxx', '  ', 'AB', 'System Serial Number', null])('%j is junk, never used to match', (v) => {
    expect(usableIdentifier(v)).toBe(false);
  });

  it('accepts real serials and normalizes MACs, refusing zero and multicast ones', () => {
    expect(usableIdentifier('5CG1234XYZ')).toBe(true);
    expect(usableMac('8C-16-45-AA-BB-01')).toBe('8c:16:45:aa:bb:01');
    expect(usableMac('00:00:00:00:00:00')).toBeUndefined();
    expect(usableMac('01:00:5e:00:00:01')).toBeUndefined();
  });

  it('is serial|model plus the physical adapters’ MACs; virtual machines and junk serials have none', () => {
    expect(hardwareIdentity(doc('5CG1234XYZ', 'Latitude 5420', ['8c:16:45:aa:bb:02', '8c:16:45:aa:bb:01', '02:42:ac:11:00:02']))).toEqual({
      key: '5cg1234xyz|latitude 5420',
      macs: ['8c:16:45:aa:bb:01', '8c:16:45:aa:bb:02'],
    });
    expect(hardwareIdentity(doc('To Be Filled By O.E.M.', 'Latitude 5420', ['8c:16:45:aa:bb:01']))).toBeUndefined();
    expect(hardwareIdentity(doc('5CG1234XYZ', 'Latitude 5420', ['8c:16:45:aa:bb:01'], true))).toBeUndefined();
  });
});
