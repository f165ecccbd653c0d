import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INVENTORY_SECTIONS, InventoryDocumentSchema } from '@deskside/protocol';
import { collectInventory, collectInventoryWithMode } from './collect-inventory.js';
import { collectInventoryInProcess } from './collect-in-process.js';

const distWorker = new URL('../../dist/collectors/collect-worker.js', import.meta.url);

describe('collectInventory on this machine', () => {
  it('produces a schema-valid document with every section', async () => {
    const doc = await collectInventory({ inProcess: true });
    expect(() => InventoryDocumentSchema.parse(doc)).not.toThrow();
    expect(doc.probes.map((p) => p.section).sort()).toEqual([...INVENTORY_SECTIONS].sort());
    // A section is either present or unknown with a reason, never silently missing.
    for (const p of doc.probes) expect(p.status === 'ok' ? doc[p.section as keyof typeof doc] !== undefined : (p.reason ?? '').length > 0).toBe(true);
    expect(doc.os?.hostname.length).toBeGreaterThan(0);
    expect(doc.memory?.totalBytes).toBeGreaterThan(0);
    expect(doc.cpu?.cores).toBeGreaterThan(0);
    for (const v of doc.volumes ?? []) expect(['tmpfs', 'overlay', 'squashfs', 'devtmpfs']).not.toContain(v.fs);
    for (const a of doc.network?.adapters ?? []) expect(a.name).not.toBe('lo');
  }, 60_000);

  it('falls back to in-process collection when the worker file is missing', async () => {
    const { document, mode } = await collectInventoryWithMode({ workerUrl: new URL('./no-such-worker.js', import.meta.url) });
    expect(mode).toBe('in-process');
    expect(InventoryDocumentSchema.safeParse(document).success).toBe(true);
  }, 60_000);

  it.skipIf(!existsSync(fileURLToPath(distWorker)))('collects in a worker thread from the built output', async () => {
    const { document, mode } = await collectInventoryWithMode({ workerUrl: distWorker });
    expect(mode).toBe('worker');
    expect(InventoryDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.os).toBeDefined();
  }, 60_000);
});

describe('partial collection', () => {
  it('collects only the sections asked for (a cadence round)', async () => {
    const doc = await collectInventoryInProcess({ sections: ['cpu', 'users'] });
    expect(doc.probes.map((p) => p.section).sort()).toEqual(['cpu', 'users']);
    expect(doc.os).toBeUndefined();
  }, 60_000);
});

describe('degradation', () => {
  it('turns a throwing collector into an unknown report and keeps the rest', async () => {
    const doc = await collectInventoryInProcess({
      collectors: {
        cpu: () => Promise.reject(new Error('WMI is broken')),
        system: () => {
          throw new Error('sync boom');
        },
      },
    });
    expect(doc.cpu).toBeUndefined();
    expect(doc.system).toBeUndefined();
    expect(doc.probes.find((p) => p.section === 'cpu')).toMatchObject({ status: 'unknown', reason: 'WMI is broken' });
    expect(doc.probes.find((p) => p.section === 'system')).toMatchObject({ status: 'unknown', reason: 'sync boom' });
    expect(doc.os).toBeDefined();
    expect(InventoryDocumentSchema.safeParse(doc).success).toBe(true);
  }, 60_000);

  it('times out a hanging collector', async () => {
    const doc = await collectInventoryInProcess({
      timeoutMs: 300,
      collectors: { memory: () => new Promise(() => {}) },
    });
    expect(doc.memory).toBeUndefined();
    expect(doc.probes.find((p) => p.section === 'memory')?.reason).toMatch(/timed out after 300 ms/);
  }, 60_000);

  it('drops a section whose output breaks the schema instead of failing the document', async () => {
    const doc = await collectInventoryInProcess({
      collectors: { cpu: () => Promise.resolve({ manufacturer: 'x'.repeat(5000), brand: null, cores: 1, physicalCores: 1, speedGHz: null }) },
    });
    expect(doc.cpu).toBeUndefined();
    expect(doc.probes.find((p) => p.section === 'cpu')?.reason).toMatch(/^invalid output/);
  }, 60_000);
});
