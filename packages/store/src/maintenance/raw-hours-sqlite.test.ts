import path from 'node:path';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { newId } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../database-url.js';
import type { Database } from '../schema.js';
import { openSqlite } from '../sqlite/open-sqlite.js';
import { aDevice, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import { foldSamples, type RawSampleRow } from './health-rollup.js';
import { rawHoursSqlite } from './raw-hours-sqlite.js';
import { HOUR_MS } from './rollup-math.js';
import type { HealthRollupsTable } from './schema-rollups.js';

const H = T0.getTime();
let temp: TempStore;
let db: Kysely<Database>;
let a: string;
let b: string;

beforeAll(async () => {
  temp = await openTempStore();
  const site = aSite();
  await temp.store.sites.create(site);
  a = newId();
  b = newId();
  await temp.store.devices.create({ ...aDevice(site.id), id: a });
  await temp.store.devices.create({ ...aDevice(site.id, { hostname: 'PC-002' }), id: b });
  db = openSqlite({ kind: 'file', path: path.join(temp.dir, SQLITE_FILE_NAME) });
});
afterAll(async () => {
  await db.destroy();
  await temp.cleanup();
});

const int = (min: number, max: number) => fc.integer({ min, max });
const bytes = fc.oneof(int(0, 2 ** 40), fc.constant(0), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(2 ** 53), fc.constant(2 ** 60));
/** Summed: an hour of them stays below 2^53, where both sums are exact. */
const memUsed = fc.oneof(int(0, 2 ** 44), fc.constant(2 ** 60));
const cpu = fc.oneof(
  int(0, 100),
  int(0, 1000).map((tenths) => tenths / 10),
  fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
);
const wifi = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.record({ signalDbm: fc.option(int(-120, 0)), qualityPercent: int(0, 100) }),
  fc.record({ signalDbm: int(-120, 0), qualityPercent: fc.option(int(0, 100)) }),
);
const validMetrics = fc
  .record({
    cpuPercent: cpu,
    memUsedBytes: memUsed,
    memTotalBytes: bytes,
    diskUsedBytes: fc.option(bytes),
    diskTotalBytes: fc.option(bytes),
    uptimeSeconds: int(0, 10 ** 9),
    wifi,
  })
  .map((m) => JSON.stringify(m));
/** Rows MetricsSampleSchema rejects: the JS fold discards them, so must the SQL. */
const invalidMetrics = fc.constantFrom(
  '{not json',
  '[]',
  JSON.stringify({ cpuPercent: 150, memUsedBytes: 1, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 }),
  JSON.stringify({ cpuPercent: '5', memUsedBytes: 1, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: 1.5, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: -1, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 1, diskUsedBytes: 'x', diskTotalBytes: null, uptimeSeconds: 1 }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1, wifi: { signalDbm: null, qualityPercent: null } }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1, wifi: { signalDbm: 5, qualityPercent: 50 } }),
  JSON.stringify({ cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 1, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1, wifi: 'wlan0' }),
);
const row = fc.record({
  device: fc.oneof({ weight: 5, arbitrary: fc.constant('a') }, { weight: 1, arbitrary: fc.constant('b') }),
  // Few hours and few distinct instants: hours with one sample, and several samples in one millisecond.
  hour: int(-1, 6),
  offset: fc.oneof(fc.constantFrom(0, 1, HOUR_MS - 1, 1_800_000), int(0, HOUR_MS - 1)),
  metrics: fc.oneof({ weight: 12, arbitrary: validMetrics }, { weight: 1, arbitrary: invalidMetrics }),
});

async function insertInOrder(rows: readonly { device: string; hour: number; offset: number; metrics: string }[]): Promise<void> {
  await db.deleteFrom('health_samples').execute();
  if (rows.length === 0) return;
  // Insertion (rowid) order is the generated order, not time order: ties and late samples both occur.
  const values = rows.map((r) => ({ device_id: r.device === 'a' ? a : b, message_id: newId(), at: H + r.hour * HOUR_MS + r.offset, metrics: r.metrics }));
  for (let i = 0; i < values.length; i += 100) await db.insertInto('health_samples').values(values.slice(i, i + 100)).execute();
}

/** The JS path: rows read oldest first, ties in insertion order, folded by the rollup job's fold. */
async function jsFold(deviceId: string, firstHour: number, rawEnd: number): Promise<HealthRollupsTable[]> {
  const rows: RawSampleRow[] = await db
    .selectFrom('health_samples')
    .select(['device_id', 'at', 'metrics'])
    .where('device_id', '=', deviceId)
    .where('at', '>=', firstHour)
    .where('at', '<', rawEnd)
    .orderBy('at')
    .orderBy(sql`rowid`)
    .execute();
  return [...foldSamples(rows).folded.values()].sort((x, y) => x.hour - y.hour);
}

describe('rawHoursSqlite', () => {
  it('answers exactly the hours the JS fold makes from the same raw samples', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 120 }), int(0, 3), int(4, 8), async (rows, first, end) => {
        await insertInOrder(rows);
        const [firstHour, rawEnd] = [H + (first - 1) * HOUR_MS, H + end * HOUR_MS];
        const expected = await jsFold(a, firstHour, rawEnd);
        const actual = await rawHoursSqlite(db, a, firstHour, rawEnd, 1000);
        expect(actual.map(sansCpuSum)).toEqual(expected.map(sansCpuSum));
        // SQLite's total() is compensated, the JS sum is left to right: at most a few ulps apart.
        actual.forEach((hour, i) => expect(Math.abs(hour.cpu_sum - (expected[i]?.cpu_sum ?? NaN))).toBeLessThanOrEqual(hour.cpu_sum * 1e-13));
      }),
      { numRuns: 150 },
    );
  });

  it('sums exactly (bit for bit) when the CPU figures are whole, and keeps to at most maxHours, oldest first', async () => {
    const metrics = (cpuPercent: number, disk: number | null) =>
      JSON.stringify({ cpuPercent, memUsedBytes: cpuPercent, memTotalBytes: 100 + cpuPercent, diskUsedBytes: disk, diskTotalBytes: 7, uptimeSeconds: cpuPercent });
    // Three samples in the same millisecond: the last inserted is "last"; the disk reading comes from the last row that has one.
    await insertInOrder([
      { device: 'a', hour: 0, offset: 5, metrics: metrics(10, 1) },
      { device: 'a', hour: 0, offset: 5, metrics: metrics(20, 2) },
      { device: 'a', hour: 0, offset: 5, metrics: metrics(30, null) },
      { device: 'a', hour: 0, offset: 4, metrics: metrics(40, 4) },
      { device: 'a', hour: 2, offset: 0, metrics: metrics(7, null) },
    ]);
    const hours = await rawHoursSqlite(db, a, H, H + 3 * HOUR_MS, 1000);
    expect(hours).toEqual(await jsFold(a, H, H + 3 * HOUR_MS));
    expect(hours[0]).toMatchObject({ samples: 4, cpu_sum: 100, last_at: H + 5, mem_total: 130, uptime_seconds: 30, disk_last_at: H + 5, disk_used_last: 2, disk_used_max: 4 });
    expect(hours[1]).toMatchObject({ hour: H + 2 * HOUR_MS, samples: 1, disk_last_at: null, disk_used_last: null, disk_total: null });
    expect((await rawHoursSqlite(db, a, H, H + 3 * HOUR_MS, 1)).map((h) => h.hour)).toEqual([H]);
  });
});

function sansCpuSum(hour: HealthRollupsTable): Omit<HealthRollupsTable, 'cpu_sum'> {
  const { cpu_sum: _ignored, ...rest } = hour;
  return rest;
}
