import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aMetricsSample, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { HealthSampleRecord } from '../types.js';
import { HOUR_MS } from './rollup-math.js';

const H = T0.getTime();
const MIN = 60_000;
let temp: TempStore;
let a: string;
let b: string;
/** A second connection to the same file, for what the store does not expose (triggers, corrupt rows). */
let raw: BetterSqlite3.Database;

beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  await temp.store.sites.create(site);
  a = aDevice(site.id).id;
  b = aDevice(site.id, { hostname: 'PC-002' }).id;
  await temp.store.devices.create({ ...aDevice(site.id), id: a });
  await temp.store.devices.create({ ...aDevice(site.id, { hostname: 'PC-002' }), id: b });
  raw = new BetterSqlite3(path.join(temp.dir, 'deskside.db'));
});
afterEach(async () => {
  raw.close();
  await temp.cleanup();
});

function sample(deviceId: string, atMs: number, cpuPercent: number): HealthSampleRecord {
  return { deviceId, messageId: newId(), at: new Date(atMs), metrics: aMetricsSample({ cpuPercent, memUsedBytes: cpuPercent * 1000 }) };
}

/** One sample a minute for each device over `hours` hours from H, CPU = minute of the hour. */
async function seedHours(hours: number, devices = [a, b]): Promise<number> {
  const samples: HealthSampleRecord[] = [];
  for (const d of devices) for (let m = 0; m < hours * 60; m++) samples.push(sample(d, H + m * MIN, m % 60));
  await temp.store.health.insertMany(samples);
  return samples.length;
}

const rawCount = (): number => (raw.prepare('select count(*) as n from health_samples').get() as { n: number }).n;

async function rollAll(before: Date, limit: number): Promise<{ calls: number; samples: number }> {
  let calls = 0;
  let samples = 0;
  for (;;) {
    const step = await temp.store.maintenance.rollUpHealth(before, limit);
    calls++;
    samples += step.samples;
    if (step.done) return { calls, samples };
  }
}

describe('health rollup', () => {
  it('folds complete hours older than the cut-off per device and hour, and deletes exactly those samples', async () => {
    await seedHours(3);
    // 14:30 rounds down to 14:00: the third hour (14:00–15:00) is not complete at the cut-off, it stays raw.
    const step = await temp.store.maintenance.rollUpHealth(new Date(H + 2 * HOUR_MS + 30 * MIN), 10_000);
    expect(step).toEqual({ samples: 240, discarded: 0, rollups: 4, done: true });
    expect(rawCount()).toBe(120);
    expect((await temp.store.health.recent(a, new Date(0), 1000)).every((s) => s.at.getTime() >= H + 2 * HOUR_MS)).toBe(true);

    const hours = await temp.store.healthRollups.range(a, new Date(0), new Date(H + 10 * HOUR_MS), 100);
    expect(hours.map((r) => r.hour.getTime())).toEqual([H, H + HOUR_MS]);
    expect(hours[0]).toMatchObject({ deviceId: a, samples: 60, cpuPercentAvg: 29.5, cpuPercentMax: 59, memUsedBytesAvg: 29_500, memUsedBytesMax: 59_000, lastAt: new Date(H + 59 * MIN) });
    expect(await temp.store.healthRollups.range(b, new Date(H), new Date(H + HOUR_MS), 100)).toHaveLength(1);
  });

  it('works in bounded batches whose sum is the one-shot result', async () => {
    const total = await seedHours(5);
    const { calls, samples } = await rollAll(new Date(H + 5 * HOUR_MS), 97);
    expect(samples).toBe(total);
    expect(calls).toBeGreaterThanOrEqual(Math.ceil(total / 97));
    // Every hour of every device is whole, though batches cut hours anywhere.
    for (const d of [a, b]) {
      const hours = await temp.store.healthRollups.range(d, new Date(0), new Date(H + 9 * HOUR_MS), 100);
      expect(hours.map((r) => [r.samples, r.cpuPercentAvg, r.cpuPercentMax])).toEqual(Array(5).fill([60, 29.5, 59]));
    }
  });

  it('never takes more than the limit per call when sample times differ', async () => {
    await seedHours(2);
    for (let i = 0; i < 5; i++) {
      const before = rawCount();
      const step = await temp.store.maintenance.rollUpHealth(new Date(H + 2 * HOUR_MS), 50);
      expect(step.samples).toBeLessThanOrEqual(50);
      expect(before - rawCount()).toBe(step.samples);
    }
  });

  it('takes an instant shared by more samples than the limit whole (time is the batch boundary)', async () => {
    await temp.store.health.insertMany([a, a, a, b, b].map((d, i) => sample(d, H, i)));
    const step = await temp.store.maintenance.rollUpHealth(new Date(H + HOUR_MS), 2);
    expect(step).toMatchObject({ samples: 5, rollups: 2 });
    expect(rawCount()).toBe(0);
  });

  it('counts nothing twice when a batch fails between its upsert and its delete, and converges on a re-run', async () => {
    const total = await seedHours(2);
    raw.exec(`create trigger crash before delete on health_samples begin select raise(abort, 'simulated crash'); end`);
    await expect(temp.store.maintenance.rollUpHealth(new Date(H + 2 * HOUR_MS), 100)).rejects.toThrow(/simulated crash/);
    // The upserted rollups went with the failed delete: one transaction.
    expect(await temp.store.healthRollups.range(a, new Date(0), new Date(H + 9 * HOUR_MS), 100)).toEqual([]);
    expect(rawCount()).toBe(total);

    raw.exec('drop trigger crash');
    expect((await rollAll(new Date(H + 2 * HOUR_MS), 100)).samples).toBe(total);
    expect((await rollAll(new Date(H + 2 * HOUR_MS), 100)).samples).toBe(0);
    const hours = await temp.store.healthRollups.range(a, new Date(0), new Date(H + 9 * HOUR_MS), 100);
    expect(hours.map((r) => r.samples)).toEqual([60, 60]);
  });

  it('merges a late sample into its hour already rolled up', async () => {
    await seedHours(1, [a]);
    await rollAll(new Date(H + HOUR_MS), 1000);
    // A backlog delivered days later keeps the agent's sample times.
    await temp.store.health.insertMany([sample(a, H + 30 * MIN + 1, 99)]);
    await rollAll(new Date(H + HOUR_MS), 1000);
    const [hour] = await temp.store.healthRollups.range(a, new Date(H), new Date(H + HOUR_MS), 10);
    expect(hour).toMatchObject({ samples: 61, cpuPercentMax: 99, cpuPercentAvg: (29.5 * 60 + 99) / 61, lastAt: new Date(H + 59 * MIN) });
  });

  it('deletes an unreadable raw sample without counting it', async () => {
    await seedHours(1, [a]);
    raw.prepare('insert into health_samples (device_id, message_id, at, metrics) values (?, ?, ?, ?)').run(a, newId(), H + 5, '{"cpuPercent":"lots"');
    const step = await temp.store.maintenance.rollUpHealth(new Date(H + HOUR_MS), 1000);
    expect(step).toMatchObject({ samples: 60, discarded: 1, rollups: 1 });
    expect(rawCount()).toBe(0);
  });

  it('reads rollups over [from, to), oldest first, bounded', async () => {
    await seedHours(4, [a]);
    await rollAll(new Date(H + 4 * HOUR_MS), 1000);
    const read = (from: number, to: number, limit: number) => temp.store.healthRollups.range(a, new Date(from), new Date(to), limit);
    expect((await read(H + HOUR_MS, H + 3 * HOUR_MS, 10)).map((r) => r.hour.getTime())).toEqual([H + HOUR_MS, H + 2 * HOUR_MS]);
    expect(await read(H, H + 4 * HOUR_MS, 2)).toHaveLength(2);
    expect(await read(H, H + 4 * HOUR_MS, 0)).toEqual([]);
    expect(await temp.store.healthRollups.range(b, new Date(H), new Date(H + 4 * HOUR_MS), 10)).toEqual([]);
  });
});
