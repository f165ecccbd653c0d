import type { EpochMs } from '../schema.js';

/** One consented fix: requested, asked, run, answered (migration 0025). */
export interface FixRunsTable {
  id: string;
  device_id: string;
  site_id: string;
  ticket_id: string | null;
  action: string;
  /** JSON object of the validated parameters. */
  params: string;
  origin: string;
  requested_by_id: string | null;
  requested_by: string;
  state: string;
  /** 1 while the run may still do something; 0 once final. One active run per device (partial unique index). */
  active: number;
  created_at: EpochMs;
  updated_at: EpochMs;
  expires_at: EpochMs;
  message: string | null;
  exit_code: number | null;
  duration_ms: number | null;
  output: string | null;
  bytes_freed: number | null;
}

export interface FixTables {
  fix_runs: FixRunsTable;
}
