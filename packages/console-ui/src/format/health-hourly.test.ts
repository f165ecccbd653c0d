import type { HealthHourPoint } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { healthLines, timeTicks } from './health-chart.js';
import { cpuPeakBand, HOURLY_RANGES, hourRuns, hourlySummary, hourlyWindow, peakCpu } from './health-hourly.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.parse('2026-03-10T00:00:00.000Z');
const hour = (h: number, cpuPercent: number, cpuPercentMax: number): HealthHourPoint => ({
  at: new Date(T + h * HOUR).toISOString(),
  samples: 120,
  cpuPercent,
  cpuPercentMax,
  memUsedBytes: 4,
  memUsedBytesMax: 6,
  memTotalBytes: 16,
  diskUsedBytes: 30,
  diskUsedBytesMax: 31,
  diskTotalBytes: 100,
  uptimeSeconds: 3600,
  wifi: null,
});
const geometry = { width: 100, height: 50 };
const window = { from: T, to: T + 4 * HOUR };

describe('cpuPeakBand', () => {
  it('runs along the peaks left to right, then back along the averages', () => {
    expect(cpuPeakBand([hour(2, 50, 100), hour(0, 10, 20)], geometry, window)).toBe('0,40 50,0 50,25 0,45');
  });

  it('is empty with no hours in the window, or an empty window', () => {
    expect(cpuPeakBand([hour(9, 10, 20)], geometry, window)).toBe('');
    expect(cpuPeakBand([hour(0, 10, 20)], geometry, { from: T, to: T })).toBe('');
  });

  it('never dips under the average line, even from a rounded average above its peak', () => {
    expect(cpuPeakBand([hour(0, 20.1, 20)], geometry, window)).toBe('0,40 0,40');
  });
});

describe('hourly ranges', () => {
  it('offers 7 and 30 days, windows ending now and starting on a whole hour', () => {
    expect(HOURLY_RANGES.map((r) => r.label)).toEqual(['7 days', '30 days']);
    const now = T + 10 * DAY + 25 * 60_000;
    expect(hourlyWindow({ ms: 7 * DAY }, now)).toEqual({ from: T + 3 * DAY, to: now });
  });

  it('labels the time axis with dates, not hours, over 7 and 30 days', () => {
    for (const range of HOURLY_RANGES) {
      const { from, to } = hourlyWindow(range, T + 40 * DAY);
      const ticks = timeTicks(from, to, 6);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(7);
      for (const tick of ticks) expect(tick.label).toMatch(/^\d{1,2}\/\d{1,2}$/);
    }
  });

  it('finds the range’s CPU peak', () => {
    expect(peakCpu([hour(0, 10, 35), hour(1, 5, 92.5), hour(2, 1, 3)])).toBe(92.5);
    expect(peakCpu([])).toBeNull();
  });

  it('says what the range shows, or what it waits for', () => {
    const hours = [hour(0, 10, 35), hour(1, 20, 92)];
    const lines = healthLines(hours, geometry, window);
    expect(hourlySummary('loaded', lines, peakCpu(hours), '7 days')).toBe('Latest hour: CPU 20 %, memory 25 %, disk 30 % used; CPU peak 92 %; 2 hours over 7 days');
    expect(hourlySummary('loaded', healthLines([], geometry, window), null, '30 days')).toBe('No health recorded in the last 30 days');
    expect(hourlySummary('loading', lines, null, '7 days')).toBe('Loading 7 days of health');
    expect(hourlySummary('error', lines, null, '7 days')).toBe('The last 7 days of health could not be loaded');
  });
});

describe('hourRuns', () => {
  it('breaks where an hour is missing, oldest first', () => {
    const runs = hourRuns([hour(5, 1, 1), hour(0, 1, 1), hour(1, 1, 1), hour(2, 1, 1), hour(6, 1, 1), hour(9, 1, 1)]);
    expect(runs.map((run) => run.map((h) => (Date.parse(h.at) - T) / HOUR))).toEqual([[0, 1, 2], [5, 6], [9]]);
    expect(hourRuns([])).toEqual([]);
  });
});
