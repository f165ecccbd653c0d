import fc from 'fast-check';
import type { MetricsSample } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { aMetricsSample, T0 } from '../test-support/records.js';
import { HOUR_MS, hourOf, mergeRollups, rollupOfSample, toRollupRecord } from './rollup-math.js';
import type { HealthRollupsTable } from './schema-rollups.js';

const H = T0.getTime();
const GiB = 2 ** 30;

function foldAll(samples: ReadonlyArray<{ at: number; m: MetricsSample }>): HealthRollupsTable {
  const [first, ...rest] = samples.map((s) => rollupOfSample('d1', s.at, s.m));
  if (!first) throw new Error('no samples');
  return rest.reduce(mergeRollups, first);
}

describe('rollup math', () => {
  it('averages and maxes CPU and memory, keeps the last disk reading and the latest totals', () => {
    const record = toRollupRecord(
      foldAll([
        { at: H + 1_000, m: aMetricsSample({ cpuPercent: 10, memUsedBytes: 2 * GiB, diskUsedBytes: 100, uptimeSeconds: 10 }) },
        { at: H + 3_000, m: aMetricsSample({ cpuPercent: 50, memUsedBytes: 6 * GiB, diskUsedBytes: 90, uptimeSeconds: 30, memTotalBytes: 32 * GiB }) },
        // The disks could not be read last: "last" is the last reading, not a null.
        { at: H + 2_000, m: aMetricsSample({ cpuPercent: 30, memUsedBytes: 4 * GiB, diskUsedBytes: 120, uptimeSeconds: 20 }) },
        { at: H + 4_000, m: aMetricsSample({ cpuPercent: 30, memUsedBytes: 4 * GiB, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 40 }) },
      ]),
    );
    expect(record).toEqual({
      deviceId: 'd1',
      hour: T0,
      samples: 4,
      lastAt: new Date(H + 4_000),
      cpuPercentAvg: 30,
      cpuPercentMax: 50,
      memUsedBytesAvg: 4 * GiB,
      memUsedBytesMax: 6 * GiB,
      memTotalBytes: 16 * GiB,
      uptimeSeconds: 40,
      diskUsedBytesLast: 90,
      diskUsedBytesMax: 120,
      diskTotalBytes: 512 * GiB,
      wifi: null,
    });
  });

  it('carries the Wi-Fi link: averages and weakest over the samples that had one', () => {
    const record = toRollupRecord(
      foldAll([
        { at: H, m: aMetricsSample({ wifi: { signalDbm: -60, qualityPercent: 80 } }) },
        { at: H + 1, m: aMetricsSample({ wifi: { signalDbm: -70, qualityPercent: null } }) },
        { at: H + 2, m: aMetricsSample({ wifi: null }) },
        { at: H + 3, m: aMetricsSample() },
      ]),
    );
    expect(record.wifi).toEqual({ samples: 2, signalDbmAvg: -65, signalDbmMin: -70, qualityPercentAvg: 80, qualityPercentMin: 80 });
    expect(record.samples).toBe(4);
  });

  it('gives the same rollup however the samples are split into batches and in whatever order they merge', () => {
    const sample = fc.record({
      at: fc.integer({ min: 0, max: HOUR_MS - 1 }),
      cpu: fc.integer({ min: 0, max: 100 }),
      mem: fc.integer({ min: 0, max: 64 * GiB }),
      disk: fc.option(fc.integer({ min: 0, max: 2 ** 40 })),
      signal: fc.option(fc.integer({ min: -100, max: -20 })),
    });
    fc.assert(
      // Distinct times: "last" is then unambiguous.
      fc.property(fc.uniqueArray(sample, { minLength: 1, maxLength: 40, selector: (s) => s.at }), fc.nat(), (raw, seed) => {
        const samples = raw.map((s) => ({
          at: H + s.at,
          m: aMetricsSample({ cpuPercent: s.cpu, memUsedBytes: s.mem, diskUsedBytes: s.disk, wifi: s.signal === null ? null : { signalDbm: s.signal, qualityPercent: null } }),
        }));
        const whole = foldAll(samples);
        const cut = seed % samples.length;
        const parts = [samples.slice(0, cut), samples.slice(cut)].filter((p) => p.length > 0).map(foldAll);
        const merged = parts.reverse().reduce((a, b) => mergeRollups(a, b));
        expect(toRollupRecord(merged)).toEqual(toRollupRecord(whole));
      }),
    );
  });

  it('places a sample in its UTC hour', () => {
    expect(hourOf(H + HOUR_MS - 1)).toBe(H);
    expect(hourOf(H + HOUR_MS)).toBe(H + HOUR_MS);
    expect(rollupOfSample('d1', H - 1, aMetricsSample()).hour).toBe(H - HOUR_MS);
  });
});
