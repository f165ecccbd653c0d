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
