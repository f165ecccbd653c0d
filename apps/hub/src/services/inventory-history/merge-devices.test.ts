import { newId, type MetricsSample } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { mergeDevices } from './merge-devices.js';

const HOUR = 3_600_000;
// Ten days back: past the raw window, so the store's rollup job folds these hours.
const H = Date.parse('2025-02-19T10:00:00.000Z');

describe('mergeDevices: hourly health rollups', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const clock = fakeClock();
  let oldId: string;
  let intoId: string;

  const metrics = (cpuPercent: number, memUsedBytes: number): MetricsSample => ({
    cpuPercent,
    memUsedBytes,
    memTotalBytes: 8000,
    diskUsedBytes: 10,
    diskTotalBytes: 100,
    uptimeSeconds: 60,
  });
  const samples = (deviceId: string, atMs: number, values: Array<[number, number]>) =>
    values.map(([cpu, mem], i) => ({ deviceId, messageId: newId(), at: new Date(atMs + i * 60_000), metrics: metrics(cpu, mem) }));

  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    const [site] = await store.sites.list();
    const siteId = site?.id ?? newId();
    if (!site) await store.sites.create({ id: siteId, name: 'Main office', createdAt: clock.clock() });
    oldId = newId();
    intoId = newId();
    for (const [id, hostname] of [[oldId, 'PC-OLD'], [intoId, 'PC-NEW']] as const) {
      await store.devices.create({ id, siteId, machineId: newId(), hostname, keyHash: 'a'.repeat(64), enrolledAt: new Date(H - 24 * HOUR) });
    }
    await store.health.insertMany([
      // The same hour on both records, and one hour only the old record has.
      ...samples(oldId, H, [[10, 1000], [20, 3000]]),
      ...samples(intoId, H + 30 * 60_000, [[60, 5000]]),
      ...samples(oldId, H + HOUR, [[90, 7000]]),
    ]);
    while (!(await store.maintenance.rollUpHealth(new Date(H + 2 * HOUR), 1000)).done);
  });
  afterEach(async () => {
    await cleanup();
  });

  it('moves the merged record’s rollups in the merge, adding counts and sums of a shared hour', async () => {
    const answer = await mergeDevices({ store, clock: clock.clock, canSee: () => true }, oldId, intoId);
    expect(answer).toMatchObject({ mergedId: oldId, intoId: intoId, movedHealthRollups: 2 });

    expect(await store.healthRollups.range(oldId, new Date(0), new Date(H + 3 * HOUR), 10)).toEqual([]);
    const [shared, only] = await store.healthRollups.range(intoId, new Date(0), new Date(H + 3 * HOUR), 10);
    // (10 + 20 + 60) / 3 and (1000 + 3000 + 5000) / 3 over the three samples of the hour.
    expect(shared).toMatchObject({ hour: new Date(H), samples: 3, cpuPercentAvg: 30, cpuPercentMax: 60, memUsedBytesAvg: 3000, memUsedBytesMax: 5000 });
    expect(only).toMatchObject({ hour: new Date(H + HOUR), samples: 1, cpuPercentAvg: 90 });
  });

  it('moves nothing when the merge is refused', async () => {
    await store.devices.revoke(intoId, clock.clock());
    await expect(mergeDevices({ store, clock: clock.clock, canSee: () => true }, oldId, intoId)).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.healthRollups.range(oldId, new Date(0), new Date(H + 3 * HOUR), 10)).toHaveLength(2);
  });
});
