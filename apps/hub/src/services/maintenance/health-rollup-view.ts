import type { HealthRollupRecord } from '@deskside/store';

/**
 * One hour of a device's health on the wire. The first fields have `HealthPoint`'s names and
 * bounds (averages rounded to whole bytes / dBm), so a chart that draws recent samples draws hours
 * the same way; the `…Max`, `…Min` and `samples` fields are extra. Not in the protocol yet.
 */
export interface HealthHourPoint {
  at: string;
  samples: number;
  cpuPercent: number;
  cpuPercentMax: number;
  memUsedBytes: number;
  memUsedBytesMax: number;
  memTotalBytes: number;
  /** The hour's last disk reading. */
  diskUsedBytes: number | null;
  diskUsedBytesMax: number | null;
  diskTotalBytes: number | null;
  uptimeSeconds: number;
  wifi: { signalDbm: number | null; qualityPercent: number | null; signalDbmMin: number | null; qualityPercentMin: number | null; samples: number } | null;
}

export function toHealthHourPoint(r: HealthRollupRecord): HealthHourPoint {
  return {
    at: r.hour.toISOString(),
    samples: r.samples,
    cpuPercent: Math.round(r.cpuPercentAvg * 10) / 10,
    cpuPercentMax: r.cpuPercentMax,
    memUsedBytes: Math.round(r.memUsedBytesAvg),
    memUsedBytesMax: r.memUsedBytesMax,
    memTotalBytes: r.memTotalBytes,
    diskUsedBytes: r.diskUsedBytesLast,
    diskUsedBytesMax: r.diskUsedBytesMax,
    diskTotalBytes: r.diskTotalBytes,
    uptimeSeconds: r.uptimeSeconds,
    wifi: r.wifi
      ? {
          signalDbm: roundOrNull(r.wifi.signalDbmAvg),
          qualityPercent: roundOrNull(r.wifi.qualityPercentAvg),
          signalDbmMin: r.wifi.signalDbmMin,
          qualityPercentMin: r.wifi.qualityPercentMin,
          samples: r.wifi.samples,
        }
      : null,
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
