import { newId } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { inventoryDocument } from '../../realtime/testing/fixtures.js';
import { applyInventoryDelta, inventoryHash, payloadHash } from './inventory-hash.js';

describe('inventory hashing and deltas', () => {
  it('hashes the sections only, so re-collecting an unchanged PC hashes the same', () => {
    const doc = inventoryDocument();
    expect(inventoryHash({ ...doc, collectedAt: '2030-01-01T00:00:00.000Z', probes: [] })).toBe(inventoryHash(doc));
    expect(inventoryHash(inventoryDocument('other'))).not.toBe(inventoryHash(doc));
  });

  it('fingerprints payloads whatever their key order', () => {
    expect(payloadHash({ a: 1, b: { c: 2, d: 3 } })).toBe(payloadHash({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('replaces set sections and drops removed ones', () => {
    const base = inventoryDocument();
    const next = applyInventoryDelta(base, {
      id: newId(),
      baseHash: inventoryHash(base),
      hash: inventoryHash(base),
      set: { cpu: { manufacturer: null, brand: 'Ryzen 7', cores: 16, physicalCores: 8, speedGHz: null } },
      remove: ['network'],
    });
    expect(next?.cpu?.brand).toBe('Ryzen 7');
    expect(next?.network).toBeUndefined();
    expect(next?.os).toEqual(base.os);
  });

  it('answers undefined when the result is not a document', () => {
    const base = inventoryDocument();
    const broken = { ...base, schemaVersion: 2 } as unknown as typeof base;
    expect(applyInventoryDelta(base, { id: newId(), baseHash: 'a'.repeat(64), hash: 'a'.repeat(64), set: broken, remove: [] })).toBeUndefined();
  });
});
