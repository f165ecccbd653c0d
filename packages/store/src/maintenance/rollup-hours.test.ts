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

beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  await temp.store.sites.create(site);
  a = newId();
  b = newId();
  await temp.store.devices.create({ ...aDevice(site.id), id: a });
  await temp.store.devices.create({ ...aDevice(site.id, { hostname: 'PC-002' }), id: b });
});
afterEach(async () => {
  await temp.cleanup();
});

function sample(deviceId: string, atMs: number, cpuPercent: number, extra: Partial<HealthSampleRecord['metrics']> = {}): HealthSampleRecord {
  return { deviceId, messageId: newId(), at: new Date(atMs), metrics: aMetricsSample({ cpuPercent, memUsedBytes: cpuPercent * 1000, ...extra }) };
}

async function rollAll(before: Date): Promise<void> {
  while (!(await temp.store.maintenance.rollUpHealth(before, 1000)).done);
}

describe('healthRollups.hourly', () => {
  it('answers the same hours before and after the rollup job has folded them', async () => {
    // Hour 0: 60 samples, CPU 0..59; hour 1: 30 samples (the one in progress), CPU 10.
    const samples: HealthSampleRecord[] = [];
    for (let m = 0; m < 60; m++) samples.push(sample(a, H + m * MIN, m));
    for (let m = 0; m < 30; m++) samples.push(sample(a, H + HOUR_MS + m * MIN, 10));
    samples.push(sample(b, H, 99));
    await temp.store.health.insertMany(samples);

    const before = await temp.store.healthRollups.hourly(a, new Date(H), new Date(H + 2 * HOUR_MS), 100);
    expect(before.map((r) => [r.hour.getTime(), r.samples, r.cpuPercentAvg, r.cpuPercentMax])).toEqual([
      [H, 60, 29.5, 59],
      [H + HOUR_MS, 30, 10, 10],
    ]);
    expect(await temp.store.healthRollups.range(a, new Date(H), new Date(H + 2 * HOUR_MS), 100)).toEqual([]);

    await rollAll(new Date(H + HOUR_MS));
    expect(await temp.store.healthRollups.range(a, new Date(H), new Date(H + 2 * HOUR_MS), 100)).toHaveLength(1);
    expect(await temp.store.healthRollups.hourly(a, new Date(H), new Date(H + 2 * HOUR_MS), 100)).toEqual(before);
  });

  it('folds raw samples over several days (read a day at a time) into every hour, none split or lost', async () => {
    // One sample every 20 minutes for 3 days and a half, starting mid-hour: 252 hours' worth.
    const samples: HealthSampleRecord[] = [];
    for (let t = H + 30 * MIN; t < H + 84 * HOUR_MS; t += 20 * MIN) samples.push(sample(a, t, 50));
    await temp.store.health.insertMany(samples);
    const hours = await temp.store.healthRollups.hourly(a, new Date(H), new Date(H + 84 * HOUR_MS), 1000);
    expect(hours).toHaveLength(84);
    expect(hours.reduce((n, h) => n + h.samples, 0)).toBe(samples.length);
    expect(hours[0]?.samples).toBe(2);
    expect(hours.slice(1).every((h) => h.samples === 3)).toBe(true);
  });

  it('merges a late raw sample into its stored hour, and keeps to hours starting in [from, to)', async () => {
    await temp.store.health.insertMany([sample(a, H, 20), sample(a, H + 10 * MIN, 40)]);
    await rollAll(new Date(H + HOUR_MS));
    // Arrives after its hour was rolled up; the job would fold it into the same row later.
    await temp.store.health.insertMany([sample(a, H + 20 * MIN, 90), sample(a, H + HOUR_MS + MIN, 5)]);

    const [hour, next, ...rest] = await temp.store.healthRollups.hourly(a, new Date(H), new Date(H + HOUR_MS + 1), 100);
    expect(rest).toEqual([]);
    expect(hour).toMatchObject({ samples: 3, cpuPercentAvg: 50, cpuPercentMax: 90 });
    expect(next).toMatchObject({ samples: 1, cpuPercentAvg: 5 });
    // `from` inside an hour: that hour does not start in the range.
    expect((await temp.store.healthRollups.hourly(a, new Date(H + 1), new Date(H + 2 * HOUR_MS), 100)).map((r) => r.hour.getTime())).toEqual([H + HOUR_MS]);
    expect(await temp.store.healthRollups.hourly(a, new Date(H), new Date(H + 2 * HOUR_MS), 1)).toHaveLength(1);
    expect(await temp.store.healthRollups.hourly(a, new Date(H + HOUR_MS), new Date(H), 10)).toEqual([]);
  });
});

describe('healthRollups.moveDevice', () => {
  it('moves rollups to the surviving record, adding counts and sums where both have the hour', async () => {
    await temp.store.health.insertMany([
      // Same hour on both records.
      sample(a, H, 10, { diskUsedBytes: 5, wifi: { signalDbm: -60, qualityPercent: 80 } }),
      sample(a, H + MIN, 30, { diskUsedBytes: 6 }),
      sample(b, H + 2 * MIN, 80, { diskUsedBytes: 7, wifi: { signalDbm: -80, qualityPercent: 40 } }),
      // An hour only the merged record has.
      sample(a, H + HOUR_MS, 50),
    ]);
    await rollAll(new Date(H + 2 * HOUR_MS));

    const moved = await temp.store.transaction((tx) => tx.healthRollups.moveDevice(a, b));
    expect(moved).toBe(2);
    expect(await temp.store.healthRollups.range(a, new Date(0), new Date(H + 3 * HOUR_MS), 100)).toEqual([]);
    const [shared, only] = await temp.store.healthRollups.range(b, new Date(0), new Date(H + 3 * HOUR_MS), 100);
    expect(shared).toMatchObject({
      samples: 3,
      cpuPercentAvg: 40,
      cpuPercentMax: 80,
      memUsedBytesAvg: 40_000,
      // The later reading wins for "last".
      diskUsedBytesLast: 7,
      diskUsedBytesMax: 7,
      lastAt: new Date(H + 2 * MIN),
      wifi: { samples: 2, signalDbmAvg: -70, signalDbmMin: -80, qualityPercentAvg: 60, qualityPercentMin: 40 },
    });
    expect(only).toMatchObject({ deviceId: b, hour: new Date(H + HOUR_MS), samples: 1, cpuPercentAvg: 50 });
  });

  it('moves nothing from a record without rollups, and rolls back with its transaction', async () => {
    expect(await temp.store.transaction((tx) => tx.healthRollups.moveDevice(b, a))).toBe(0);
    await temp.store.health.insertMany([sample(a, H, 10)]);
    await rollAll(new Date(H + HOUR_MS));
    await expect(
      temp.store.transaction(async (tx) => {
        await tx.healthRollups.moveDevice(a, b);
        throw new Error('merge failed later');
      }),
    ).rejects.toThrow('merge failed later');
    expect(await temp.store.healthRollups.range(a, new Date(0), new Date(H + HOUR_MS), 10)).toHaveLength(1);
    expect(await temp.store.healthRollups.range(b, new Date(0), new Date(H + HOUR_MS), 10)).toEqual([]);
  });
});
