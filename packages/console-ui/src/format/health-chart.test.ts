import type { HealthPoint } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { diskPercent, healthLines, MAX_CHART_POINTS, memoryPercent, timeTicks } from './health-chart.js';

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

describe('healthLines with disk and a window', () => {
  const geometry = { width: 100, height: 50 };
  const withDisk = (at: string, cpu: number, diskUsed: number | null, diskTotal: number | null): HealthPoint => ({
    ...point(at, cpu, GiB),
    diskUsedBytes: diskUsed,
    diskTotalBytes: diskTotal,
  });

  it('draws disk used %, skipping samples that do not report the disk', () => {
    const lines = healthLines(
      [withDisk('2026-03-10T12:00:00Z', 0, 50, 100), withDisk('2026-03-10T12:01:00Z', 0, null, null), withDisk('2026-03-10T12:02:00Z', 0, 100, 100)],
      geometry,
    );
    expect(lines.disk).toBe('0,25 100,0');
    expect(lines.lastDisk).toBe(100);
    expect(diskPercent({ diskUsedBytes: 1, diskTotalBytes: 0 })).toBeNull();
  });

  it('places samples within a fixed window and leaves out those before it', () => {
    const from = Date.parse('2026-03-10T12:00:00Z');
    const to = from + 3_600_000;
    const lines = healthLines(
      [point('2026-03-10T11:00:00Z', 10, GiB), point('2026-03-10T12:30:00Z', 50, GiB), point('2026-03-10T13:00:00Z', 100, GiB)],
      geometry,
      { from, to },
    );
    expect(lines.cpu).toBe('50,25 100,0');
    expect(lines.count).toBe(2);
    expect([lines.from, lines.to]).toEqual([from, to]);
  });

  it('reports an empty window with its bounds', () => {
    const lines = healthLines([point('2026-03-10T11:00:00Z', 10, GiB)], geometry, { from: 0, to: 1 });
    expect(lines).toMatchObject({ cpu: '', count: 0, from: 0, to: 1 });
  });
});

describe('timeTicks', () => {
  it('puts round times across the window, at most the maximum', () => {
    const from = new Date(2026, 2, 10, 12, 7).getTime();
    const ticks = timeTicks(from, from + 6 * 3_600_000, 6);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks[0]?.label).toBe('13:00');
    for (const tick of ticks) {
      expect(tick.position).toBeGreaterThanOrEqual(0);
      expect(tick.position).toBeLessThanOrEqual(1);
    }
  });

  it('uses minutes for short windows and nothing for an empty one', () => {
    const from = new Date(2026, 2, 10, 12, 2).getTime();
    expect(timeTicks(from, from + 3_600_000, 6).map((t) => t.label)).toEqual(['12:10', '12:20', '12:30', '12:40', '12:50', '13:00']);
    expect(timeTicks(from, from)).toEqual([]);
  });
});

describe('healthLines: Wi-Fi signal', () => {
  const geometry = { width: 100, height: 50 };
  const wifi = (at: string, link: HealthPoint['wifi']): HealthPoint => ({ ...point(at, 0, GiB), ...(link === undefined ? {} : { wifi: link }) });

  it('draws signal quality %, derived from dBm when that is all the agent sent', () => {
    const lines = healthLines(
      [wifi('2026-03-10T12:00:00Z', { signalDbm: -50, qualityPercent: 100 }), wifi('2026-03-10T12:02:00Z', { signalDbm: -75, qualityPercent: null })],
      geometry,
    );
    expect(lines.wifi).toEqual(['0,0 100,25']);
    expect(lines.wifiEnd).toEqual({ x: 100, y: 25 });
    expect(lines.lastWifi).toBe(50);
  });

  it('breaks the line where the PC had no Wi-Fi link, and skips samples that do not say', () => {
    const lines = healthLines(
      [
        wifi('2026-03-10T12:00:00Z', { signalDbm: -60, qualityPercent: 80 }),
        wifi('2026-03-10T12:01:00Z', undefined),
        wifi('2026-03-10T12:02:00Z', { signalDbm: -60, qualityPercent: 80 }),
        wifi('2026-03-10T12:03:00Z', null),
        wifi('2026-03-10T12:04:00Z', { signalDbm: -75, qualityPercent: 50 }),
      ],
      geometry,
    );
    expect(lines.wifi).toEqual(['0,10 50,10', '100,25']);
    expect(lines.lastWifi).toBe(50);
  });

  it('has no Wi-Fi line for agents that do not send it, and no end dot or value once disconnected', () => {
    expect(healthLines([point('2026-03-10T12:00:00Z', 10, GiB)], geometry)).toMatchObject({ wifi: [], wifiEnd: null, lastWifi: null });
    const dropped = healthLines([wifi('2026-03-10T12:00:00Z', { signalDbm: -60, qualityPercent: 80 }), wifi('2026-03-10T12:01:00Z', null)], geometry);
    expect(dropped).toMatchObject({ wifi: ['0,10'], wifiEnd: null, lastWifi: null });
  });
});
