import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HealthPoint } from './device.js';
import { HealthHourlyQuerySchema, HealthHourlyResponseSchema, HealthHourPointSchema, type HealthHourPoint } from './health-history.js';

const hour: HealthHourPoint = {
  at: '2026-03-10T12:00:00.000Z',
  samples: 120,
  cpuPercent: 12.5,
  cpuPercentMax: 97,
  memUsedBytes: 4_000_000_000,
  memUsedBytesMax: 6_000_000_000,
  memTotalBytes: 16_000_000_000,
  diskUsedBytes: 100_000_000_000,
  diskUsedBytesMax: 101_000_000_000,
  diskTotalBytes: 500_000_000_000,
  uptimeSeconds: 3600,
  wifi: { signalDbm: -61, qualityPercent: 78, signalDbmMin: -80, qualityPercentMin: 40, samples: 100 },
};

describe('hourly health schemas', () => {
  it('accepts an hour, and one without disk or Wi-Fi', () => {
    expect(HealthHourPointSchema.parse(hour)).toEqual(hour);
    const bare = { ...hour, diskUsedBytes: null, diskUsedBytesMax: null, diskTotalBytes: null, wifi: null };
    expect(HealthHourPointSchema.safeParse(bare).success).toBe(true);
  });

  it('is drawable wherever a HealthPoint is', () => {
    expectTypeOf<HealthHourPoint>().toExtend<HealthPoint>();
  });

  it.each([
    ['no samples', { samples: 0 }],
    ['a CPU peak over 100 %', { cpuPercentMax: 101 }],
    ['a fractional byte peak', { memUsedBytesMax: 1.5 }],
    ['a Wi-Fi hour with neither figure', { wifi: { signalDbm: null, qualityPercent: null, signalDbmMin: null, qualityPercentMin: null, samples: 1 } }],
    ['a Wi-Fi hour without its count', { wifi: { signalDbm: -61, qualityPercent: 78, signalDbmMin: -80, qualityPercentMin: 40 } }],
    ['a missing wifi field (null says "no link")', { wifi: undefined }],
  ])('refuses %s', (_label, over) => {
    expect(HealthHourPointSchema.safeParse({ ...hour, ...over }).success).toBe(false);
  });

  it('bounds the answer and the query', () => {
    expect(HealthHourlyResponseSchema.safeParse({ hourly: [hour] }).success).toBe(true);
    expect(HealthHourlyResponseSchema.safeParse({ hourly: Array.from({ length: 401 * 24 + 1 }, () => hour) }).success).toBe(false);
    expect(HealthHourlyQuerySchema.safeParse({ from: '2026-03-01T00:00:00Z' }).success).toBe(true);
    expect(HealthHourlyQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(HealthHourlyQuerySchema.safeParse({ from: '2026-03-01T00:00:00Z', limit: '5' }).success).toBe(false);
  });
});
