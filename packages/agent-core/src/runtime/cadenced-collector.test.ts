import type { AgentPolicy, InventoryDocument, InventorySectionName } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { createCadencedCollector, inventoryTickSeconds, mergeSections } from './cadenced-collector.js';

const policy: AgentPolicy = { heartbeatSeconds: 30, inventorySeconds: 3600 };

function fakeCollect() {
  const calls: (readonly InventorySectionName[] | 'all')[] = [];
  let n = 0;
  const collect = (sections?: readonly InventorySectionName[]): Promise<InventoryDocument> => {
    calls.push(sections ?? 'all');
    n++;
    const doc: InventoryDocument = {
      schemaVersion: 1,
      collectedAt: new Date(n * 1000).toISOString(),
      agentVersion: '0.1.0',
      probes: (sections ?? ['cpu', 'volumes', 'software']).map((section) => ({ section, ms: n, status: 'ok' as const, reason: null })),
    };
    if (!sections || sections.includes('cpu')) doc.cpu = { manufacturer: null, brand: `cpu-${n}`, cores: 4, physicalCores: 2, speedGHz: null };
    if (!sections || sections.includes('volumes')) doc.volumes = [{ mount: '/', fs: 'ext4', label: null, sizeBytes: 100, usedBytes: n, removable: false, encrypted: null }];
    return Promise.resolve(doc);
  };
  return { calls, collect };
}

describe('createCadencedCollector', () => {
  it('collects everything first, then only the groups that are due, merging into the last document', async () => {
    let t = 0;
    const { calls, collect } = fakeCollect();
    const next = createCadencedCollector(collect, () => t);
    const first = await next(policy);
    expect(calls).toEqual(['all']);
    t = 100_000;
    expect(await next(policy)).toBe(first);
    t = 300_000;
    const second = await next(policy);
    expect(calls[1]).toEqual(['disks', 'volumes', 'network', 'users']);
    expect(second.volumes?.[0]?.usedBytes).toBe(2);
    expect(second.cpu?.brand).toBe('cpu-1');
    expect(second.probes.find((p) => p.section === 'cpu')?.ms).toBe(1);
    t = 3_600_000;
    await next(policy);
    expect(calls[2]).toContain('software');
    expect(calls[2]).toContain('cpu');
  });

  it('follows intervals pushed by the hub, and runs a full collection daily', async () => {
    let t = 0;
    const { calls, collect } = fakeCollect();
    const next = createCadencedCollector(collect, () => t);
    const fast: AgentPolicy = { ...policy, inventoryIntervals: { volatileSeconds: 60, fullSeconds: 7200 } };
    await next(fast);
    t = 60_000;
    await next(fast);
    expect(calls[1]).toEqual(['disks', 'volumes', 'network', 'users']);
    t = 7_200_000;
    await next(fast);
    expect(calls[2]).toBe('all');
  });

  it('wakes at the shortest interval', () => {
    expect(inventoryTickSeconds(policy)).toBe(300);
    expect(inventoryTickSeconds({ ...policy, inventorySeconds: 120 })).toBe(120);
    expect(inventoryTickSeconds({ ...policy, inventoryIntervals: { volatileSeconds: 900, softwareSeconds: 1800, hardwareSeconds: 1800 } })).toBe(900);
  });

  it('mergeSections drops a section that failed this round', () => {
    const base: InventoryDocument = { schemaVersion: 1, collectedAt: '2026-01-01T00:00:00.000Z', agentVersion: '1', probes: [], volumes: [] };
    const partial: InventoryDocument = { schemaVersion: 1, collectedAt: '2026-01-01T00:05:00.000Z', agentVersion: '1', probes: [{ section: 'volumes', ms: 1, status: 'unknown', reason: 'x' }] };
    const merged = mergeSections(base, partial, ['volumes']);
    expect(merged.volumes).toBeUndefined();
    expect(merged.probes).toHaveLength(1);
    expect(merged.collectedAt).toBe('2026-01-01T00:05:00.000Z');
  });
});
