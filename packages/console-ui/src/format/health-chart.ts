import type { HealthPoint } from '@deskside/protocol';

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
  /** Time span covered, epoch ms; null with no samples. */
  from: number | null;
  to: number | null;
  /** Where each line ends, to mark the latest sample (and show a lone sample at all). */
  cpuEnd: ChartPoint | null;
  memoryEnd: ChartPoint | null;
  /** The latest values, for the legend. */
  lastCpu: number | null;
  lastMemory: number | null;
}

/** Memory used as a percentage of total, or null when the total is unknown (0). */
export function memoryPercent(point: Pick<HealthPoint, 'memUsedBytes' | 'memTotalBytes'>): number | null {
  if (point.memTotalBytes <= 0) return null;
  return clamp((point.memUsedBytes / point.memTotalBytes) * 100);
}

/**
 * Polyline points for CPU % and memory % over time: x by sample time across the width, y from
 * 100 % (top) to 0 % (bottom). Samples are sorted by time; unparseable times are skipped.
 */
export function healthLines(samples: readonly HealthPoint[], { width, height }: ChartGeometry): HealthLines {
  const timed = samples
    .map((sample) => ({ sample, at: Date.parse(sample.at) }))
    .filter((entry) => !Number.isNaN(entry.at))
    .sort((a, b) => a.at - b.at);
  const thinned = thin(timed, MAX_CHART_POINTS);
  const first = thinned[0];
  const last = thinned[thinned.length - 1];
  if (first === undefined || last === undefined) {
    return { cpu: '', memory: '', cpuEnd: null, memoryEnd: null, from: null, to: null, lastCpu: null, lastMemory: null };
  }
  const span = last.at - first.at;
  const x = (at: number) => (span === 0 ? width / 2 : ((at - first.at) / span) * width);
  const y = (percent: number) => height - (clamp(percent) / 100) * height;
  const round = (n: number) => Math.round(n * 10) / 10;
  const cpu: string[] = [];
  const memory: string[] = [];
  let cpuEnd: ChartPoint | null = null;
  let memoryEnd: ChartPoint | null = null;
  for (const { sample, at } of thinned) {
    cpuEnd = { x: round(x(at)), y: round(y(sample.cpuPercent)) };
    cpu.push(`${cpuEnd.x},${cpuEnd.y}`);
    const mem = memoryPercent(sample);
    if (mem !== null) {
      memoryEnd = { x: round(x(at)), y: round(y(mem)) };
      memory.push(`${memoryEnd.x},${memoryEnd.y}`);
    }
  }
  return {
    cpu: cpu.join(' '),
    memory: memory.join(' '),
    cpuEnd,
    memoryEnd,
    from: first.at,
    to: last.at,
    lastCpu: clamp(last.sample.cpuPercent),
    lastMemory: memoryPercent(last.sample),
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
