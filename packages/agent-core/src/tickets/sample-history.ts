import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DiagnosticsBundle, MetricsSample } from '@deskside/protocol';
import { ensurePrivateDir, writeFileAtomic } from '../util/atomic-file.js';

/** One point per 5 minutes over 24 hours. */
export const HISTORY_POINTS = 288;
export const HISTORY_STEP_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const SAMPLE_HISTORY_FILE = 'samples-24h.json';

// Compact on disk: [epoch ms, cpu %, memory %, disk % | null].
const PointSchema = z.tuple([z.number().int().nonnegative(), pct(), pct(), pct().nullable()]);
const FileSchema = z.object({ v: z.literal(1), points: z.array(PointSchema).max(HISTORY_POINTS) });
type Point = z.infer<typeof PointSchema>;

function pct() {
  return z.number().min(0).max(100);
}

export type HistorySample = DiagnosticsBundle['samples'][number];

/**
 * The last 24 h of CPU / memory / disk use for the diagnostics bundle: a ring buffer of at most
 * 288 points (one per 5 minutes, the first sample of each step kept), persisted in the state dir
 * so a restart does not forget the morning. A heartbeat every 30 s writes the file at most once
 * per 5 minutes.
 */
export class SampleHistory {
  private points: Point[] | null = null;
  private readonly path: string;

  constructor(private readonly stateDir: string) {
    this.path = join(stateDir, SAMPLE_HISTORY_FILE);
  }

  /** Adds a sample taken at `now` unless the last point is less than one step old. */
  async record(sample: MetricsSample, now: number): Promise<boolean> {
    const points = await this.load();
    const last = points.at(-1);
    if (last && now - last[0] < HISTORY_STEP_MS && now >= last[0]) return false;
    points.push([Math.floor(now), round(sample.cpuPercent), percentOf(sample.memUsedBytes, sample.memTotalBytes) ?? 0, percentOf(sample.diskUsedBytes, sample.diskTotalBytes)]);
    const fresh = points.filter((p) => p[0] > now - DAY_MS && p[0] <= now).slice(-HISTORY_POINTS);
    this.points = fresh;
    await ensurePrivateDir(this.stateDir);
    await writeFileAtomic(this.path, JSON.stringify({ v: 1, points: fresh }));
    return true;
  }

  /** The points of the last 24 hours before `now`, oldest first. */
  async last24h(now: number): Promise<HistorySample[]> {
    const points = await this.load();
    return points
      .filter((p) => p[0] > now - DAY_MS && p[0] <= now)
      .map(([at, cpu, memory, disk]) => ({ at: new Date(at).toISOString(), cpuPercent: cpu, memoryPercent: memory, diskPercent: disk }));
  }

  private async load(): Promise<Point[]> {
    if (this.points) return this.points;
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      this.points = parsed.success ? [...parsed.data.points].sort((a, b) => a[0] - b[0]) : [];
    } catch {
      this.points = [];
    }
    return this.points;
  }
}

function percentOf(used: number | null, total: number | null): number | null {
  if (used === null || total === null || total <= 0) return null;
  return round(Math.min(100, Math.max(0, (used / total) * 100)));
}

function round(n: number): number {
  return Math.round(Math.min(100, Math.max(0, n)) * 10) / 10;
}
