import type { HealthHourPoint } from '@deskside/protocol';
import type { ChartGeometry, ChartWindow, HealthLines } from './health-chart.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A range of the health chart: recent samples from the device detail, or hours from the hub's rollups. */
export interface HealthRange {
  id: string;
  label: string;
  ms: number;
  source: 'samples' | 'hourly';
}

/** Ranges drawn from the device detail's samples (the hub sends its last 24 h). */
export const SAMPLE_RANGES: readonly HealthRange[] = [
  { id: '1h', label: '1 h', ms: HOUR, source: 'samples' },
  { id: '6h', label: '6 h', ms: 6 * HOUR, source: 'samples' },
  { id: '24h', label: '24 h', ms: DAY, source: 'samples' },
];

/** Ranges drawn from hourly rollups (`GET /api/v1/devices/:id/health/hourly`). */
export const HOURLY_RANGES: readonly HealthRange[] = [
  { id: '7d', label: '7 days', ms: 7 * DAY, source: 'hourly' },
  { id: '30d', label: '30 days', ms: 30 * DAY, source: 'hourly' },
];

/**
 * The hourly window to ask for and draw, ending now: from a whole hour, so the first bar is a full
 * hour and the hub's "hours starting in [from, to)" includes the one in progress.
 */
export function hourlyWindow(range: Pick<HealthRange, 'ms'>, now: number): ChartWindow {
  return { from: Math.floor((now - range.ms) / HOUR) * HOUR, to: now };
}

/**
 * A faint band between each hour's average and its peak CPU %, as SVG polygon `points`: along the
 * peaks left to right, then back along the averages. Same x/y mapping as `healthLines` with a
 * window. Empty with no hour in the window.
 */
export function cpuPeakBand(hours: readonly HealthHourPoint[], { width, height }: ChartGeometry, window: ChartWindow): string {
  const span = window.to - window.from;
  if (!(span > 0)) return '';
  const timed = hours
    .map((hour) => ({ hour, at: Date.parse(hour.at) }))
    .filter(({ at }) => !Number.isNaN(at) && at >= window.from && at <= window.to)
    .sort((a, b) => a.at - b.at);
  if (timed.length === 0) return '';
  const round = (n: number) => Math.round(n * 10) / 10;
  const x = (at: number) => round(((at - window.from) / span) * width);
  const y = (percent: number) => round(height - (clamp(percent) / 100) * height);
  const top = timed.map(({ hour, at }) => `${x(at)},${y(Math.max(hour.cpuPercentMax, hour.cpuPercent))}`);
  const bottom = timed.map(({ hour, at }) => `${x(at)},${y(hour.cpuPercent)}`).reverse();
  return [...top, ...bottom].join(' ');
}

/** The highest hourly CPU peak, for the legend and the summary; null with no hours. */
export function peakCpu(hours: readonly HealthHourPoint[]): number | null {
  let peak: number | null = null;
  for (const hour of hours) peak = Math.max(peak ?? 0, hour.cpuPercentMax);
  return peak === null ? null : clamp(peak);
}

function clamp(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}

/**
 * An hourly range in words (the chart's title and caption): the latest hour's averages and the
 * range's CPU peak, or what the range is waiting for.
 */
export function hourlySummary(state: 'idle' | 'loading' | 'loaded' | 'error', lines: HealthLines, peak: number | null, rangeLabel: string): string {
  if (state === 'loading' || state === 'idle') return `Loading ${rangeLabel} of health`;
  if (state === 'error') return `The last ${rangeLabel} of health could not be loaded`;
  if (lines.count === 0) return `No health recorded in the last ${rangeLabel}`;
  const parts = [`CPU ${percentText(lines.lastCpu)}`, `memory ${percentText(lines.lastMemory)}`];
  if (lines.lastDisk !== null) parts.push(`disk ${percentText(lines.lastDisk)} used`);
  if (lines.wifi.length > 0) parts.push(lines.lastWifi === null ? 'no Wi-Fi link' : `Wi-Fi signal ${percentText(lines.lastWifi)}`);
  return `Latest hour: ${parts.join(', ')}; CPU peak ${percentText(peak)}; ${lines.count} hour${lines.count === 1 ? '' : 's'} over ${rangeLabel}`;
}

function percentText(value: number | null): string {
  return value === null ? 'unknown' : `${value.toFixed(0)} %`;
}

/**
 * Hours split where one is missing (the PC was off, asleep or away), oldest first: each run is
 * drawn as its own lines, so two days without data do not look like a slow ramp between them.
 */
export function hourRuns(hours: readonly HealthHourPoint[]): HealthHourPoint[][] {
  const timed = hours
    .map((hour) => ({ hour, at: Date.parse(hour.at) }))
    .filter(({ at }) => !Number.isNaN(at))
    .sort((a, b) => a.at - b.at);
  const runs: HealthHourPoint[][] = [];
  let run: HealthHourPoint[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const { hour, at } of timed) {
    if (at - previous > HOUR && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(hour);
    previous = at;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
