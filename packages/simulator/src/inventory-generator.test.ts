import { InventoryDocumentSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { inventoryHash, simulatedInventory } from './inventory-generator.js';

describe('simulatedInventory', () => {
  const at = new Date('2026-11-24T10:00:00Z');

  it('produces schema-valid documents across a fleet', () => {
    for (let i = 0; i < 200; i++) expect(InventoryDocumentSchema.safeParse(simulatedInventory(1, i, at)).success).toBe(true);
  });

  it('is deterministic for a seed and index, and differs between devices', () => {
    expect(simulatedInventory(1, 5, at)).toEqual(simulatedInventory(1, 5, at));
    expect(inventoryHash(simulatedInventory(1, 5, at))).not.toBe(inventoryHash(simulatedInventory(1, 6, at)));
  });

  it('hashes the same content the same whatever the collection time', () => {
    const later = new Date(at.getTime() + 3_600_000);
    const a = simulatedInventory(1, 5, at);
    const b = { ...a, collectedAt: later.toISOString() };
    expect(inventoryHash(a)).toBe(inventoryHash(b));
    expect(inventoryHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('coherence', () => {
  const at = new Date('2026-11-24T10:00:00Z');
  it('never mixes vendors, CPUs and OSes that do not go together, and fills every section', () => {
    for (let i = 0; i < 300; i++) {
      const doc = simulatedInventory(3, i, at);
      const apple = doc.system?.manufacturer === 'Apple Inc.';
      expect(doc.cpu?.manufacturer === 'Apple', `cpu of ${doc.system?.model}`).toBe(apple);
      expect(doc.os?.platform === 'darwin', `os of ${doc.system?.model}`).toBe(apple);
      if (doc.os?.platform === 'win32') expect(doc.software?.some((s) => s.name.startsWith('Microsoft Edge'))).toBe(true);
      if (doc.os?.platform === 'darwin') expect(doc.software?.some((s) => s.publisher === 'Microsoft Corporation' && s.name === 'Microsoft Edge')).toBe(false);
      for (const section of ['system', 'os', 'cpu', 'memory', 'disks', 'volumes', 'network', 'hardware', 'graphics', 'monitors', 'printers', 'usbDevices', 'users', 'software', 'security', 'services', 'startupItems'] as const) {
        expect(doc[section], `${section} of device ${i}`).toBeDefined();
      }
      expect(doc.battery === undefined).toBe(doc.hardware?.chassisType !== 'Notebook');
    }
  });
});
