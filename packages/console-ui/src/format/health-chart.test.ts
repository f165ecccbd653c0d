import type { HealthPoint } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { healthLines, MAX_CHART_POINTS, memoryPercent } from './health-chart.js';

const GiB = 1024 ** 3;
const point = (at: string, cpuPercent: number, memUsed: number, memTotal = 16 * GiB): HealthPoint => ({
  at,
  cpuPercent,
  memUsedBytes: memUsed,
  memTotalBytes: memTotal,
  diskUsedBytes: null,
  diskTotalBytes: null,
  uptimeSeconds: 100,
});

describe('healthLines', () => {
  const geometry = { width: 100, height: 50 };

  it('maps time to x and percent to y (100 % at the top), sorted by time', () => {
    const lines = healthLines(
      [point('2026-03-10T12:02:00Z', 100, 16 * GiB), point('2026-03-10T12:00:00Z', 0, 8 * GiB), point('2026-03-10T12:01:00Z', 50, 4 * GiB)],
      geometry,
    );
    expect(lines.cpu).toBe('0,50 50,25 100,0');
    expect(lines.memory).toBe('0,25 50,37.5 100,0');
    expect(lines.lastCpu).toBe(100);
    expect(lines.lastMemory).toBe(100);
    expect(lines.to! - lines.from!).toBe(120_000);
  });

  it('centres a single sample and skips memory points with an unknown total', () => {
    const lines = healthLines([point('2026-03-10T12:00:00Z', 20, 1, 0)], geometry);
    expect(lines.cpu).toBe('50,40');
    expect(lines.cpuEnd).toEqual({ x: 50, y: 40 });
    expect(lines.memory).toBe('');
    expect(lines.memoryEnd).toBeNull();
    expect(lines.lastMemory).toBeNull();
  });

  it('draws nothing without samples, and skips bad timestamps', () => {
    expect(healthLines([], geometry)).toMatchObject({ cpu: '', memory: '', from: null });
    expect(healthLines([point('garbage', 10, 1)], geometry).cpu).toBe('');
  });

  it('thins long histories to a bounded number of points, keeping both ends', () => {
    const start = Date.parse('2026-03-10T00:00:00Z');
    const samples = Array.from({ length: 5000 }, (_, i) => point(new Date(start + i * 30_000).toISOString(), i % 100, GiB));
    const lines = healthLines(samples, geometry);
    const pts = lines.cpu.split(' ');
    expect(pts).toHaveLength(MAX_CHART_POINTS);
    expect(pts[0]?.startsWith('0,')).toBe(true);
    expect(pts.at(-1)?.startsWith('100,')).toBe(true);
  });
});

describe('memoryPercent', () => {
  it('is bounded', () => {
    expect(memoryPercent({ memUsedBytes: 3, memTotalBytes: 2 })).toBe(100);
    expect(memoryPercent({ memUsedBytes: 1, memTotalBytes: 4 })).toBe(25);
  });
});
