import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newId } from '@deskside/protocol';
import { openStore, type Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { metrics } from '../../realtime/testing/fixtures.js';
import type { Scheduler } from './write-batcher.js';
import { createHeartbeatBatcher, type QueuedHeartbeat } from './heartbeat-batch.js';

describe('heartbeat batching', () => {
  let dir: string;
  let store: Store;
  let deviceId: string;
  let timers: Array<() => void>;
  const manual: Scheduler = (fn) => {
    timers.push(fn);
    return () => void (timers = timers.filter((t) => t !== fn));
  };
  const item = (overrides: Partial<QueuedHeartbeat> = {}): QueuedHeartbeat => ({
    deviceId,
    messageId: newId(),
    payloadHash: 'h'.repeat(64),
    metrics: metrics(),
    receivedAt: new Date(),
    ...overrides,
  });
  const count = async () => (await store.health.recent(deviceId, new Date(0), 10_000)).length;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskside-batch-'));
    store = await openStore({ dataDir: dir });
    const siteId = newId();
    deviceId = newId();
    timers = [];
    await store.sites.create({ id: siteId, name: 'Main office', createdAt: new Date() });
    await store.devices.create({ id: deviceId, siteId, machineId: newId(), hostname: 'pc', keyHash: 'a'.repeat(64), enrolledAt: new Date() });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds heartbeats until the window closes, then commits them together', async () => {
    const batcher = createHeartbeatBatcher(store, { schedule: manual });
    const acks = [batcher.add(item()), batcher.add(item()), batcher.add(item())];
    expect(timers).toHaveLength(1);
    expect(await count()).toBe(0);
    timers[0]?.();
    const results = await Promise.all(acks);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await count()).toBe(3);
  });

  it('flushes at once when the batch is full', async () => {
    const batcher = createHeartbeatBatcher(store, { schedule: manual, maxItems: 4 });
    const acks = Array.from({ length: 4 }, () => batcher.add(item()));
    await Promise.all(acks);
    expect(await count()).toBe(4);
    expect(batcher.pending).toBe(0);
  });

  it('answers replays and conflicts per item, and stores only new samples', async () => {
    const batcher = createHeartbeatBatcher(store, { schedule: manual });
    const first = item();
    const p1 = batcher.add(first);
    await batcher.flush();
    const r1 = await p1;
    const replay = batcher.add({ ...first, receivedAt: new Date(Date.now() + 5000) });
    const clash = batcher.add({ ...first, payloadHash: 'x'.repeat(64) });
    const fresh = batcher.add(item());
    await batcher.flush();
    expect(await replay).toEqual(r1);
    expect(await clash).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    expect((await fresh).ok).toBe(true);
    expect(await count()).toBe(2);
  });

  it('widens the window after a busy batch and narrows it again once quiet', async () => {
    const windows: number[] = [];
    const recording: Scheduler = (fn, ms) => {
      windows.push(ms);
      return manual(fn, ms);
    };
    const batcher = createHeartbeatBatcher(store, { schedule: recording, maxDelayMs: 5, busyItems: 3, busyDelayMs: 20 });
    const busy = [item(), item(), item()].map((i) => batcher.add(i));
    await batcher.flush();
    await Promise.all(busy);
    for (let round = 0; round < 2; round++) {
      const one = batcher.add(item());
      await batcher.flush();
      expect((await one).ok).toBe(true);
    }
    expect(windows).toEqual([5, 20, 5]);
    expect(await count()).toBe(5);
  });

  it('fails the whole batch, writing nothing, when the transaction fails', async () => {
    const batcher = createHeartbeatBatcher(store, { schedule: manual });
    const good = batcher.add(item());
    const orphan = batcher.add(item({ deviceId: newId() }));
    await batcher.flush();
    await expect(Promise.all([good, orphan])).rejects.toBeDefined();
    expect(await count()).toBe(0);
  });
});
