import type { HealthPoint } from '@deskside/protocol';
import { wifiPercent } from './wifi-signal.js';

/** Most points drawn per line; longer histories are thinned evenly (a chart 600 px wide shows no more). */
export const MAX_CHART_POINTS = 600;

export interface ChartGeometry {
  width: number;
  height: number;
}

export interface ChartPoint {
  x: number;
  y: number;
}

export interface HealthLines {
  /** SVG `points` for CPU %, "x,y x,y …"; empty when there is nothing to draw. */
  cpu: string;
  /** SVG `points` for memory used %. */
  memory: string;
  /** SVG `points` for disk used % (the system disk); empty when the agent does not report it. */
  disk: string;
  /**
   * SVG `points` for Wi-Fi signal quality %, one string per connected stretch: a sample that says
   * "no Wi-Fi link" breaks the line (a sample that does not say is skipped). Empty without links.
   */
  wifi: string[];
  /** Time span covered, epoch ms; null with no samples. */
  from: number | null;
  to: number | null;
  /** Where each line ends, to mark the latest sample (and show a lone sample at all). */
  cpuEnd: ChartPoint | null;
  memoryEnd: ChartPoint | null;
  diskEnd: ChartPoint | null;
  wifiEnd: ChartPoint | null;
  /** The latest values, for the legend. */
  lastCpu: number | null;
  lastMemory: number | null;
  lastDisk: number | null;
  /** From the latest sample that says anything about Wi-Fi; null when that says "no link", or none says. */
  lastWifi: number | null;
  /** Samples drawn (after the time window and thinning). */
  count: number;
}

/** A time window to draw, epoch ms: x runs from `from` to `to` whatever the samples cover. */
export interface ChartWindow {
  from: number;
  to: number;
}

/** Memory used as a percentage of total, or null when the total is unknown (0). */
export function memoryPercent(point: Pick<HealthPoint, 'memUsedBytes' | 'memTotalBytes'>): number | null {
  if (point.memTotalBytes <= 0) return null;
  return clamp((point.memUsedBytes / point.memTotalBytes) * 100);
}

/** Disk used as a percentage of total, or null when the agent does not report the disk. */
export function diskPercent(point: Pick<HealthPoint, 'diskUsedBytes' | 'diskTotalBytes'>): number | null {
  if (point.diskUsedBytes === null || point.diskTotalBytes === null || point.diskTotalBytes <= 0) return null;
  return clamp((point.diskUsedBytes / point.diskTotalBytes) * 100);
}

/**
 * Polyline points for CPU %, memory %, disk % and Wi-Fi signal % over time: x by sample time across the width
 * (across `window` when given, the samples' own span otherwise), y from 100 % (top) to 0 %
 * (bottom). Samples are sorted by time; unparseable times and times outside the window are skipped.
 */
export function healthLines(samples: readonly HealthPoint[], { width, height }: ChartGeometry, window?: ChartWindow): HealthLines {
  const timed = samples
    .map((sample) => ({ sample, at: Date.parse(sample.at) }))
    .filter((entry) => !Number.isNaN(entry.at) && (window === undefined || (entry.at >= window.from && entry.at <= window.to)))
    .sort((a, b) => a.at - b.at);
  const thinned = thin(timed, MAX_CHART_POINTS);
  const first = thinned[0];
  const last = thinned[thinned.length - 1];
  if (first === undefined || last === undefined) {
    return {
      cpu: '',
      memory: '',
      disk: '',
      wifi: [],
      cpuEnd: null,
      memoryEnd: null,
      diskEnd: null,
      wifiEnd: null,
      from: window?.from ?? null,
      to: window?.to ?? null,
      lastCpu: null,
      lastMemory: null,
      lastDisk: null,
      lastWifi: null,
      count: 0,
    };
  }
  const start = window?.from ?? first.at;
  const span = (window?.to ?? last.at) - start;
  const x = (at: number) => (span <= 0 ? width / 2 : ((at - start) / span) * width);
  const y = (percent: number) => height - (clamp(percent) / 100) * height;
  const round = (n: number) => Math.round(n * 10) / 10;
  const cpu: string[] = [];
  const memory: string[] = [];
  const disk: string[] = [];
  const wifi: string[][] = [];
  let wifiStretch: string[] | null = null;
  let cpuEnd: ChartPoint | null = null;
  let memoryEnd: ChartPoint | null = null;
  let diskEnd: ChartPoint | null = null;
  let wifiEnd: ChartPoint | null = null;
  let lastWifi: number | null = null;
  for (const { sample, at } of thinned) {
    cpuEnd = { x: round(x(at)), y: round(y(sample.cpuPercent)) };
    cpu.push(`${cpuEnd.x},${cpuEnd.y}`);
    const mem = memoryPercent(sample);
    if (mem !== null) {
      memoryEnd = { x: round(x(at)), y: round(y(mem)) };
      memory.push(`${memoryEnd.x},${memoryEnd.y}`);
    }
    const used = diskPercent(sample);
    if (used !== null) {
      diskEnd = { x: round(x(at)), y: round(y(used)) };
      disk.push(`${diskEnd.x},${diskEnd.y}`);
    }
    const signal = wifiPercent(sample);
    if (signal !== null) {
      wifiEnd = { x: round(x(at)), y: round(y(signal)) };
      if (wifiStretch === null) {
        wifiStretch = [];
        wifi.push(wifiStretch);
      }
      wifiStretch.push(`${wifiEnd.x},${wifiEnd.y}`);
    } else if (sample.wifi === null) {
      wifiStretch = null;
      wifiEnd = null;
    }
    if (sample.wifi !== undefined) lastWifi = signal;
  }
  return {
    cpu: cpu.join(' '),
    memory: memory.join(' '),
    disk: disk.join(' '),
    wifi: wifi.map((stretch) => stretch.join(' ')),
    cpuEnd,
    memoryEnd,
    diskEnd,
    wifiEnd,
    from: window?.from ?? first.at,
    to: window?.to ?? last.at,
    lastCpu: clamp(last.sample.cpuPercent),
    lastMemory: memoryPercent(last.sample),
    lastDisk: diskPercent(last.sample),
    lastWifi,
    count: thinned.length,
  };
}

function thin<T>(items: readonly T[], max: number): readonly T[] {
  if (items.length <= max) return items;
  const out: T[] = [];
  const step = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) {
    const item = items[Math.round(i * step)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

function clamp(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}

/** A label under the time axis: where (0–1 across the chart) and what ("14:30"). */
export interface TimeTick {
  position: number;
  label: string;
}

const TICK_STEPS_MIN = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/**
 * Round-time ticks ("14:00", "15:00") across a window, at most `max` of them, in the viewer's
 * zone; a step of a day or more labels dates instead.
 */
export function timeTicks(from: number, to: number, max = 6): TimeTick[] {
  if (!(to > from) || max < 1) return [];
  const spanMin = (to - from) / 60_000;
  const stepMin = TICK_STEPS_MIN.find((step) => spanMin / step <= max) ?? Math.ceil(spanMin / max / 1440) * 1440;
  const step = stepMin * 60_000;
  // Align to the step in local time: offset by the zone so "every 3 h" lands on 00, 03, 06 …
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  let at = Math.ceil((from - offset) / step) * step + offset;
  const ticks: TimeTick[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (; at <= to && ticks.length < max + 1; at += step) {
    const d = new Date(at);
    const label = stepMin >= 1440 ? `${d.getMonth() + 1}/${d.getDate()}` : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    ticks.push({ position: (at - from) / (to - from), label });
  }
  return ticks;
}
