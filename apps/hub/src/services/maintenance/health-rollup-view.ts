import type { HealthHourPoint } from '@deskside/protocol';
import type { HealthRollupRecord } from '@deskside/store';

/**
 * A rollup on the wire (protocol `HealthHourPoint`): averages rounded like a sample's figures
 * (0.1 % CPU, whole bytes and dBm), so a chart draws hours the way it draws samples.
 */
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
