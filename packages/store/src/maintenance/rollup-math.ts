import type { MetricsSample } from '@deskside/protocol';
import type { HealthRollupRecord } from './maintenance-types.js';
import type { HealthRollupsTable } from './schema-rollups.js';

export const HOUR_MS = 3_600_000;

/** Start of the UTC hour holding `ms`. */
export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** The rollup of a single sample: folding is then only ever a merge of two rollups. */
export function rollupOfSample(deviceId: string, at: number, m: MetricsSample): HealthRollupsTable {
  const signal = m.wifi?.signalDbm ?? null;
  const quality = m.wifi?.qualityPercent ?? null;
  return {
    device_id: deviceId,
    hour: hourOf(at),
    samples: 1,
    last_at: at,
    cpu_sum: m.cpuPercent,
    cpu_max: m.cpuPercent,
    mem_used_sum: m.memUsedBytes,
    mem_used_max: m.memUsedBytes,
    mem_total: m.memTotalBytes,
    uptime_seconds: m.uptimeSeconds,
    disk_last_at: m.diskUsedBytes === null ? null : at,
    disk_used_last: m.diskUsedBytes,
    disk_used_max: m.diskUsedBytes,
    disk_total: m.diskUsedBytes === null ? null : m.diskTotalBytes,
    // A sample that says "no link" (null) or does not say (absent) adds nothing to the Wi-Fi figures.
    wifi_samples: m.wifi ? 1 : 0,
    wifi_signal_sum: signal ?? 0,
    wifi_signal_count: signal === null ? 0 : 1,
    wifi_signal_min: signal,
    wifi_quality_sum: quality ?? 0,
    wifi_quality_count: quality === null ? 0 : 1,
    wifi_quality_min: quality,
  };
}

/**
 * Two rollups of the same device and hour as one. Exact whatever the order and grouping (sums,
 * counts, extremes, and "last" chosen by time), so batches may cut an hour anywhere and a sample
 * that arrives after its hour was rolled up still lands in it.
 */
export function mergeRollups(a: HealthRollupsTable, b: HealthRollupsTable): HealthRollupsTable {
  const later = b.last_at >= a.last_at ? b : a;
  const diskLater = a.disk_last_at === null || (b.disk_last_at !== null && b.disk_last_at >= a.disk_last_at) ? b : a;
  return {
    device_id: a.device_id,
    hour: a.hour,
    samples: a.samples + b.samples,
    last_at: later.last_at,
    cpu_sum: a.cpu_sum + b.cpu_sum,
    cpu_max: Math.max(a.cpu_max, b.cpu_max),
    mem_used_sum: a.mem_used_sum + b.mem_used_sum,
    mem_used_max: Math.max(a.mem_used_max, b.mem_used_max),
    mem_total: later.mem_total,
    uptime_seconds: later.uptime_seconds,
    disk_last_at: diskLater.disk_last_at,
    disk_used_last: diskLater.disk_used_last,
    disk_used_max: maxOrNull(a.disk_used_max, b.disk_used_max),
    disk_total: diskLater.disk_total,
    wifi_samples: a.wifi_samples + b.wifi_samples,
    wifi_signal_sum: a.wifi_signal_sum + b.wifi_signal_sum,
    wifi_signal_count: a.wifi_signal_count + b.wifi_signal_count,
    wifi_signal_min: minOrNull(a.wifi_signal_min, b.wifi_signal_min),
    wifi_quality_sum: a.wifi_quality_sum + b.wifi_quality_sum,
    wifi_quality_count: a.wifi_quality_count + b.wifi_quality_count,
    wifi_quality_min: minOrNull(a.wifi_quality_min, b.wifi_quality_min),
  };
}

/** A stored row as the record services see. `Number()`: PostgreSQL drivers may answer int8 as text. */
export function toRollupRecord(row: HealthRollupsTable): HealthRollupRecord {
  const samples = Number(row.samples);
  const wifiSamples = Number(row.wifi_samples);
  const signalCount = Number(row.wifi_signal_count);
  const qualityCount = Number(row.wifi_quality_count);
  return {
    deviceId: row.device_id,
    hour: new Date(Number(row.hour)),
    samples,
    lastAt: new Date(Number(row.last_at)),
    cpuPercentAvg: Number(row.cpu_sum) / samples,
    cpuPercentMax: Number(row.cpu_max),
    memUsedBytesAvg: Number(row.mem_used_sum) / samples,
    memUsedBytesMax: Number(row.mem_used_max),
    memTotalBytes: Number(row.mem_total),
    uptimeSeconds: Number(row.uptime_seconds),
    diskUsedBytesLast: numberOrNull(row.disk_used_last),
    diskUsedBytesMax: numberOrNull(row.disk_used_max),
    diskTotalBytes: numberOrNull(row.disk_total),
    wifi:
      wifiSamples === 0
        ? null
        : {
            samples: wifiSamples,
            signalDbmAvg: signalCount === 0 ? null : Number(row.wifi_signal_sum) / signalCount,
            signalDbmMin: numberOrNull(row.wifi_signal_min),
            qualityPercentAvg: qualityCount === 0 ? null : Number(row.wifi_quality_sum) / qualityCount,
            qualityPercentMin: numberOrNull(row.wifi_quality_min),
          },
  };
}

function maxOrNull(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function minOrNull(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function numberOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
}
