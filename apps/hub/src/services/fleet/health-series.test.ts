import type { HealthPoint } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { downsampleHealth } from './health-series.js';

const DAY = 24 * 3600_000;
// On a 3-minute boundary, so the buckets of the day below start with the first sample.
const START = Date.parse('2026-03-10T00:00:00.000Z');

function point(atMs: number, over: Partial<HealthPoint> = {}): HealthPoint {
  return {
    at: new Date(atMs).toISOString(),
    cpuPercent: 10,
    memUsedBytes: 1000,
    memTotalBytes: 4000,
    diskUsedBytes: 50,
    diskTotalBytes: 100,
    uptimeSeconds: Math.round((atMs - START) / 1000),
    ...over,
  };
}

/** One sample every 30 s for a day: 2,880. CPU alternates 0/20/40/60/80/100 by sample. */
function aDay(): HealthPoint[] {
  return Array.from({ length: 2880 }, (_, i) => point(START + i * 30_000, { cpuPercent: (i % 6) * 20, memUsedBytes: 1000 + i, diskUsedBytes: i }));
}

describe('downsampleHealth', () => {
  it('spreads 2,880 samples of a day over at most 500 points covering the whole day', () => {
    const points = downsampleHealth(aDay(), DAY, 500);
    expect(points.length).toBeLessThanOrEqual(500);
    // 3-minute buckets: 480 of them.
    expect(points).toHaveLength(480);
    const first = Date.parse(points[0]?.at ?? '');
    const last = Date.parse(points[points.length - 1]?.at ?? '');
    expect(first - START).toBeLessThan(3 * 60_000);
    expect(last).toBe(START + 2879 * 30_000);
    const times = points.map((p) => Date.parse(p.at));
    expect(times.every((t, i) => i === 0 || t - (times[i - 1] ?? 0) === 3 * 60_000)).toBe(true);
  });

  it('averages CPU and memory per bucket, keeps the last disk, uptime and time', () => {
    const [first, second] = downsampleHealth(aDay(), DAY, 500);
    // Bucket 0 holds samples 0..5: CPU 0,20,..,100 -> 50; memory 1000..1005 -> 1002.5 -> 1003.
    expect(first).toEqual(point(START + 5 * 30_000, { cpuPercent: 50, memUsedBytes: 1003, diskUsedBytes: 5 }));
    expect(second).toMatchObject({ cpuPercent: 50, memUsedBytes: 1009, diskUsedBytes: 11, at: new Date(START + 11 * 30_000).toISOString() });
  });

  it('answers the samples unchanged when they fit', () => {
    const few = aDay().slice(0, 500);
    expect(downsampleHealth(few, DAY, 500)).toEqual(few);
  });

  it('keeps the last disk reading a bucket has, and null disk when none has one', () => {
    const samples = [
      point(START, { diskUsedBytes: 70, diskTotalBytes: 100 }),
      point(START + 1000, { diskUsedBytes: null, diskTotalBytes: null }),
      point(START + 3 * 60_000, { diskUsedBytes: null, diskTotalBytes: null }),
      point(START + 3 * 60_000 + 1000, { diskUsedBytes: null, diskTotalBytes: null }),
      point(START + 6 * 60_000),
    ];
    // 9 minutes over 3 buckets: 3-minute buckets.
    const [a, b] = downsampleHealth(samples, 9 * 60_000, 4);
    expect(a).toMatchObject({ diskUsedBytes: 70, diskTotalBytes: 100 });
    expect(b).toMatchObject({ diskUsedBytes: null, diskTotalBytes: null });
  });

  it('averages Wi-Fi over samples with a link, says "no link" only when none had one, and leaves it out when none said', () => {
    const samples = [
      point(START, { wifi: { signalDbm: -50, qualityPercent: 100 } }),
      point(START + 1000, { wifi: null }),
      point(START + 2000, { wifi: { signalDbm: -71, qualityPercent: null } }),
      point(START + 3 * 60_000, { wifi: null }),
      point(START + 3 * 60_000 + 1000),
      point(START + 6 * 60_000),
      point(START + 6 * 60_000 + 1000),
    ];
    const [linked, dropped, silent] = downsampleHealth(samples, 9 * 60_000, 4);
    expect(linked?.wifi).toEqual({ signalDbm: -60, qualityPercent: 100 });
    expect(dropped?.wifi).toBeNull();
    expect(silent).not.toHaveProperty('wifi');
  });
});
