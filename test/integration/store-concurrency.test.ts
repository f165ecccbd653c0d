import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { newId } from '@deskside/protocol';
import { openStore } from '@deskside/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../apps/hub/src/services/audit/audit-service.js';

// Two writer processes, each with its own connection to one SQLite WAL file (busy_timeout), write
// at the same moment through the hub's services: the store's concurrency rules must hold.
const run = promisify(execFile);
const WRITER = fileURLToPath(new URL('../support/store-writer.mjs', import.meta.url));

interface WriterReport {
  name: string;
  written: string[];
  replayed: string[];
  failed: string[];
}

describe('two writers on two connections to one database', () => {
  let dataDir: string;
  let deviceId: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskside-concurrency-'));
    const store = await openStore({ dataDir });
    const siteId = newId();
    deviceId = newId();
    await store.sites.create({ id: siteId, name: 'Main', createdAt: new Date() });
    await store.devices.create({ id: deviceId, siteId, machineId: 'm', hostname: 'PC-1', keyHash: 'a'.repeat(64), enrolledAt: new Date() });
    await store.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const both = async (mode: 'messages' | 'audit', count: number): Promise<WriterReport[]> => {
    // Both processes start writing at the same instant, after their start-up.
    const startAt = String(Date.now() + 1500);
    const runs = ['a', 'b'].map((name) => run(process.execPath, [WRITER, dataDir, mode, deviceId, String(count), startAt, name], { timeout: 60_000 }));
    return (await Promise.all(runs)).map((r) => JSON.parse(r.stdout) as WriterReport);
  };

  it('claims each message id once: no duplicate row, no lost row, the other writer replays the answer', async () => {
    const count = 150;
    const [a, b] = await both('messages', count);
    expect([...(a?.failed ?? []), ...(b?.failed ?? [])]).toEqual([]);
    const written = [...(a?.written ?? []), ...(b?.written ?? [])].sort();
    expect(written).toHaveLength(count);
    expect(new Set(written).size).toBe(count);
    expect((a?.replayed.length ?? 0) + (b?.replayed.length ?? 0)).toBe(count);
    const store = await openStore({ dataDir });
    try {
      const samples = await store.health.recent(deviceId, new Date(0), 10_000);
      expect(samples).toHaveLength(count);
      expect(new Set(samples.map((s) => s.messageId)).size).toBe(count);
    } finally {
      await store.close();
    }
  });

  it('appends the audit hash chain from both writers without dropping an entry or breaking the chain', async () => {
    const count = 60;
    const [a, b] = await both('audit', count);
    expect([...(a?.failed ?? []), ...(b?.failed ?? [])]).toEqual([]);
    const store = await openStore({ dataDir });
    try {
      expect(await verifyAuditChain(store)).toEqual({ ok: true, rows: 2 * count });
    } finally {
      await store.close();
    }
  });
});
