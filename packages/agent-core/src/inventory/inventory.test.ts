import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InventoryDeltaSchema, type InventoryDocument } from '@deskside/protocol';
import { inventoryHash } from './hash.js';
import { applyDelta, buildDelta, hasSectionChanges } from './delta.js';
import { ACKED_INVENTORY_FILE, AckedInventoryStore } from './acked-inventory.js';

function doc(overrides: Partial<InventoryDocument> = {}): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: '2026-01-01T00:00:00.000Z',
    agentVersion: '0.1.0',
    probes: [{ section: 'cpu', ms: 12, status: 'ok', reason: null }],
    cpu: { manufacturer: 'AMD', brand: 'EPYC', cores: 2, physicalCores: 2, speedGHz: null },
    memory: { totalBytes: 1024, modules: [] },
    ...overrides,
  };
}

describe('inventoryHash', () => {
  it('is a sha256 hex digest, stable across key order', () => {
    const a = doc();
    const b: InventoryDocument = {
      memory: { modules: [], totalBytes: 1024 },
      cpu: { speedGHz: null, physicalCores: 2, cores: 2, brand: 'EPYC', manufacturer: 'AMD' },
      probes: a.probes,
      agentVersion: '0.1.0',
      collectedAt: a.collectedAt,
      schemaVersion: 1,
    };
    expect(inventoryHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(inventoryHash(b)).toBe(inventoryHash(a));
  });

  it('ignores collectedAt and probes but not content', () => {
    const base = inventoryHash(doc());
    expect(inventoryHash(doc({ collectedAt: '2027-05-05T00:00:00.000Z', probes: [] }))).toBe(base);
    expect(inventoryHash(doc({ memory: { totalBytes: 2048, modules: [] } }))).not.toBe(base);
  });
});

describe('buildDelta', () => {
  it('sets changed and new sections, removes vanished ones, and reproduces the target hash', () => {
    const base = doc({ disks: [] });
    const next = doc({
      collectedAt: '2026-01-02T00:00:00.000Z',
      memory: { totalBytes: 4096, modules: [] },
      os: {
        platform: 'linux', distro: null, release: null, build: null, codename: null, kernel: null, arch: null,
        hostname: 'pc', fqdn: null, timezone: null, lastBootAt: null,
      },
    });
    delete next.disks;
    const changes = buildDelta(base, next);
    expect(Object.keys(changes.set).sort()).toEqual(['collectedAt', 'memory', 'os', 'probes']);
    expect(changes.remove).toEqual(['disks']);
    expect(hasSectionChanges(changes)).toBe(true);
    expect(inventoryHash(applyDelta(base, changes))).toBe(inventoryHash(next));
    const wire = { id: '01HZZZZZZZZZZZZZZZZZZZZZZZ', baseHash: inventoryHash(base), hash: inventoryHash(next), ...changes };
    expect(InventoryDeltaSchema.safeParse(wire).success).toBe(true);
  });

  it('is empty of sections when nothing changed', () => {
    const changes = buildDelta(doc(), doc({ collectedAt: '2026-02-01T00:00:00.000Z' }));
    expect(hasSectionChanges(changes)).toBe(false);
  });
});

describe('AckedInventoryStore', () => {
  it('persists the acknowledged document across instances', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acked-'));
    const saved = await new AckedInventoryStore(dir).save(doc());
    const loaded = await new AckedInventoryStore(dir).load();
    expect(loaded?.hash).toBe(saved.hash);
    expect(loaded?.document).toEqual(doc());
  });

  it('treats a tampered or corrupt file as absent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acked-'));
    await writeFile(join(dir, ACKED_INVENTORY_FILE), JSON.stringify({ hash: 'a'.repeat(64), document: doc() }));
    expect(await new AckedInventoryStore(dir).load()).toBeNull();
    await writeFile(join(dir, ACKED_INVENTORY_FILE), '{"hash":');
    expect(await new AckedInventoryStore(dir).load()).toBeNull();
  });
});
