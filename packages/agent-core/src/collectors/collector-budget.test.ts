import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectInventory, CollectorBudgetError } from './collect-inventory.js';

/** A stand-in worker file (the real one is built), misbehaving as a broken collector could. */
function workerFile(body: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'collector-budget-')), 'worker.mjs');
  writeFileSync(file, body);
  return pathToFileURL(file);
}

describe('the collector worker watchdog', () => {
  it('terminates a worker that keeps a core busy past its CPU budget', async () => {
    const workerUrl = workerFile('for (;;) {}');
    const budget = { maxRssBytes: 200 * 1024 * 1024, maxCpuPercent: 10, cpuWindowMs: 2_000 };
    const error: unknown = await collectInventory({ workerUrl, budget }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollectorBudgetError);
    expect((error as CollectorBudgetError).breach).toMatchObject({ resource: 'cpu', threshold: 10 });
  }, 20_000);

  it('stops a worker that grows past its memory budget', async () => {
    const workerUrl = workerFile('const keep = []; for (;;) keep.push(new Array(100_000).fill({ x: Math.random() }));');
    const budget = { maxRssBytes: 32 * 1024 * 1024, maxCpuPercent: 100, cpuWindowMs: 60_000 };
    const error: unknown = await collectInventory({ workerUrl, budget }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollectorBudgetError);
    expect((error as CollectorBudgetError).breach).toMatchObject({ resource: 'memory', threshold: 32 });
  }, 20_000);
});
