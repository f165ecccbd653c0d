import { LIMITS } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { inventoryDocument } from '../../realtime/testing/fixtures.js';
import { summaryFromInventory } from './summary-fields.js';

describe('summaryFromInventory', () => {
  it('derives the fleet-list columns', () => {
    expect(summaryFromInventory(inventoryDocument('pc-9'))).toEqual({
      hostname: 'pc-9',
      fields: {
        os: 'Ubuntu 22.04.4 LTS',
        cpu: 'Core i5-1135G7',
        ramBytes: 16 * 2 ** 30,
        diskTotalBytes: 1500 * 2 ** 30,
        diskUsedBytes: 210 * 2 ** 30,
        ip: '192.168.1.42',
      },
    });
  });

  it('leaves out what the document does not say', () => {
    const { os: _os, cpu: _cpu, memory: _memory, volumes: _volumes, network: _network, ...bare } = inventoryDocument();
    expect(summaryFromInventory(bare)).toEqual({
      hostname: null,
      fields: { os: null, cpu: null, ramBytes: null, diskTotalBytes: null, diskUsedBytes: null, ip: null },
    });
  });

  it('does not repeat a release the distro already names, and bounds what it derives', () => {
    const doc = inventoryDocument();
    const huge = { mount: '/', fs: null, label: null, sizeBytes: LIMITS.maxBytes, usedBytes: LIMITS.maxBytes, removable: null, encrypted: null };
    const windows = { ...doc, os: { ...doc.os!, distro: 'Windows 11 Pro 23H2', release: '23H2' }, volumes: [huge, huge] };
    const s = summaryFromInventory(windows);
    expect(s.fields.os).toBe('Windows 11 Pro 23H2');
    expect(s.fields.diskTotalBytes).toBe(LIMITS.maxBytes);
    const long = { ...doc, os: { ...doc.os!, distro: 'x'.repeat(256), release: 'y'.repeat(256) } };
    expect(summaryFromInventory(long).fields.os).toHaveLength(LIMITS.shortText);
  });
});
