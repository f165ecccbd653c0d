import type { EpochMs } from '../schema.js';

/** `health_rollups` (migration 0009): one row per device and UTC hour, see rollup-math.ts. */
export interface HealthRollupsTable {
  device_id: string;
  hour: EpochMs;
  samples: number;
  last_at: EpochMs;
  cpu_sum: number;
  cpu_max: number;
  mem_used_sum: number;
  mem_used_max: number;
  mem_total: number;
  uptime_seconds: number;
  disk_last_at: EpochMs | null;
  disk_used_last: number | null;
  disk_used_max: number | null;
  disk_total: number | null;
  wifi_samples: number;
  wifi_signal_sum: number;
  wifi_signal_count: number;
  wifi_signal_min: number | null;
  wifi_quality_sum: number;
  wifi_quality_count: number;
  wifi_quality_min: number | null;
}
